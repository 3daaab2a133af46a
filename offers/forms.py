"""Forms of the public offer pages: they check what was typed and write nothing."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from portal.common.text import TextFormMixin

# The wording of the information text and the consent of the expression-of-interest
# form (templates/offers/interest_form.html and the label below). A new wording
# gets a new version, stored with every expression of interest.
CONSENT_VERSION = "2026-11"

MESSAGE_MAX_LENGTH = 4000


def country_choices():
    return [("", "---------"), *countries]


class ConsentForm(TextFormMixin, forms.Form):
    """A form with an e-mail address and a consent tick box described by a privacy text.

    `privacy_id` is the id of the information text on the page; `autocomplete`
    names the browser's autofill hint of each field.
    """

    privacy_id = ""
    autocomplete = {"email": "email"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, hint in self.autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = hint
        self.fields["consent"].widget.attrs["aria-describedby"] = self.privacy_id

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean(self):
        cleaned = super().clean()
        if "consent" in self.errors:
            # The information text and the error both describe the tick box.
            self.fields["consent"].widget.attrs["aria-describedby"] = (
                f"{self.privacy_id} {self['consent'].auto_id}_error"
            )
        return cleaned


class InterestForm(ConsentForm):
    name = forms.CharField(label=_("Your name"), max_length=200)
    organisation_name = forms.CharField(label=_("Your organisation"), max_length=255)
    country = forms.ChoiceField(label=_("Country of your organisation"), choices=country_choices)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        required=False,
        help_text=_("Optional. With the country code, for example +420 123 456 789."),
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 ()./-]{4,}$",
                message=_("Enter a phone number of digits, for example +420 123 456 789."),
            )
        ],
    )
    message = forms.CharField(
        label=_("Your message to the firm"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Who you are, what you offer or need, and how you would like to co-operate. "
            "At most 4000 characters."
        ),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the office passes my name, organisation, contact details and "
            "message to the organisation that published this offer."
        ),
        required=True,
    )

    privacy_id = "interest-privacy"
    autocomplete = {
        "name": "name",
        "organisation_name": "organization",
        "country": "country",
        "email": "email",
        "phone": "tel",
    }
