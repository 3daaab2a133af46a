"""Text that a database, a feed (XML 1.0) or an e-mail header cannot carry.

Every form refuses it where it is typed, or cleans it where that is what a person
meant (portal/common/text.py); what is stored goes out in feeds, exports and
e-mail subjects without failing.
"""

import csv
import io
import itertools
import re
import xml.etree.ElementTree as ET

import openpyxl
import pytest
from django import forms as django_forms
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, example, given
from hypothesis import settings as fuzzing
from hypothesis import strategies as st

from companies.filters import DirectoryFilterForm
from companies.models import Cluster
from offers.filters import OfferFilterForm
from offers.forms import InterestForm
from offers.models import Offer
from offers.views.alerts import AlertForm
from portal.common.admin import TextCheckedFormsMixin
from portal.common.exports import spreadsheet_safe
from portal.common.text import FORBIDDEN, TextFormMixin, check_text, clean_text
from portal.events.filters import EventFilterForm
from portal.roles import MODERATOR
from questionnaire import forms as questionnaire_forms
from questionnaire.models import SurveyQuestion
from tests.factories import OrganisationFactory
from tests.helpers import add_roles
from tests.offers.factories import OfferFactory
from tests.questionnaire import walk

pytestmark = pytest.mark.django_db

LANGUAGES = ["pl", "en", "de", "it", "cs", "hu", "ro", "bg"]
ATOM = "{http://www.w3.org/2005/Atom}"
PROBE_TITLE = "Ctrl\x0btitle\x1b\x08"
SLUGS = itertools.count()

