from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from companies.models import Activity, Cluster, Organisation


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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("co-operation offer")
        verbose_name_plural = _("co-operation offers")
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self):
        title = getattr(self, f"title_{self.source_language}", "") or self.title
        return f"{self.reference}: {title}"

    def get_cooperation_types_display(self):
        labels = dict(self.CooperationType.choices)
        return [labels.get(value, value) for value in self.cooperation_types]
