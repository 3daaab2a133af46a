import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from companies.models import Cluster, Organisation
from portal.models import StatusEvent


class SurveyQuestion(models.Model):
    """One of the office's survey questions, asked in step four of the questionnaire."""

    class Kind(models.TextChoices):
        TEXT = "text", _("text")
        YES_NO = "yes_no", _("yes or no")
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple choice")
        SCALE = "scale", _("scale from 1 to 5")

    prompt = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    is_required = models.BooleanField(_("answer required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("A retired question is no longer asked; its answers are kept."),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")
        permissions = [("translate_surveyquestion", _("Can translate survey questions"))]

    def __str__(self):
        return self.prompt

    @property
    def has_choices(self):
        return self.kind in {self.Kind.SINGLE, self.Kind.MULTIPLE}


class SurveyChoice(models.Model):
    question = models.ForeignKey(
        SurveyQuestion,
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="choices",
    )
    label = models.CharField(_("answer"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("answer to choose")
        verbose_name_plural = _("answers to choose")

    def __str__(self):
        return self.label


class Submission(models.Model):
    """One filled-in questionnaire, from its sending to the office's decision."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("awaiting e-mail confirmation")
        CONFIRMED = "confirmed", _("awaiting review")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        CHANGES_REQUESTED = "changes", _("changes requested")

    key = models.UUIDField(_("key"), unique=True, default=uuid.uuid4, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    email = models.EmailField(_("contact e-mail address"), blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=255)
    country = CountryField(_("country"), blank=True)
    clusters = models.ManyToManyField(
        Cluster, verbose_name=_("clusters"), related_name="submissions", blank=True
    )
    # The checked answers of steps 1, 2, 3 and 5, in the shape the services take.
    answers = models.JSONField(_("answers"), default=dict)
    # The questionnaire's own form data, to reopen it filled in.
    form_data = models.JSONField(_("form data"), default=dict, editable=False)
    logo = models.ImageField(_("logo"), upload_to="submissions/", blank=True)

    privacy_notice_version = models.CharField(_("information clause version"), max_length=20)
    privacy_acknowledged_at = models.DateTimeField(_("information clause acknowledged at"))
    publication_consent = models.BooleanField(_("consent to publish contact details"))
    alerts_consent = models.BooleanField(_("consent to offer alerts"))
    consent_version = models.CharField(_("consent wording version"), max_length=20)

    existing_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("registered organisation with the same tax id"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation in the directory"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
    )
    previous = models.ForeignKey(
        "self",
        verbose_name=_("earlier submission it replaces"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("reason given to the submitter"), blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("questionnaire submission")
        verbose_name_plural = _("questionnaire submissions")
        permissions = [
            ("review_submission", _("Can accept, reject or return submissions")),
            ("export_submission", _("Can export submissions with their survey answers")),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.organisation_name} ({self.created_at:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("admin:questionnaire_submission_change", args=[self.pk])

    @property
    def is_update(self):
        return self.existing_organisation_id is not None


class SurveyAnswer(models.Model):
    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="survey_answers",
    )
    question = models.ForeignKey(
        SurveyQuestion,
        verbose_name=_("question"),
        on_delete=models.PROTECT,
        related_name="answers",
    )
    text = models.TextField(_("text"), blank=True)
    # yes/no as 1/0, a scale as 1-5.
    value = models.PositiveSmallIntegerField(_("value"), null=True, blank=True)
    choices = models.ManyToManyField(
        SurveyChoice, verbose_name=_("chosen answers"), related_name="answers", blank=True
    )

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "question"], name="questionnaire_one_answer_per_question"
            )
        ]

    def __str__(self):
        return f"{self.submission_id}: {self.question_id}"


class SubmissionEvent(StatusEvent):
    """Who changed a submission's status, when and why."""

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField(
        _("from"), max_length=12, choices=Submission.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=12, choices=Submission.Status.choices)

    class Meta(StatusEvent.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")


class Draft(models.Model):
    """A questionnaire saved to be continued later from a signed link."""

    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    form_data = models.JSONField(_("form data"), default=dict)
    # The uploads kept with it in the private folder, as the wizard records them.
    files = models.JSONField(_("uploaded files"), default=dict, blank=True)
    step = models.CharField(_("step"), max_length=20, blank=True)
    previous = models.ForeignKey(
        Submission,
        verbose_name=_("submission returned for changes"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved questionnaire")
        verbose_name_plural = _("saved questionnaires")

    def __str__(self):
        return f"{self.email} ({self.created_at:%Y-%m-%d})"