# Characters of every kind a form may be sent: control characters, lone surrogates,
# private use, non-characters, unassigned code points, line and paragraph separators,
# beside ordinary letters in several scripts.
ANY_CHARACTER = st.one_of(
    st.characters(categories=["Cc", "Cs", "Co", "Cn", "Zl", "Zp", "Cf"]),
    st.characters(codec="utf-8"),
    st.sampled_from(["\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff", "\r", "ł"]),
)
ANY_TEXT = st.text(ANY_CHARACTER, max_size=30)
# Text a form accepts: what is left once cleaned, if nothing in it is refused.
ACCEPTED_TEXT = (
    st.text(ANY_CHARACTER, min_size=1, max_size=30)
    .map(lambda text: clean_text(text, multiline=False).strip())
    .filter(lambda text: text and not FORBIDDEN.search(text))
)
FUZZ = fuzzing(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def message_for(character):
    with translation.override("en"):
        return (
            f"This text contains a character that cannot be saved (U+{ord(character):04X}). "
            "Please remove it and try again."
        )


# The rule.


@pytest.mark.parametrize(
    ("typed", "multiline", "meant"),
    [
        ("Sery\r\ndojrzewające", True, "Sery\ndojrzewające"),
        ("Sery\x0bdojrzewające", True, "Sery\ndojrzewające"),
        ("Sery\x0cdojrzewające\u2028i\u2029masło\x85", True, "Sery\ndojrzewające\ni\nmasło\n"),
        ("Sery\r\ndojrzewające\tmasło\x0b", False, "Sery dojrzewające masło "),
        ("Ctrl\x0btitle", False, "Ctrl title"),
    ],
)
def test_line_breaks_a_person_typed_become_line_feeds_or_spaces_on_one_line(
    typed, multiline, meant
):
    assert clean_text(typed, multiline=multiline) == meant


@pytest.mark.parametrize(
    "character",
    [
        *["\x00", "\x08", "\x1b", "\x7f", "\x9f", "\ud800", "\udfff"],
        *["\ufdd0", "\ufffe", "\uffff", "\U0001fffe", "\U0010ffff"],
    ],
)
def test_a_character_xml_or_the_database_cannot_carry_is_refused_naming_its_code_point(
    character,
):
    with pytest.raises(django_forms.ValidationError) as refusal, translation.override("en"):
        check_text(f"Sery{character}")

    assert refusal.value.code == "forbidden_character"
    with translation.override("en"):
        assert refusal.value.messages == [message_for(character)]


@pytest.mark.parametrize("text", ["\ue000 logo", "\U000f0000", "Łomża – 😀", "\u200bzero", "\t"])
def test_private_use_emoji_format_characters_and_tabs_are_kept(text):
    check_text(text)


# Where it is typed: the probe's offer title.


def offer_step(**changes):
    answers = walk.offers_answers()
    answers.update({f"0-{name}": value for name, value in changes.items()})
    return questionnaire_forms.OfferFormSet(
        {f"offers-{name}": value for name, value in answers.items()}, prefix="offers"
    )


def test_an_offer_title_with_control_characters_is_refused_with_a_message_that_names_one():
    formset = offer_step(title=PROBE_TITLE)

    with translation.override("en"):
        assert formset.is_valid() is False
        assert formset.forms[0].errors["title"] == [message_for("\x1b")]
    # Shown again as typed, without what cannot be shown either.
    assert formset.forms[0]["title"].value() == "Ctrl title"


def test_an_offer_title_with_a_vertical_tab_is_kept_with_a_space_in_its_place():
    formset = offer_step(title="Ctrl\x0btitle", summary="Pierwsza linia\x0bdruga linia")

    assert formset.is_valid(), formset.errors
    assert formset.forms[0].cleaned_data["title"] == "Ctrl title"
    assert formset.forms[0].cleaned_data["summary"] == "Pierwsza linia\ndruga linia"


def test_a_questionnaire_step_posted_with_control_characters_is_refused_and_keeps_the_rest(
    client,
):
    client.get(walk.step_url("organisation", "en"))
    with translation.override("en"):
        response = walk.post_step(
            client,
            "organisation",
            walk.organisation_answers(name="Serowarnia\x1b Narwiańska", town="Łomża\x07"),
            language="en",
        )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {
        "name": [message_for("\x1b")],
        "town": [message_for("\x07")],
    }
    page = response.content.decode()
    assert "Serowarnia Narwiańska" in page
    assert "\x1b" not in page and "\x07" not in page


# Where stored text goes out.


@pytest.fixture
def probed_offer():
    """A published, named offer whose stored texts hold what a form now refuses."""
    cluster = Cluster.objects.get(slug="dairy")
    organisation = OrganisationFactory(name="Mleczarnia\x1b Ctrl\x08", is_published=True)
    offer = OfferFactory(organisation=organisation, clusters=[cluster])
    Offer.objects.filter(pk=offer.pk).update(
        title_pl=PROBE_TITLE, summary_pl="Opis\x0c z \x01\x7f\x9f\ufffe znakami\uffff\U0010ffff"
    )
    return offer


@pytest.mark.parametrize("language", LANGUAGES)
def test_both_feeds_answer_in_every_language_when_a_stored_offer_holds_control_characters(
    client, probed_offer, language
):
    with translation.override(language):
        urls = [
            reverse("offers:feed"),
            reverse("offers:cluster_feed", kwargs={"cluster": "dairy"}),
        ]
    for url in urls:
        response = client.get(url)

        assert response.status_code == 200
        root = ET.fromstring(response.content)  # noqa: S314 (the portal's own output)
        (entry,) = root.findall(f"{ATOM}entry")
        assert entry.find(f"{ATOM}title").text == "Ctrl\ntitle"
        assert entry.find(f"{ATOM}author/{ATOM}name").text == "Mleczarnia Ctrl"
        assert "znakami" in entry.find(f"{ATOM}summary").text


@pytest.fixture
def moderator(client):
    add_roles()
    user = User.objects.create_user("moderator", "m@urzad.example", "pass", is_staff=True)
    user.groups.add(Group.objects.get(name=MODERATOR))
    client.force_login(user)
    return user


def exported(client, label, file_format):
    """The rows of an admin export: CSV ("0") or XLSX ("1")."""
    with translation.override("en"):
        response = client.post(reverse(f"admin:{label}_export"), {"format": file_format})
    assert response.status_code == 200
    if file_format == "0":
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("file_format", ["0", "1"])
def test_exports_hold_stored_texts_with_control_characters_without_them(
    client, moderator, probed_offer, file_format
):
    offers = exported(client, "offers_offer", file_format)
    organisations = exported(client, "companies_organisation", file_format)

    assert any("Ctrl\ntitle" in row for row in offers), offers
    assert any("Mleczarnia Ctrl" in row for row in organisations), organisations
    for row in offers + organisations:
        assert not any(FORBIDDEN.search(cell) for cell in row if isinstance(cell, str)), row


def test_the_sitemap_answers_with_stored_control_characters(client, probed_offer):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    ET.fromstring(response.content)  # noqa: S314 (the portal's own output)
    assert probed_offer.reference in response.content.decode()


# Every form, with any character.


def public_forms():
    """Each public form of the portal, bound to what was posted."""
    questions = list(SurveyQuestion.objects.filter(is_active=True).prefetch_related("choices"))
    return {
        "interest": (InterestForm, {}),
        "alert": (AlertForm, {}),
        "organisation": (questionnaire_forms.OrganisationForm, {}),
        "activity": (questionnaire_forms.ActivityForm, {}),
        "offer": (questionnaire_forms.OfferForm, {}),
        "survey": (questionnaire_forms.SurveyForm, {"questions": questions}),
        "contact": (questionnaire_forms.ContactForm, {}),
        "save": (questionnaire_forms.SaveForm, {}),
        "directory": (DirectoryFilterForm, {}),
        "offer list": (OfferFilterForm, {}),
        "event list": (EventFilterForm, {}),
    }


def assert_refused_or_clean(form, posted):
    """is_valid() answers; a refused character is an error on its field; nothing
    accepted holds one."""
    valid = form.is_valid()
    assert type(valid) is bool
    for name, value in posted.items():
        field = form.fields[name]
        meant = clean_text(value, multiline=isinstance(field.widget, django_forms.Textarea))
        if FORBIDDEN.search(meant):
            assert name in form.errors, (name, value)
    if valid:
        for value in form.cleaned_data.values():
            for item in value if isinstance(value, list | tuple) else [value]:
                assert not (isinstance(item, str) and FORBIDDEN.search(item)), item


@FUZZ
@given(data=st.data())
def test_every_public_form_accepts_or_refuses_any_character_without_failing(data):
    for label, (form_class, kwargs) in public_forms().items():
        fields = form_class(**kwargs).fields
        names = [
            name
            for name, field in fields.items()
            if isinstance(field, django_forms.CharField | django_forms.ChoiceField)
        ]
        posted = {name: data.draw(ANY_TEXT, label=f"{label}.{name}") for name in names}

        assert_refused_or_clean(form_class(posted, **kwargs), posted)


def test_every_form_of_the_portal_checks_what_is_posted_as_text():
    """A form added later inherits the check, or this test names it."""

    def subclasses(cls):
        for subclass in cls.__subclasses__():
            yield subclass
            yield from subclasses(subclass)

    ours = re.compile(r"^(portal|companies|offers|questionnaire)\.")
    # Sign-in forms: a password is checked by the authentication backend, as typed.
    exempt = {"portal.signin.StaffAuthenticationForm"}
    unchecked = sorted(
        f"{form.__module__}.{form.__qualname__}"
        for form in set(subclasses(django_forms.BaseForm))
        if ours.match(form.__module__)
        and f"{form.__module__}.{form.__qualname__}" not in exempt
        and not issubclass(form, TextFormMixin)
    )
    assert unchecked == []


@pytest.fixture
def superuser_request(rf):
    request = rf.get("/")
    request.user = User.objects.create_superuser("root", "root@urzad.example", "pass")
    return request


def test_every_admin_checks_the_text_posted_to_its_forms_and_its_inlines(superuser_request):
    unchecked = sorted(
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, TextCheckedFormsMixin)
    )
    inlines = [
        formset.form
        for model_admin in admin.site._registry.values()
        for formset, _inline in model_admin.get_formsets_with_inlines(superuser_request)
    ]

    assert unchecked == []
    assert inlines
    assert all(issubclass(form, TextFormMixin) for form in inlines)


