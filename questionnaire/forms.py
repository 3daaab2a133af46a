"""The questionnaire's steps: each form checks its answers and writes nothing."""

import datetime
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from phonenumber_field.formfields import PhoneNumberField

from companies import validators
from companies.logos import process_logo
from companies.models import Activity, Certification, Cluster, Organisation
from offers.models import Offer
from portal.common.forms import reason_form
from portal.common.languages import LANGUAGE_CODES, language_name
from portal.common.text import TextFormMixin
from questionnaire.models import SurveyQuestion

# The wording of the information clause and of the consents (templates
# questionnaire/includes/privacy_clause.html and the labels below). A new wording
# gets a new version, stored with every acknowledgement and consent.
PRIVACY_NOTICE_VERSION = "2026-11"
CONSENT_VERSION = "2026-11"

MAX_OFFERS = 3
SPOKEN_LANGUAGES = [*LANGUAGE_CODES, "fr", "es", "ru", "uk", "lt"]


class SpokenLanguageField(forms.MultipleChoiceField):
    """Languages named in the reader's own language (Django's catalogues name them)."""

    def __init__(self, **kwargs):
        super().__init__(choices=self.language_choices, **kwargs)

    @staticmethod
    def language_choices():
        return [(code, language_name(code)) for code in SPOKEN_LANGUAGES]


def identifier_characters(value):
    """The letters and digits of an identifier as typed, every digit an ASCII one.

    Separators go; a fullwidth or Arabic-Indic 5 becomes 5: the checks take such
    digits for digits, and the number is stored and compared in plain ones.
    """
    return "".join(
        str(unicodedata.digit(char)) if char.isdecimal() else char
        for char in value
        if char.isalnum()
    )


class StepForm(TextFormMixin, forms.Form):
    """A step of the questionnaire: every posted answer is checked as text.

    The wizard keeps the answers as posted (a tick box's or a choice's too), and
    PostgreSQL cannot store a NUL in text or JSON, nor a feed or an e-mail carry the
    other control characters (portal/common/text.py).
    """


def country_choices(blank=False):
    def choices():
        listed = list(countries)
        return [("", "---------"), *listed] if blank else listed

    return choices


