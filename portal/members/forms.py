"""The member's sign-in and a partner's sign-up, as allauth's forms (ACCOUNT_FORMS), and
the member area's forms: the organisation's profile, a partner's details, a colleague,
an alert, closing the account.

Forms validate; the accounts are written by portal/members/services.py, and the
organisation's proposed changes by companies/services.py.
"""

from allauth.account.adapter import get_adapter
from allauth.account.forms import LoginForm, RequestLoginCodeForm, SignupForm
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from companies.logos import process_logo
from companies.models import Certification
from offers.filters import OfferFilter
from offers.models import Offer
from offers.selectors import FILTERS
from portal.common.languages import language_name
from portal.common.text import TextFormMixin
from portal.members import services
from questionnaire.forms import SpokenLanguageField, country_choices

# The wording of the information on the processing of a partner's data
# (templates/account/signup.html and the label below). A new wording gets a new
# version, kept with every partner's acknowledgement.
PRIVACY_NOTICE_VERSION = "2026-12"


def eligible_user(user):
    """Whether a code may be sent to, and sign in, this account: a member's, never staff's."""
    return (
        user is not None
        and user.is_active
        and not user.is_staff
        and not user.is_superuser
        and hasattr(user, "member")
    )


class CodeRequestForm(TextFormMixin, RequestLoginCodeForm):
    """An e-mail address to send a sign-in code to.

    A confirmed contact person without an account gets one now
    (services.member_for_contact_email). Any address that is not a member's (a
    staff member's, or one nobody uses) is answered like an unknown one: the same
    page, and a mail saying no account uses it instead of a code.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mail address")
        self.fields["email"].widget.attrs.pop("placeholder", None)
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_email(self):
        services.member_for_contact_email(email=self.cleaned_data.get("email"))
        email = super().clean_email()
        if not eligible_user(getattr(self, "_user", None)):
            self._user = None
        return email


class SignInForm(TextFormMixin, LoginForm):
    """allauth's sign-in page without a password: it asks for a code, as above."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["login"]
        field.label = _("E-mail address")
        field.widget.attrs.pop("placeholder", None)
        field.widget.attrs["autocomplete"] = "email"
        self.fields.pop("remember", None)

    def _clean_without_password(self, email, phone):
        if not email:
            self.add_error("login", get_adapter().validation_error("invalid_login"))
            return self.cleaned_data
        form = CodeRequestForm({"email": email})
        if form.is_valid():
            self.user = form._user
        else:
            for error in form.errors.get("email", []):
                self.add_error("login", error)
        return self.cleaned_data


class PartnerSignUpForm(TextFormMixin, SignupForm):
    """A partner abroad registers: name, organisation, country, e-mail, the notice read."""

    privacy_notice_version = PRIVACY_NOTICE_VERSION

    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    organisation_name = forms.CharField(label=_("Your organisation"), max_length=255)
    country = forms.ChoiceField(label=_("Country of your organisation"))
    privacy_acknowledged = forms.BooleanField(
        label=_("I have read the information on the processing of personal data above."),
    )

    field_order = [
        "first_name",
        "last_name",
        "organisation_name",
        "country",
        "email",
        "privacy_acknowledged",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "---------"), *countries]
        email = self.fields["email"]
        email.label = _("E-mail address")
        email.widget.attrs.pop("placeholder", None)
        email.widget.attrs["autocomplete"] = "email"
        hints = {
            "first_name": "given-name",
            "last_name": "family-name",
            "organisation_name": "organization",
            "country": "country",
        }
        for name, hint in hints.items():
            self.fields[name].widget.attrs["autocomplete"] = hint
        self.fields["privacy_acknowledged"].widget.attrs["aria-describedby"] = "signup-privacy"
        self.order_fields(self.field_order)


