"""Model parts shared by the portal's apps."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StatusEvent(models.Model):
    """Who changed a record's status, when and why.

    A concrete event adds the record (a foreign key) and `from_status` and
    `to_status` with the record's status choices.
    """

    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_status or '-'} → {self.to_status}"


class TranslationState(models.TextChoices):
    """The state of a record's texts in one language."""

    SOURCE = "source", _("source text")
    HUMAN = "human", _("human translation")
    MACHINE = "machine", _("machine translation")
    OUTDATED = "outdated", _("outdated")
    MISSING = "missing", _("missing")


class TranslationOrigin(models.TextChoices):
    """Who wrote a translation: a machine draft may be replaced, a person's text never."""

    HUMAN = "human", _("a person")
    MACHINE = "machine", _("machine translation")


class TranslationRecord(models.Model):
    """Where one language's texts of a record came from, and from which source texts.

    For models without a translation table of their own (organisations,
    clusters): their state is worked out from this and the texts (see
    portal/common/translations.py). A text with no record was written by a person.
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("content type"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    origin = models.CharField(_("written by"), max_length=10, choices=TranslationOrigin.choices)
    source_language = models.CharField(
        _("source language"), max_length=5, choices=settings.LANGUAGES
    )
    # A digest of the source texts this translation was made from.
    source_digest = models.CharField(_("source digest"), max_length=64)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("translation record")
        verbose_name_plural = _("translation records")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="portal_one_translation_record_per_language",
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}/{self.object_id} {self.language}: {self.origin}"


class TaskProgress(models.Model):
    """How far a running background task has got, written by the task as it goes.

    The task backend keeps only a task's status; staff also want to see that a
    bulk task over hundreds of offers is moving.
    """

    task_id = models.UUIDField(_("task"), primary_key=True)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("task progress")
        verbose_name_plural = _("task progress")

    def __str__(self):
        return f"{self.task_id}: {self.done}/{self.total}"


class PersonErasure(models.Model):
    """A person's data erased on their request (GDPR art. 17): who asked, who did it, when.

    Written by portal/privacy.py, without the person's data: only the erasure's id
    (the marker left in the anonymised rows) and how many rows of each kind changed.
    """

    class Channel(models.TextChoices):
        PERSON = "person", _("the person, signed in")
        STAFF = "staff", _("staff, on a request received otherwise")

    erasure_id = models.CharField(_("erasure id"), max_length=20, unique=True)
    requested_by = models.CharField(_("requested by"), max_length=10, choices=Channel.choices)
    staff_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    staff_username = models.CharField(_("staff member's username"), max_length=150, blank=True)
    had_account = models.BooleanField(_("had a user account"), default=False)
    counts = models.JSONField(_("rows changed"), default=dict)
    erased_at = models.DateTimeField(_("erased"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-erased_at", "-pk"]
        verbose_name = _("erasure of personal data")
        verbose_name_plural = _("erasures of personal data")

    def __str__(self):
        return f"{self.erasure_id} · {self.erased_at:%Y-%m-%d %H:%M}"
