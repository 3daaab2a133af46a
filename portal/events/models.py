"""The project's events (trainings, conferences, study visits...) and registrations."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from phonenumber_field.modelfields import PhoneNumberField

from companies.models import Cluster
from portal.common.rich_text import RichTextField
from portal.documents.models import Document

# The time zones of the project's partners, in which an event's times are given.
TIME_ZONES = [
    ("Europe/Warsaw", "Europe/Warsaw"),
    ("Europe/Rome", "Europe/Rome"),
    ("Europe/Vienna", "Europe/Vienna"),
    ("Europe/Budapest", "Europe/Budapest"),
    ("Europe/Bucharest", "Europe/Bucharest"),
    ("Europe/Sofia", "Europe/Sofia"),
    ("Europe/Prague", "Europe/Prague"),
    ("Europe/Brussels", "Europe/Brussels"),
    ("UTC", "UTC"),
]


class Event(models.Model):
    class Kind(models.TextChoices):
        TRAINING = "training", _("training")
        CONFERENCE = "conference", _("conference")
        WORKSHOP = "workshop", _("workshop")
        STUDY_VISIT = "study_visit", _("study visit")
        FOCUS_GROUP = "focus_group", _("focus group")
        WORKING_MEETING = "working_meeting", _("working meeting")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CANCELLED = "cancelled", _("cancelled")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    title = models.CharField(_("title"), max_length=250)
    description = RichTextField(_("description"), blank=True)
    programme = RichTextField(_("programme"), blank=True)
    report = RichTextField(
        _("report"), blank=True, help_text=_("A short report, shown once the event is over.")
    )
    organiser = models.CharField(_("organiser"), max_length=250, blank=True)

    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"), max_length=40, choices=TIME_ZONES, default="Europe/Warsaw"
    )

    is_online = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(_("address of the online meeting"), blank=True)
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    languages_spoken = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        help_text=_("Language codes separated by commas, for example: pl,en,de."),
    )
    clusters = models.ManyToManyField(
        Cluster, verbose_name=_("clusters"), related_name="events", blank=True
    )
    documents = models.ManyToManyField(
        Document, verbose_name=_("related documents"), related_name="events", blank=True
    )

    registration_open = models.BooleanField(_("registration open"), default=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    is_milestone = models.BooleanField(
        _("project milestone"),
        default=False,
        help_text=_("Shown on the project's timeline."),
    )

    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("translate_event", _("Can translate events"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event_detail", kwargs={"slug": self.slug})

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def language_codes(self):
        return [code.strip() for code in self.languages_spoken.split(",") if code.strip()]


class Registration(models.Model):
    """One person's registration for an event: personal data, shown only to staff."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("e-mail not confirmed yet")
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED
    )
    name = models.CharField(_("name"), max_length=200)
    organisation_name = models.CharField(_("organisation"), max_length=250, blank=True)
    country = CountryField(_("country"))
    email = models.EmailField(_("e-mail address"))
    phone = PhoneNumberField(_("phone number"), blank=True)
    needs = models.TextField(_("dietary or access needs"), blank=True, max_length=2000)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    consent_version = models.CharField(_("version of the privacy notice"), max_length=40)
    consented_at = models.DateTimeField(_("consent given"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("member account"),
    )

    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    waiting_since = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        ordering = ["event", "created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        permissions = [("export_registration", _("Can export registrations"))]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="one_live_registration_per_address",
            )
        ]
        indexes = [models.Index(fields=["event", "status"], name="registration_event_status")]

    def __str__(self):
        return f"{self.name} – {self.event}"