class OrganisationProfileForm(TextFormMixin, forms.Form):
    """The organisation's public fields a member may propose to change.

    The description and products are those of one language (`language`), each
    widget marked with it; the service checks every value again as the model's
    fields do (companies/revisions.py).
    """

    name = forms.CharField(label=_("Name of the organisation"), max_length=255)
    description = forms.CharField(
        label=_("About the organisation"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    products = forms.CharField(
        label=_("Products and services"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    certifications = forms.ModelMultipleChoiceField(
        label=_("Certifications"),
        queryset=Certification.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    export_markets = forms.MultipleChoiceField(
        label=_("Export markets"),
        choices=country_choices(),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Hold Ctrl (or ⌘) to choose more than one."),
        required=False,
    )
    languages_spoken = SpokenLanguageField(
        label=_("Languages spoken in the organisation"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    website = forms.URLField(
        label=_("Website"), max_length=200, required=False, assume_scheme="https"
    )
    latitude = forms.DecimalField(
        label=_("Latitude"),
        min_value=-90,
        max_value=90,
        max_digits=8,
        decimal_places=5,
        required=False,
        help_text=_("The position on the map, in degrees: for example 53.13250."),
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        min_value=-180,
        max_value=180,
        max_digits=8,
        decimal_places=5,
        required=False,
        help_text=_("For example 23.16880."),
    )
    logo = forms.FileField(
        label=_("New logo"),
        required=False,
        help_text=_("Optional. PNG, JPEG or WebP, at most 2 MB and 4000×4000 pixels."),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        name = language_name(language)
        for field in ("description", "products"):
            self.fields[field].widget.attrs["lang"] = language
            self.fields[field].label = f"{self.fields[field].label} ({name})"

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        return process_logo(upload) if upload else None

    def changes(self):
        """The checked values under the keys of a proposed revision (companies/revisions.py)."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            f"description_{self.language}": data["description"],
            f"products_{self.language}": data["products"],
            "certifications": [item.pk for item in data["certifications"]],
            "export_markets": data["export_markets"],
            "languages_spoken": ",".join(data["languages_spoken"]),
            "website": data["website"],
            "latitude": data["latitude"],
            "longitude": data["longitude"],
        }

    def field_of(self, key):
        """The form's field for a revision's key (`description_it` is `description`)."""
        field = key.rpartition("_")[0] if key.startswith(("description_", "products_")) else key
        return field if field in self.fields else None


class PartnerProfileForm(TextFormMixin, forms.Form):
    """A partner's own details, which they change themselves."""

    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    organisation_name = forms.CharField(label=_("Your organisation"), max_length=255)
    country = forms.ChoiceField(
        label=_("Country of your organisation"), choices=country_choices(blank=True)
    )
    language = forms.ChoiceField(
        label=_("Language of e-mails from the portal"), choices=settings.LANGUAGES
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hints = {
            "first_name": "given-name",
            "last_name": "family-name",
            "organisation_name": "organization",
            "country": "country",
        }
        for name, hint in hints.items():
            self.fields[name].widget.attrs["autocomplete"] = hint


class ColleagueInviteForm(TextFormMixin, forms.Form):
    """Another person of the member's organisation, to be invited."""

    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        help_text=_("The invitation and the portal's later e-mails reach them in it."),
    )


class AlertForm(TextFormMixin, forms.Form):
    """A member's alert: the words and filters of the offer list, as its form offers them.

    The fields are the offer list's own (offers/filters.py), so that an alert
    searches exactly as the list does; none is required (no filter: every new offer).
    """

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        list_form = OfferFilter(queryset=Offer.objects.none(), language=language).form
        for name in ("q", *FILTERS):
            self.fields[name] = list_form.fields[name]
        self.fields["q"].label = _("Words")


class CloseAccountForm(TextFormMixin, forms.Form):
    """The member confirms the deletion of their account by typing their address."""

    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member
        self.fields["email"].widget.attrs["autocomplete"] = "off"

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email.lower() != self.member.user.email.lower():
            raise forms.ValidationError(
                _("This is not the address of your account. Type the address you sign in with.")
            )
        return email
