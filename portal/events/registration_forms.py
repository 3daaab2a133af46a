"""The public registration form: it checks what was typed and writes nothing."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from companies.models import ContactPerson
from offers.forms import ConsentForm, country_choices
from portal.events.models import Registration

NEEDS_MAX_LENGTH = Registration._meta.get_field("needs").max_length


class RegistrationForm(ConsentForm):
    name = forms.CharField(label=_("Your name"), max_length=200)
    organisation_name = forms.CharField(
        label=_("Your organisation"), max_length=250, required=False
    )
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    phone = PhoneNumberField(
        label=_("Phone number"),
        required=False,
        help_text=_(
            "Optional. With the country code if outside Poland, for example +39 02 1234567."
        ),
    )
    needs = forms.CharField(
        label=_("Dietary or access needs"),
        max_length=NEEDS_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Optional. For example a vegetarian meal, or step-free access. At most 2000 characters."
        ),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the office keeps these details to organise the event and to "
            "write to me about it."
        ),
        required=True,
    )

    privacy_id = "registration-privacy"
    autocomplete = {
        "name": "name",
        "organisation_name": "organization",
        "country": "country",
        "email": "email",
        "phone": "tel",
    }


def member_initial(user):
    """What a signed-in member finds filled in: name and address from the account;
    organisation and country from the contact person the account belongs to (or,
    for a partner, from the account's member record), else from the contact person
    with the account's address. Empty for anyone not signed in. Two queries at most.

    The member area is the shell's, which content may not import: the member's
    record is read through the relations it adds to the account and to the
    contact person (`member`).
    """
    if not user.is_authenticated:
        return {}
    initial = {"name": user.get_full_name(), "email": user.email}
    member = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values(
            "member__organisation_name",
            "member__country",
            "member__contact__organisation__name",
            "member__contact__organisation__country",
        )
        .first()
        or {}
    )
    organisation = member.get("member__contact__organisation__name") or member.get(
        "member__organisation_name"
    )
    country = member.get("member__contact__organisation__country") or member.get("member__country")
    if not organisation and user.email:
        contact = (
            ContactPerson.objects.filter(email__iexact=user.email)
            .select_related("organisation")
            .order_by("pk")
            .first()
        )
        if contact is not None:
            organisation = contact.organisation.name
            country = contact.organisation.country
            initial["name"] = initial["name"] or f"{contact.first_name} {contact.last_name}"
    initial["organisation_name"] = organisation or ""
    initial["country"] = str(country or "")
    return {key: value for key, value in initial.items() if value}
