"""The project "Development of Industrial Clusters" and its partners."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Partner(models.Model):
    """A partner region or country of the project; one of them leads it."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    country = CountryField(_("country"))
    is_lead = models.BooleanField(_("lead partner"), default=False)
    website = models.URLField(_("website"), blank=True)
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
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        permissions = [("translate_partner", _("Can translate project partners"))]

    def __str__(self):
        return self.name

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None
