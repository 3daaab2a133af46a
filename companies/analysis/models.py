from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

# NUTS writes Greece as EL; every other NUTS country prefix is its ISO 3166 code.
NUTS_COUNTRY_ALIASES = {"EL": "GR", "UK": "GB"}


def country_of_code(code):
    """The ISO 3166 country of a NUTS code: its first two letters, EL read as GR."""
    prefix = code[:2].upper()
    return NUTS_COUNTRY_ALIASES.get(prefix, prefix)


class Region(models.Model):
    """A NUTS region of any version: a country (level 0) down to level 3."""

    class Level(models.IntegerChoices):
        COUNTRY = 0, _("country")
        NUTS1 = 1, _("NUTS 1")
        NUTS2 = 2, _("NUTS 2")
        NUTS3 = 3, _("NUTS 3")

    code = models.CharField(_("NUTS code"), max_length=5, unique=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    # Set when an import brought a code the portal did not know.
    added_by = models.ForeignKey(
        "companies.StatisticsImport",
        verbose_name=_("added by the import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="regions_added",
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("NUTS region")
        verbose_name_plural = _("NUTS regions")
        permissions = [("translate_region", _("Can translate NUTS regions"))]

    def __str__(self):
        return f"{self.code} {self.name}"


class StatisticsImport(models.Model):
    """One file of regional statistics read into the portal, and what it changed."""

    class Format(models.TextChoices):
        CSV = "csv", _("long CSV")
        EUROSTAT = "eurostat", _("Eurostat TSV")

    file_name = models.CharField(_("file"), max_length=255)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    source = models.CharField(_("source"), max_length=300, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    # Counts: {"created": n, "updated": n, "unchanged": n, "regions_added": [codes]}.
    summary = models.JSONField(_("summary"), default=dict, blank=True)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("statistics import")
        verbose_name_plural = _("statistics imports")
        permissions = [("import_statistics", _("Can import regional statistics"))]

    def __str__(self):
        return f"{self.file_name} ({self.imported_at:%Y-%m-%d %H:%M})"


class RegionalFigure(models.Model):
    """One indicator's value for a region, a NACE code and a year."""

    class Indicator(models.TextChoices):
        EMPLOYEES = "employees", _("persons employed")
        ENTERPRISES = "enterprises", _("enterprises")
        TURNOVER = "turnover", _("turnover")
        VALUE_ADDED = "value_added", _("value added")
        WAGES = "wages", _("wages and salaries")

    class Status(models.TextChoices):
        AVAILABLE = "", _("available")
        MISSING = "missing", _("missing")
        CONFIDENTIAL = "confidential", _("confidential")

    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="figures"
    )
    # A NACE Rev. 2 code as the portal's activities write it (C, 10, 10.5, 10.51),
    # TOTAL for all activities, or an aggregate as Eurostat writes it (B-N_S95_X_K).
    nace = models.CharField(_("NACE code"), max_length=20)
    year = models.PositiveSmallIntegerField(_("year"))
    indicator = models.CharField(_("indicator"), max_length=20, choices=Indicator.choices)
    # None whenever status is not AVAILABLE: a missing figure is never a zero.
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=3, null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default="", blank=True
    )
    # Eurostat's flags after a value: p provisional, e estimated, b break in series...
    flags = models.CharField(_("flags"), max_length=10, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    statistics_import = models.ForeignKey(
        StatisticsImport,
        verbose_name=_("import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="figures",
    )

    class Meta:
        ordering = ["region", "nace", "indicator", "year"]
        verbose_name = _("regional figure")
        verbose_name_plural = _("regional figures")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "nace", "year", "indicator"],
                name="companies_one_figure_per_region_nace_year_indicator",
            ),
            models.CheckConstraint(
                condition=models.Q(status="", value__isnull=False)
                | (~models.Q(status="") & models.Q(value__isnull=True)),
                name="companies_figure_value_only_when_available",
            ),
        ]
        indexes = [models.Index(fields=["nace", "year", "indicator"])]

    def __str__(self):
        return f"{self.region_id} {self.nace} {self.year} {self.indicator}"
