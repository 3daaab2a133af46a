import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from companies.models import Activity, Cluster, Organisation
from portal.models import StatusEvent, TranslationOrigin, TranslationState

TRANSLATED_FIELDS = ("title", "summary", "description", "partner_sought")


class OfferQuerySet(models.QuerySet):
    def live(self, now=None):
        """Published and not past its expiry date, checked now (not by a nightly job)."""
        return self.filter(status=Offer.Status.PUBLISHED, expires_at__gt=now or timezone.now())


class Offer(models.Model):
    """A co-operation offer (or request) of one organisation."""

    class Kind(models.TextChoices):
        BUSINESS_OFFER = "business_offer", _("business offer")
        BUSINESS_REQUEST = "business_request", _("business request")
        TECHNOLOGY_OFFER = "technology_offer", _("technology offer")
        TECHNOLOGY_REQUEST = "technology_request", _("technology request")
        RESEARCH = "research", _("research partnership")
        SUBCONTRACTING = "subcontracting", _("subcontracting")

    class CooperationType(models.TextChoices):
        COMMERCIAL = "commercial", _("commercial agreement")
        DISTRIBUTION = "distribution", _("distribution or agency")
        SUPPLIER = "supplier", _("supplier agreement")
        MANUFACTURING = "manufacturing", _("manufacturing agreement")
        SUBCONTRACTING = "subcontracting", _("subcontracting or outsourcing")
        LICENCE = "licence", _("licence agreement")
        TECHNICAL = "technical", _("technical co-operation")
        RESEARCH = "research", _("research and development co-operation")
        JOINT_VENTURE = "joint_venture", _("joint venture")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")
        EXPIRED = "expired", _("expired")
        ARCHIVED = "archived", _("archived")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="offers",
    )
    reference = models.CharField(_("reference number"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    cooperation_types = models.JSONField(_("co-operation types"), default=list, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    partner_sought = models.TextField(_("partner sought"), blank=True)
    source_language = models.CharField(
        _("source language"), max_length=5, choices=settings.LANGUAGES
    )
    clusters = models.ManyToManyField(
        Cluster, verbose_name=_("clusters"), related_name="offers", blank=True
    )
    activities = models.ManyToManyField(
        Activity, verbose_name=_("NACE activities"), related_name="offers", blank=True
    )
    target_countries = CountryField(_("target countries"), multiple=True, blank=True)
    keywords = models.CharField(_("keywords"), max_length=300, blank=True)
    is_anonymous = models.BooleanField(
        _("anonymous"),
        default=False,
        help_text=_("Partners see only the country, cluster and size; the office brokers contact."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    open_for_interest = models.BooleanField(_("open for expressions of interest"), default=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    renewed_at = models.DateTimeField(_("renewed"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("expiry reminder sent"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("co-operation offer")
        verbose_name_plural = _("co-operation offers")
        permissions = [
            ("moderate_offer", _("Can publish, reject and renew offers")),
            ("translate_offer", _("Can translate offers")),
            ("export_offer", _("Can export offers")),
        ]
        indexes = [
            models.Index(fields=["status", "expires_at"]),
            models.Index(fields=["status", "published_at"]),
        ]

    def __str__(self):
        title = getattr(self, f"title_{self.source_language}", "") or self.title
        return f"{self.reference}: {title}"

    def get_absolute_url(self):
        return reverse("offers:offer_detail", kwargs={"reference": self.reference})

    @property
    def is_expired(self):
        return self.status == self.Status.EXPIRED or (
            self.status == self.Status.PUBLISHED
            and self.expires_at is not None
            and self.expires_at <= timezone.now()
        )

    def text(self, field, language):
        return getattr(self, f"{field}_{language}", "") or ""

    def get_cooperation_types_display(self):
        labels = dict(self.CooperationType.choices)
        return [labels.get(value, value) for value in self.cooperation_types]


class OfferTranslation(models.Model):
    """The state of an offer's texts in one language."""

    State = TranslationState
    Origin = TranslationOrigin

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.MISSING
    )
    # Who wrote the text: an outdated text a person wrote is theirs to bring up to
    # date, and machine translation never replaces it.
    origin = models.CharField(_("written by"), max_length=10, choices=Origin.choices, blank=True)
    # A digest of the source texts this translation was made from.
    source_digest = models.CharField(_("source digest"), max_length=64, blank=True)
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
        ordering = ["offer", "language"]
        verbose_name = _("offer translation")
        verbose_name_plural = _("offer translations")
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "language"], name="offers_one_translation_per_language"
            )
        ]
        indexes = [models.Index(fields=["language", "state"])]

    def __str__(self):
        return f"{self.offer_id} {self.language}: {self.state}"


class OfferEvent(StatusEvent):
    """Who changed an offer's status, when and why."""

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField(
        _("from"), max_length=12, choices=Offer.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=12, choices=Offer.Status.choices)

    class Meta(StatusEvent.Meta):
        verbose_name = _("offer status change")
        verbose_name_plural = _("offer status changes")


class ExpressionOfInterest(models.Model):
    """A partner's answer to an offer, brokered by the office."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        FORWARDED = "forwarded", _("forwarded to the firm")
        # The office did not forward it.
        DECLINED = "declined", _("declined")

    class Outcome(models.TextChoices):
        """What came of a forwarded expression of interest, as the firm (or the office) says.

        The last step reached; an agreement signed feeds the register of
        co-operation agreements.
        """

        CONTACTED = "contacted", _("contacted")
        MEETING = "meeting", _("meeting held")
        NEGOTIATING = "negotiating", _("negotiating")
        AGREEMENT = "agreement", _("agreement signed")
        NO_DEAL = "no_deal", _("no deal")

    offer = models.ForeignKey(
        Offer,
        verbose_name=_("offer"),
        on_delete=models.CASCADE,
        related_name="expressions_of_interest",
    )
    name = models.CharField(_("name"), max_length=200)
    organisation_name = models.CharField(_("organisation"), max_length=255)
    country = CountryField(_("country"))
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    message = models.TextField(_("message"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    consent_version = models.CharField(_("consent wording version"), max_length=20)
    consent_at = models.DateTimeField(_("consent given at"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    staff_note = models.TextField(_("note for the firm"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    forwarded_at = models.DateTimeField(_("forwarded"), null=True, blank=True)
    forwarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("forwarded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    outcome_at = models.DateTimeField(_("outcome recorded"), null=True, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("outcome recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        permissions = [("forward_interest", _("Can forward expressions of interest"))]

    def __str__(self):
        return f"{self.organisation_name} → {self.offer_id}"


class OfferRevision(models.Model):
    """An edit of a published offer proposed by its firm, awaiting the office's decision.

    The offer stays as the public sees it until staff accept the revision
    (`offer_accept_edit`). A revision holds the whole proposed state of the
    editable fields, not only what changed, so that staff compare it field by
    field with the offer as it is now; its texts are in `language`, the offer's
    source language when it was proposed.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting a decision")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        # A newer proposal of the same offer replaced it before a decision.
        SUPERSEDED = "superseded", _("superseded")

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="revisions"
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    partner_sought = models.TextField(_("partner sought"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Offer.Kind.choices)
    cooperation_types = models.JSONField(_("co-operation types"), default=list, blank=True)
    clusters = models.ManyToManyField(
        Cluster, verbose_name=_("clusters"), related_name="+", blank=True
    )
    activities = models.ManyToManyField(
        Activity, verbose_name=_("NACE activities"), related_name="+", blank=True
    )
    target_countries = CountryField(_("target countries"), multiple=True, blank=True)
    keywords = models.CharField(_("keywords"), max_length=300, blank=True)
    open_for_interest = models.BooleanField(_("open for expressions of interest"), default=True)
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason for rejection"), blank=True)

    class Meta:
        ordering = ["-proposed_at"]
        verbose_name = _("edit of a published offer")
        verbose_name_plural = _("edits of published offers")
        constraints = [
            models.UniqueConstraint(
                fields=["offer"],
                condition=Q(status="pending"),
                name="offers_one_pending_revision_per_offer",
            )
        ]
        indexes = [models.Index(fields=["status", "proposed_at"])]

    def __str__(self):
        return f"{self.offer.reference}: {self.title}"


class SavedSearch(models.Model):
    """A partner's alert: new offers matching a search, e-mailed as a digest."""

    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    query = models.CharField(_("words"), max_length=200, blank=True)
    # The list's filters, as in its URL (kind, cluster, cooperation, country, ...).
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)
    consent_version = models.CharField(_("consent wording version"), max_length=20)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last digest sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("offer alert")
        verbose_name_plural = _("offer alerts")
        indexes = [
            models.Index(
                fields=["confirmed_at"],
                condition=Q(confirmed_at__isnull=False),
                name="offers_alert_confirmed",
            )
        ]

    def __str__(self):
        return f"{self.email} ({self.language})"