class OrganisationForm(StepForm):
    name = forms.CharField(label=_("Name of the organisation"), max_length=255)
    kind = forms.ChoiceField(label=_("Kind of organisation"), choices=Organisation.Kind.choices)
    legal_form = forms.CharField(
        label=_("Legal form"),
        max_length=100,
        required=False,
        help_text=_("For example: sp. z o.o., S.r.l., GmbH, s.r.o."),
    )
    country = forms.ChoiceField(label=_("Country"), choices=country_choices(blank=True))
    nip = forms.CharField(
        label=_("NIP (tax identification number)"),
        max_length=20,
        required=False,
        help_text=_("Organisations registered in Poland: 10 digits."),
    )
    regon = forms.CharField(label=_("REGON"), max_length=20, required=False)
    krs = forms.CharField(label=_("KRS"), max_length=14, required=False)
    vat_id = forms.CharField(
        label=_("EU VAT number"),
        max_length=20,
        required=False,
        help_text=_("Organisations registered elsewhere in the EU, for example IT12345678901."),
    )
    street_address = forms.CharField(label=_("Street and number"), max_length=200, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=12, required=False)
    town = forms.CharField(label=_("Town"), max_length=100)
    region = forms.CharField(
        label=_("Region"),
        max_length=100,
        required=False,
        help_text=_("For example: podlaskie, Lombardia, Steiermark."),
    )
    website = forms.URLField(
        label=_("Website"), max_length=200, required=False, assume_scheme="https"
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("Optional. PNG, JPEG or WebP, at most 2 MB and 4000×4000 pixels."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )

    def clean_nip(self):
        value = identifier_characters(self.cleaned_data["nip"]).upper().removeprefix("PL")
        if value:
            validators.validate_nip(value)
        return value

    def clean_regon(self):
        value = identifier_characters(self.cleaned_data["regon"])
        if value:
            validators.validate_regon(value)
        return value

    def clean_krs(self):
        value = identifier_characters(self.cleaned_data["krs"])
        if value:
            validators.validate_krs(value.zfill(10))
            value = value.zfill(10)
        return value

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if not upload:
            return None
        return process_logo(upload)

    def clean(self):
        cleaned = super().clean()
        country = cleaned.get("country")
        if country == "PL":
            if "nip" in cleaned and not cleaned["nip"]:
                self.add_error("nip", _("Organisations registered in Poland give their NIP."))
            cleaned["vat_id"] = ""
        elif country:
            vat_id, errors = validators.check_tax_ids(
                country_code=country, nip=cleaned.get("nip"), vat_id=cleaned.get("vat_id")
            )
            if "nip" in errors:
                self.add_error("nip", errors["nip"])
            for field in ("regon", "krs"):
                if cleaned.get(field):
                    self.add_error(
                        field, _("REGON and KRS numbers exist only for Polish organisations.")
                    )
            if "vat_id" in errors:
                self.add_error("vat_id", errors["vat_id"])
            elif vat_id:
                cleaned["vat_id"] = vat_id
        return cleaned


class ActivityForm(StepForm):
    clusters = forms.ModelMultipleChoiceField(
        label=_("Clusters the organisation belongs to or wants to join"),
        queryset=Cluster.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    activities = forms.ModelMultipleChoiceField(
        label=_("Activities (NACE classes)"),
        queryset=Activity.objects.filter(level=Activity.Level.CLASS).order_by("code"),
        help_text=_("Hold Ctrl (or ⌘) to choose more than one."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        required=False,
    )
    products = forms.CharField(
        label=_("Products and services"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    description = forms.CharField(
        label=_("About the organisation"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    size_class = forms.ChoiceField(
        label=_("Size"),
        choices=Organisation.SizeClass.choices,
        widget=forms.RadioSelect,
    )
    employees = forms.IntegerField(
        label=_("Persons employed"), min_value=0, max_value=1_000_000, required=False
    )
    founded_year = forms.IntegerField(label=_("Year founded"), min_value=1800, required=False)
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

    def clean_founded_year(self):
        year = self.cleaned_data.get("founded_year")
        if year is not None and year > datetime.date.today().year:
            raise ValidationError(_("The year founded cannot be in the future."))
        return year


class OfferForm(StepForm):
    kind = forms.ChoiceField(
        label=_("Kind of offer"),
        choices=[("", "---------"), *Offer.Kind.choices],
    )
    cooperation_types = forms.MultipleChoiceField(
        label=_("Co-operation sought"),
        choices=Offer.CooperationType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences a partner reads first."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    partner_sought = forms.CharField(
        label=_("Partner sought"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    target_countries = forms.MultipleChoiceField(
        label=_("Countries of interest"),
        choices=country_choices(),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Hold Ctrl (or ⌘) to choose more than one."),
        required=False,
    )


class BaseOfferFormSet(forms.BaseFormSet):
    """Up to three offers; a form left empty is no offer."""


OfferFormSet = forms.formset_factory(
    OfferForm,
    formset=BaseOfferFormSet,
    extra=MAX_OFFERS,
    max_num=MAX_OFFERS,
    absolute_max=MAX_OFFERS,
    validate_max=True,
)


class SurveyForm(StepForm):
    """One field per active survey question, built from questions fetched once."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[self.field_name(question)] = self.make_field(question)

    @staticmethod
    def field_name(question):
        return f"question_{question.pk}"

    @staticmethod
    def make_field(question):
        common = {
            "label": question.prompt,
            "help_text": question.help_text,
            "required": question.is_required,
        }
        kind = SurveyQuestion.Kind
        if question.kind == kind.TEXT:
            return forms.CharField(
                max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), **common
            )
        if question.kind == kind.YES_NO:
            return forms.TypedChoiceField(
                choices=[(1, _("yes")), (0, _("no"))],
                coerce=int,
                widget=forms.RadioSelect,
                empty_value=None,
                **common,
            )
        if question.kind == kind.SCALE:
            return forms.TypedChoiceField(
                choices=[(number, str(number)) for number in range(1, 6)],
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "scale"}),
                empty_value=None,
                **common,
            )
        choices = [(choice.pk, choice.label) for choice in question.choices.all()]
        if question.kind == kind.SINGLE:
            return forms.TypedChoiceField(
                choices=choices, coerce=int, widget=forms.RadioSelect, empty_value=None, **common
            )
        return forms.TypedMultipleChoiceField(
            choices=choices, coerce=int, widget=forms.CheckboxSelectMultiple, **common
        )

    def answers(self):
        """(question, answer) pairs of the questions answered."""
        for question in self.questions:
            value = self.cleaned_data.get(self.field_name(question))
            if value not in (None, "", []):
                yield question, value


class ContactForm(StepForm):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    job_title = forms.CharField(label=_("Job title"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    phone = PhoneNumberField(
        label=_("Phone number"),
        required=False,
        help_text=_("With the country code if outside Poland, for example +39 02 1234567."),
    )
    privacy_acknowledged = forms.BooleanField(
        label=_("I have read the information on the processing of personal data above."),
    )
    publication_consent = forms.BooleanField(
        label=_(
            "I agree that my name, job title, e-mail address and phone number are shown "
            "on the organisation's page in the portal's directory. (optional)"
        ),
        required=False,
    )
    alerts_consent = forms.BooleanField(
        label=_(
            "I agree to receive e-mails about new co-operation offers matching my "
            "organisation's clusters. (optional)"
        ),
        required=False,
    )

    def clean_phone(self):
        phone = self.cleaned_data.get("phone")
        return phone.as_e164 if phone else ""


class ReviewForm(TextFormMixin, forms.Form):
    """The last step: every answer shown once more, then sent."""


class SaveForm(TextFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send the link to continue to this address."),
    )


# The reason of the office's decision on a submission.
DecisionForm = reason_form(
    help_text=_("Sent to the submitter by e-mail, in their language."), max_length=4000, rows=5
)
