from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from phonenumber_field.modelfields import PhoneNumberField

from companies import validators


class Activity(models.Model):
    """A NACE Rev. 2 entry: a section, division, group or class."""

    class Level(models.IntegerChoices):
        SECTION = 1, _("section")
        DIVISION = 2, _("division")
        GROUP = 3, _("group")
        CLASS = 4, _("class")

    code = models.CharField(_("code"), max_length=5, unique=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    name = models.CharField(_("name"), max_length=300)

    class Meta:
        ordering = ["level", "code"]
        verbose_name = _("NACE activity")
        verbose_name_plural = _("NACE activities")

    def __str__(self):
        return f"{self.code} {self.name}"


class Cluster(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    activities = models.ManyToManyField(
        Activity,
        verbose_name=_("NACE activities that define it"),
        related_name="clusters",
        blank=True,
    )
    # The industry whose regional statistics the cluster's analysis reads.
    statistics_activity = models.ForeignKey(
        Activity,
        verbose_name=_("NACE activity of its statistics"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        permissions = [("translate_cluster", _("Can translate clusters"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("companies:cluster_detail", kwargs={"slug": self.slug})


class Certification(models.Model):
    """A certificate or quality scheme an organisation holds (ISO 22000, IFS…)."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")

    def __str__(self):
        return self.name


class OrganisationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        FIRM = "firm", _("firm")
        UNIVERSITY = "university", _("university or research institute")
        BANK = "bank", _("bank or financial institution")
        DEVELOPMENT_AGENCY = "agency", _("development agency")
        TRAINING_CENTRE = "training", _("advisory or training centre")
        CHAMBER = "chamber", _("chamber or business association")
        OTHER = "other", _("other institution")

    class SizeClass(models.TextChoices):
        # EU SME definition, Recommendation 2003/361/EC.
        MICRO = "micro", _("micro (fewer than 10 persons)")
        SMALL = "small", _("small (10–49 persons)")
        MEDIUM = "medium", _("medium (50–249 persons)")
        LARGE = "large", _("large (250 persons or more)")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    legal_form = models.CharField(_("legal form"), max_length=100, blank=True)

    nip = models.CharField(
        _("NIP"), max_length=13, blank=True, validators=[validators.validate_nip]
    )
    regon = models.CharField(
        _("REGON"), max_length=17, blank=True, validators=[validators.validate_regon]
    )
    krs = models.CharField(
        _("KRS"), max_length=10, blank=True, validators=[validators.validate_krs]
    )
    vat_id = models.CharField(_("EU VAT number"), max_length=20, blank=True)

    country = CountryField(_("country"))
    region = models.CharField(_("region"), max_length=100, blank=True)
    nuts_region = models.ForeignKey(
        "companies.Region",
        verbose_name=_("NUTS 2 region"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
    )
    town = models.CharField(_("town"), max_length=100)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=12, blank=True)
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

    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("general e-mail address"), blank=True)
    phone = PhoneNumberField(_("general phone number"), blank=True)

    size_class = models.CharField(
        _("size class"), max_length=10, choices=SizeClass.choices, blank=True
    )
    employees = models.PositiveIntegerField(_("persons employed"), null=True, blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )

    activities = models.ManyToManyField(
        Activity, verbose_name=_("NACE activities"), related_name="organisations", blank=True
    )
    clusters = models.ManyToManyField(
        Cluster, verbose_name=_("clusters"), related_name="organisations", blank=True
    )
    description = models.TextField(_("description"), blank=True)
    products = models.TextField(_("products and services"), blank=True)
    certifications = models.ManyToManyField(
        Certification,
        verbose_name=_("certifications"),
        related_name="organisations",
        blank=True,
    )
    export_markets = CountryField(_("export markets"), multiple=True, blank=True)
    languages_spoken = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        help_text=_("Language codes separated by commas, for example: pl,en,de."),
    )
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)

    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        permissions = [
            ("translate_organisation", _("Can translate organisations")),
            ("export_organisation", _("Can export organisations")),
        ]
        indexes = [models.Index(fields=["is_published", "name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("companies:organisation_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        self.vat_id, errors = validators.check_tax_ids(
            country_code=self.country.code if self.country else "", nip=self.nip, vat_id=self.vat_id
        )
        if errors:
            # The first one only, as the admin has always shown it.
            field, error = next(iter(errors.items()))
            raise ValidationError({field: error})

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def language_codes(self):
        return [code.strip() for code in self.languages_spoken.split(",") if code.strip()]


class ContactPerson(models.Model):
    """Personal data, kept apart from the organisation and shown only with consent."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"))
    phone = PhoneNumberField(_("phone number"), blank=True)
    publication_consent = models.BooleanField(
        _("agreed to publication of these details"), default=False
    )
    publication_consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    publication_consent_version = models.CharField(
        _("consent wording version"), max_length=20, blank=True
    )
    alerts_consent = models.BooleanField(_("agreed to receive offer alerts"), default=False)
    alerts_consent_at = models.DateTimeField(_("alerts consent given at"), null=True, blank=True)
    alerts_consent_version = models.CharField(
        _("alerts consent wording version"), max_length=20, blank=True
    )
    language = models.CharField(
        _("language for e-mails"), max_length=5, choices=settings.LANGUAGES, default="pl"
    )
    # When the person proved the address is theirs (by following the link of a
    # questionnaire they sent): only such an address may become a member's account.
    email_confirmed_at = models.DateTimeField(
        _("e-mail address confirmed at"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return f"{self.first_name} {self.last_name}"


class ContactDataView(models.Model):
    """A staff member opened an admin page showing a contact person's data.

    Written by companies/access_log.py, never changed or deleted in the admin: the
    answer to "who has seen my data?". The person's and organisation's ids stay when
    the records are deleted, the user's name when the account is.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    username = models.CharField(_("username"), max_length=150)
    contact_person = models.ForeignKey(
        ContactPerson,
        verbose_name=_("contact person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="views",
    )
    contact_person_ref = models.PositiveBigIntegerField(
        _("contact person id"), null=True, blank=True
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    path = models.CharField(_("page"), max_length=500)
    viewed_at = models.DateTimeField(_("viewed"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-viewed_at", "-pk"]
        verbose_name = _("view of contact data")
        verbose_name_plural = _("views of contact data")

    def __str__(self):
        return f"{self.username} · {self.viewed_at:%Y-%m-%d %H:%M}"


class OrganisationRevision(models.Model):
    """Changes to an organisation's public record proposed by one of its members.

    The record stays as it is (and the public page shows it) until staff accept the
    proposal (companies/services.py). `changes` holds only the fields the proposal
    changes, as JSON (companies/revisions.py says which fields and in what form),
    and `original` the record's values of those fields when it was proposed, so
    that staff see what changed on the record since. An organisation has at most
    one pending revision: a new proposal supersedes it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting a decision")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")
        SUPERSEDED = "superseded", _("superseded by a newer proposal")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed"), default=timezone.now, db_index=True)
    language = models.CharField(_("written in"), max_length=5, choices=settings.LANGUAGES)
    changes = models.JSONField(_("proposed values"), default=dict, blank=True)
    original = models.JSONField(_("values when proposed"), default=dict, blank=True)
    logo = models.ImageField(_("new logo"), upload_to="logos/proposed/", blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # When it stopped awaiting a decision: accepted, rejected, withdrawn or superseded.
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("proposed change to an organisation")
        verbose_name_plural = _("proposed changes to organisations")
        permissions = [
            (
                "moderate_organisationrevision",
                _("Can accept or reject proposed changes to organisations"),
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(status="pending"),
                name="companies_one_pending_revision_per_organisation",
            )
        ]

    def __str__(self):
        return f"{self.organisation} · {timezone.localtime(self.proposed_at):%Y-%m-%d %H:%M}"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING


# Cluster analysis keeps its models in its own package; they belong to this app.
from companies.analysis.models import (  # noqa: E402, F401
    Region,
    RegionalFigure,
    StatisticsImport,
)