@FUZZ
@given(data=st.data())
def test_every_text_field_of_every_admin_form_accepts_or_refuses_any_character(
    superuser_request, data
):
    for model, model_admin in admin.site._registry.items():
        form_class = model_admin.get_form(superuser_request, None)
        names = [
            name
            for name, field in form_class().fields.items()
            if isinstance(field, django_forms.CharField)
            and not isinstance(field.widget, django_forms.PasswordInput)
        ]
        posted = {name: data.draw(ANY_TEXT, label=f"{model._meta.label}.{name}") for name in names}

        assert_refused_or_clean(form_class(posted), posted)


def test_an_offer_title_with_control_characters_is_refused_in_the_admin(superuser_request):
    offer = OfferFactory()
    form_class = admin.site._registry[Offer].get_form(superuser_request, offer)
    initial = form_class(instance=offer).initial
    posted = {
        name: value
        for name, value in initial.items()
        if isinstance(value, str | int) and not isinstance(value, bool)
    }
    posted["title_pl"] = PROBE_TITLE

    form = form_class(posted, instance=Offer.objects.get(pk=offer.pk))

    with translation.override("en"):
        assert form.is_valid() is False
        assert form.errors["title_pl"] == [message_for("\x1b")]
    offer.refresh_from_db()
    assert offer.title_pl != PROBE_TITLE


@fuzzing(FUZZ, max_examples=20)
@given(text=ACCEPTED_TEXT)
@example(text="@")  # exported as "'@", as a spreadsheet must not run it
def test_feeds_sitemap_and_exports_render_every_text_a_form_accepted(client, moderator, text):
    organisation = OrganisationFactory(
        name=f"{text} sp. z o.o.", slug=f"firma-{next(SLUGS)}", is_published=True
    )
    offer = OfferFactory(organisation=organisation, title=text, summary=text)

    for language in ("pl", "it"):
        with translation.override(language):
            response = client.get(reverse("offers:feed"))
        assert response.status_code == 200
        root = ET.fromstring(response.content)  # noqa: S314 (the portal's own output)
        titles = [entry.find(f"{ATOM}title").text or "" for entry in root.iter(f"{ATOM}entry")]
        assert text.strip() in [title.strip() for title in titles]
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert offer.reference in sitemap.content.decode()
    rows = exported(client, "offers_offer", "1")
    assert any(offer.reference in row and spreadsheet_safe(text) in row for row in rows)
