"""A member: someone outside the office who signs in to keep their own records current."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from companies.models import ContactPerson, Organisation


class Member(models.Model):
    """The account of a registered organisation's contact person, or of a partner.

    A contact person's member is tied to the organisation and the contact record;
    a partner's names its organisation and country here (it is not in the
    directory). Members never have a usable password nor staff status: they sign
    in by a code e-mailed to them (portal/members/signin.py).
    """

    class Kind(models.TextChoices):
        CONTACT = "contact", _("contact person of a registered organisation")
        PARTNER = "partner", _("partner")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="member",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    contact = models.OneToOneField(
        ContactPerson,
        verbose_name=_("contact person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="member",
    )
    organisation_name = models.CharField(_("partner's organisation"), max_length=255, blank=True)
    country = CountryField(_("partner's country"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="pl",
        help_text=_("The language of the page where the member last signed in."),
    )
    privacy_notice_version = models.CharField(
        _("information clause version"), max_length=20, blank=True
    )
    privacy_acknowledged_at = models.DateTimeField(
        _("information clause acknowledged at"), null=True, blank=True
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            models.CheckConstraint(
                name="member_partner_names_organisation",
                condition=~models.Q(kind="partner")
                | (~models.Q(organisation_name="") & ~models.Q(country="")),
            ),
        ]

    def __str__(self):
        return self.full_name or self.user.email

    def get_absolute_url(self):
        return reverse("members:home")

    @property
    def full_name(self):
        return self.user.get_full_name()

    @property
    def is_partner(self):
        return self.kind == self.Kind.PARTNER
