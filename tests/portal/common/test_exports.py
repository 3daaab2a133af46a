"""Exports from the admin: who gets which file, with which columns and rows."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from companies.models import ContactPerson, Organisation
from offers import services
from portal.roles import ADMINISTRATOR, EDITOR, MODERATOR, TRANSLATOR
from questionnaire.models import SurveyQuestion
from tests.factories import ContactPersonFactory, OrganisationFactory
from tests.helpers import add_roles
from tests.offers.factories import OfferFactory, add_translation
from tests.questionnaire.submissions import default_survey, make_submission

pytestmark = pytest.mark.django_db

CSV, XLSX = "0", "1"  # the export form's choices, in the admin's order


@pytest.fixture(autouse=True)
def roles():
    add_roles()


def staff(client, *, role=None, permissions=(), username=None):
    user = User.objects.create_user(
        username or role or "staff", "staff@urzad.example", "pass", is_staff=True
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    for name in permissions:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    client.force_login(user)
    return user


def export(client, label, file_format, *, language="en", query=""):
    with translation.override(language):
        return client.post(reverse(f"admin:{label}_export") + query, {"format": file_format})


def read(response):
    """The exported file as rows of text, headers first."""
    if response["Content-Type"].startswith("text/csv"):
        text = response.content.decode("utf-8-sig")
        return list(csv.reader(io.StringIO(text)))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [
        ["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)
    ]


def as_dicts(rows):
    headers, *records = rows
    return [dict(zip(headers, record, strict=True)) for record in records]


# Organisations.


@pytest.mark.parametrize("file_format", [CSV, XLSX])
def test_a_moderator_exports_the_organisations_with_headers_in_their_language(client, file_format):
    narew = OrganisationFactory(name="Serowar Narew", town="Łomża", nip="7220002329")
    ContactPersonFactory(
        organisation=narew,
        first_name="Zofia",
        last_name="Kowalczyk",
        email="zofia@narew.example",
        phone="+48856543210",
    )
    OrganisationFactory(name="Mleczarnia Bug", country="PL")
    staff(client, role=MODERATOR)

    response = export(client, "companies_organisation", file_format, language="pl")

    rows = read(response)
    records = as_dicts(rows)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    with translation.override("pl"):
        headers = [
            capfirst(str(Organisation._meta.get_field(name).verbose_name))
            for name in ["name", "town", "nip"]
        ]
    assert headers[:2] == ["Nazwa", "Miejscowość"]  # the catalogue's Polish
    assert set(headers) <= set(rows[0])
    assert sorted(record[headers[0]] for record in records) == sorted(
        Organisation.objects.values_list("name", flat=True)
    )
    narew_row = next(record for record in records if record[headers[0]] == "Serowar Narew")
    assert (narew_row[headers[1]], str(narew_row[headers[2]])) == ("Łomża", "7220002329")
    assert "Zofia Kowalczyk" in narew_row.values()
    assert "zofia@narew.example" in narew_row.values()


def test_personal_columns_only_for_who_may_view_contact_persons(client):
    organisation = OrganisationFactory(name="Serowar Narew")
    ContactPersonFactory(
        organisation=organisation,
        first_name="Zofia",
        last_name="Kowalczyk",
        email="zofia@narew.example",
        phone="+48856543210",
    )
    # A group that may export organisations but not read contact persons.
    staff(
        client,
        username="analyst",
        permissions=["companies.view_organisation", "companies.export_organisation"],
    )

    response = export(client, "companies_organisation", CSV)

    content = response.content.decode("utf-8-sig")
    rows = read(response)
    with translation.override("en"):
        contact_header = capfirst(str(ContactPerson._meta.verbose_name_plural))
    assert response.status_code == 200
    assert [record["Name"] for record in as_dicts(rows)] == ["Serowar Narew"]
    assert not [header for header in rows[0] if header.startswith(contact_header)]
    assert [text for text in ["Zofia", "Kowalczyk", "zofia@", "6543210"] if text in content] == []

    client.logout()
    staff(client, role=MODERATOR)
    rows = read(export(client, "companies_organisation", CSV))
    record = as_dicts(rows)[0]
    assert record[contact_header] == "Zofia Kowalczyk"
    assert record[f"{contact_header}: e-mail address"] == "zofia@narew.example"
    assert record[f"{contact_header}: phone number"] == "'+48856543210"


@pytest.mark.parametrize("role", [TRANSLATOR, EDITOR])
@pytest.mark.parametrize(
    "label", ["companies_organisation", "offers_offer", "questionnaire_submission"]
)
def test_a_role_without_the_export_permission_gets_no_file(client, role, label):
    OrganisationFactory(name="Serowar Narew")
    staff(client, role=role)

    response = export(client, label, CSV)

    assert response.status_code == 403
    assert "attachment" not in response.get("Content-Disposition", "")
    assert b"Serowar Narew" not in response.content


@pytest.mark.parametrize("query", ["?format=0", "?no_such_field=1"])
def test_a_filter_the_list_does_not_know_sends_back_to_the_list(client, query):
    OrganisationFactory(name="Serowar Narew")
    staff(client, role=MODERATOR)

    sent = export(client, "offers_offer", CSV, query=query)
    with translation.override("en"):
        page = client.get(reverse("admin:offers_offer_export") + query)
        changelist = reverse("admin:offers_offer_changelist")

    for response in [page, sent]:
        assert response.status_code == 302
        assert response["Location"] == changelist + "?e=1"
        assert b"Serowar Narew" not in response.content


def test_a_visitor_is_sent_to_sign_in_and_gets_no_file(client):
    OrganisationFactory(name="Serowar Narew")

    response = export(client, "companies_organisation", CSV)

    assert response.status_code == 302
    with translation.override("en"):
        assert response["Location"].startswith(reverse("admin:login") + "?next=")
    assert b"Serowar Narew" not in response.content


@pytest.mark.parametrize("file_format", [CSV, XLSX])
def test_a_formula_in_a_cell_is_neutralised(client, file_format):
    formula = '=HYPERLINK("http://evil.example","Kliknij")'
    OrganisationFactory(name=formula, town="+48 Białystok", region="@SUM(A1)")
    staff(client, role=ADMINISTRATOR)

    response = export(client, "companies_organisation", file_format)

    record = as_dicts(read(response))[0]
    assert (record["Name"], record["Town"], record["Region"]) == (
        "'" + formula,
        "'+48 Białystok",
        "'@SUM(A1)",
    )
    if file_format == XLSX:
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        assert "f" not in {cell.data_type for row in sheet.iter_rows() for cell in row}


def test_the_export_action_exports_the_selected_organisations(client):
    chosen, _other = OrganisationFactory(name="Serowar Narew"), OrganisationFactory(name="Bug")
    staff(client, role=MODERATOR)
    changelist = reverse("admin:companies_organisation_changelist")

    form = client.post(
        changelist, {"action": "export_admin_action", "_selected_action": [chosen.pk]}
    )
    response = client.post(form.context["export_url"], {"format": CSV, "export_items": [chosen.pk]})

    assert form.status_code == 200
    assert [record["ID"] for record in as_dicts(read(response))] == [str(chosen.pk)]


# Offers.


def test_offers_export_holds_the_offers_with_their_statuses_and_titles(client):
    published = OfferFactory(title="Sery dojrzewające")
    add_translation(published, "en", title="Matured cheeses")
    submitted = OfferFactory(published=False, language="en", title="Milk powder")
    services.offer_submit(offer=submitted)
    staff(client, role=MODERATOR)

    response = export(client, "offers_offer", XLSX)

    records = {record["Reference number"]: record for record in as_dicts(read(response))}
    assert set(records) == {published.reference, submitted.reference}
    assert records[published.reference]["Status"] == "published"
    assert records[submitted.reference]["Status"] == "submitted"
    assert records[published.reference]["Title (source language)"] == "Sery dojrzewające"
    assert records[submitted.reference]["Title (source language)"] == "Milk powder"
    assert records[published.reference]["Title [en]"] == "Matured cheeses"
    assert records[published.reference]["Organisation"] == published.organisation.name
    assert {f"Title [{code}]" for code in ["pl", "en", "de", "it", "cs", "hu", "ro", "bg"]} <= set(
        records[published.reference]
    )


# Submissions: one row per submission, one column per survey question.


def survey_columns():
    return {
        question.pk: f"{number}. {question.prompt_en or question.prompt}"
        for number, question in enumerate(SurveyQuestion.objects.order_by("position", "pk"), 1)
    }


def test_submissions_export_holds_the_survey_answers(client):
    survey = default_survey()
    submission = make_submission(
        contact={"first_name": "Jadwiga", "last_name": "Zawadzka", "email": "jz@ser.example"},
        survey=survey,
    )
    staff(client, role=MODERATOR)

    response = export(client, "questionnaire_submission", CSV, query="?queue=all")

    records = as_dicts(read(response))
    columns = survey_columns()
    with translation.override("en"):
        expected = {}
        for question, answer in survey.items():
            if question.kind == SurveyQuestion.Kind.TEXT:
                expected[columns[question.pk]] = answer
            elif question.kind == SurveyQuestion.Kind.YES_NO:
                expected[columns[question.pk]] = "yes" if answer else "no"
            elif question.kind == SurveyQuestion.Kind.SCALE:
                expected[columns[question.pk]] = str(answer)
            else:
                chosen = answer if isinstance(answer, list) else [answer]
                labels = question.choices.filter(pk__in=chosen).order_by("position", "pk")
                expected[columns[question.pk]] = "; ".join(choice.label for choice in labels)
    assert len(records) == 1
    assert records[0]["ID"] == str(submission.pk)
    assert {name: records[0][name] for name in expected} == expected
    assert records[0]["Respondent: last name"] == "Zawadzka"
    assert records[0]["Contact e-mail address"] == "jz@ser.example"


def test_respondents_details_only_with_the_permission_to_view_contact_persons(client):
    make_submission(contact={"first_name": "Jadwiga", "last_name": "Zawadzka"})
    staff(
        client,
        username="statistician",
        permissions=["questionnaire.view_submission", "questionnaire.export_submission"],
    )

    response = export(client, "questionnaire_submission", CSV, query="?queue=all")

    content = response.content.decode("utf-8-sig")
    records = as_dicts(read(response))
    assert len(records) == 1
    assert set(survey_columns().values()) <= set(records[0])
    assert [
        text for text in ["Jadwiga", "Zawadzka", "anna@serowarnia", "216 00 00"] if text in content
    ] == []
    assert not [name for name in records[0] if name.startswith("Respondent")]


# Queries: as many for 50 rows as for 5.


def queries(client, label, file_format):
    with CaptureQueriesContext(connection) as context:
        response = export(
            client, label, file_format, query="?queue=all" if "submission" in label else ""
        )
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    ("label", "make", "expected"),
    [
        ("companies_organisation", lambda: ContactPersonFactory().organisation, 12),
        ("offers_offer", OfferFactory, 10),
        ("questionnaire_submission", make_submission, 11),
    ],
)
def test_an_export_does_not_query_per_row(client, label, make, expected):
    staff(client, role=ADMINISTRATOR)
    for _ in range(5):
        make()
    few = queries(client, label, XLSX)
    for _ in range(45):
        make()

    many = queries(client, label, XLSX)

    assert many == few
    assert few == expected
