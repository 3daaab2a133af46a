"""The member's sign-in and a partner's sign-up, as allauth's forms (ACCOUNT_FORMS).

Forms validate; the accounts are written by portal/members/services.py.
"""

from allauth.account.adapter import get_adapter
from allauth.account.forms import LoginForm, RequestLoginCodeForm, SignupForm
from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from portal.common.text import TextFormMixin
from portal.members import services

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
