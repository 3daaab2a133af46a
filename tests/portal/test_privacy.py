"""A person's data exported and erased across the portal (portal/privacy.py)."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from companies.models import ContactDataView, ContactPerson, Organisation
from offers.models import ExpressionOfInterest, SavedSearch
from offers.services import alerts
from offers.services.interest import interest_create, interest_forward
from portal import privacy
from portal.events import registration_services
from portal.events.models import Registration
from portal.members import services as members
from portal.members.models import Member
from portal.models import PersonErasure
from questionnaire import services as questionnaire_services
from questionnaire.models import Draft, Submission, SurveyQuestion
from tests.factories import OrganisationFactory
from tests.helpers import change_form_data
from tests.offers.factories import OfferFactory
from tests.portal.events.registrations import make_event
from tests.questionnaire.submissions import default_survey, make_submission

pytestmark = pytest.mark.django_db

EMAIL = "e.z.kontakt@mleczarnia.example"
FIRST_NAME = "Eulalia"
LAST_NAME = "Zabłocka-Kwiatkowska"
PHONE_TYPED = "+48 86 215 47 93"
PHONE_DIGITS = "862154793"  # however it is written: spaces, dashes, dots left out
# What must be found nowhere after the erasure: each searched in every text column.
TERMS = {"first name": FIRST_NAME, "last name": "Kwiatkowska", "e-mail address": "e.z.kontakt@"}


def text_columns():
    """(table, column) of every text, varchar, json and jsonb column of the database."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema()
              AND data_type IN ('text', 'character varying', 'json', 'jsonb')
            ORDER BY table_name, column_name
            """
        )
        return cursor.fetchall()


def where_the_person_is():
    """{(table, column): {what was found}} for the person's name, address and phone."""
    found = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, column in text_columns():
            value = f"{quote(column)}::text"
            for what, term in [*TERMS.items(), ("phone number", PHONE_DIGITS)]:
                if what == "phone number":
                    condition = f"regexp_replace({value}, '[\\s./()-]', '', 'g') LIKE %s"
                else:
                    condition = f"{value} ILIKE %s"
                cursor.execute(
                    f"SELECT EXISTS (SELECT 1 FROM {quote(table)} WHERE {condition})",  # noqa: S608
                    [f"%{term}%"],
                )
                if cursor.fetchone()[0]:
                    found.setdefault((table, column), set()).add(what)
    return found


@pytest.fixture
def person(admin_client, admin_user):
    """A person present everywhere: contact person of a firm from an accepted
    questionnaire and a member of the portal for it (with a sign-in behind her),
    sender of an expression of interest, of an alert and of a saved questionnaire,
    edited and looked at by staff in the admin."""
    survey = default_survey()
    text_question = next(q for q in survey if q.kind == SurveyQuestion.Kind.TEXT)
    survey[text_question] = f"Proszę dzwonić do {FIRST_NAME} {LAST_NAME}, 86 215 47 93."
    submission = make_submission(
        language="it",
        contact={
            "first_name": FIRST_NAME,
            "last_name": LAST_NAME,
            "email": EMAIL,
            "phone": PHONE_TYPED,
            "alerts_consent": "on",
        },
        survey=survey,
    )
    organisation = questionnaire_services.submission_accept(submission=submission, by=admin_user)
    contact = ContactPerson.objects.get(organisation=organisation)
    member = members.member_for_contact_email(email=EMAIL)
    User.objects.filter(pk=member.user_id).update(last_login=timezone.now())
    member.user.refresh_from_db()

    # Staff edit her record in the admin (its history and the admin's log) and look
    # her up (the log of views of contact data).
    url = reverse("admin:companies_contactperson_change", args=[contact.pk])
    data = change_form_data(admin_client.get(url))
    data["job_title"] = "dyrektor handlowa"
    for name in ("publication_consent_at", "alerts_consent_at"):  # the admin's date and time
        at = timezone.localtime(data.pop(name))
        data[f"{name}_0"], data[f"{name}_1"] = f"{at:%Y-%m-%d}", f"{at:%H:%M:%S}"
    assert admin_client.post(url, data).status_code == 302
    search = admin_client.get(reverse("admin:companies_contactperson_changelist"), {"q": LAST_NAME})
    assert search.status_code == 200

    # She answers another firm's offer, which staff forward with a note naming her.
    offer = OfferFactory(organisation=OrganisationFactory(name="Agromet Zambrów"))
    Organisation.objects.filter(pk=offer.organisation_id).update(email="biuro@agromet.example")
    interest = interest_create(
        offer=offer,
        name=f"{FIRST_NAME} {LAST_NAME}",
        organisation_name="Serowarnia Narwiańska",
        country="PL",
        email=EMAIL.upper(),
        phone="862-154-793",
        message=f"Buongiorno, sono {FIRST_NAME} {LAST_NAME}: mi chiami al 86 215 47 93.",
        language="it",
    )
    interest_forward(
        interest=interest, by=admin_user, note=f"Pani {LAST_NAME} prosi o telefon rano."
    )
    alerts.alert_create(email=EMAIL, language="it", query="mleko", filters={})
    # She registers for a workshop, where staff mark her attendance.
    registration = registration_services.registration_create(
        event=make_event(capacity=1),
        name=f"{FIRST_NAME} {LAST_NAME}",
        organisation_name="Serowarnia Narwiańska",
        country="PL",
        email=EMAIL,
        phone=PHONE_TYPED,
        needs=f"Dieta bezglutenowa, prosi {FIRST_NAME}.",
        language="it",
        user=member.user,
    )
    registration = registration_services.registration_confirm(registration=registration)
    registration_services.registrations_set_attended(
        queryset=Registration.objects.filter(pk=registration.pk), attended=True, by=admin_user
    )
    questionnaire_services.draft_save(
        email=EMAIL,
        language="it",
        form_data={"contact": {"contact-first_name": [FIRST_NAME], "contact-email": [EMAIL]}},
        step="contact",
    )
    mail.outbox.clear()
    return {
        "organisation": organisation,
        "contact": contact,
        "submission": submission,
        "member": member,
        "user": member.user,
    }


def test_export_holds_what_the_portal_has_about_the_person(person):
    export = privacy.person_export(email=EMAIL, user=person["user"])

    json.dumps(export)  # serialisable as it is
    assert export["portal"]["url"] == "http://testserver"
    assert export["generated_at"]
    [contact] = export["companies"]["contact_persons"]
    assert contact["organisation"] == {
        "id": person["organisation"].pk,
        "name": "Serowarnia Narwiańska",
    }
    assert (contact["first_name"], contact["last_name"], contact["email"]) == (
        FIRST_NAME,
        LAST_NAME,
        EMAIL,
    )
    assert (contact["phone"], contact["job_title"], contact["language"]) == (
        "+48862154793",
        "dyrektor handlowa",
        "it",
    )
    assert contact["publication_consent"]["given"] is True
    assert contact["publication_consent"]["version"]
    assert contact["alerts_consent"]["given"] is True
    assert contact["alerts_consent"]["at"]
    history = export["companies"]["contact_person_history"]
    assert [row["job_title"] for row in history] == ["prezes zarządu", "dyrektor handlowa"]
    views = export["companies"]["contact_data_views"]
    assert {view["staff_member"] for view in views} == {"admin"}
    assert any("/companies/contactperson/" in view["page"] for view in views)

    [interest] = export["offers"]["expressions_of_interest"]
    assert interest["name"] == f"{FIRST_NAME} {LAST_NAME}"
    assert interest["message"].startswith("Buongiorno, sono Eulalia")
    assert interest["status"] == "forwarded"
    assert [entry["what"] for entry in interest["log"]] == ["Forwarded to the firm."]
    [alert] = export["offers"]["alerts"]
    assert (alert["words"], alert["language"], alert["confirmed_at"]) == ("mleko", "it", None)

    [registration] = export["events"]["registrations"]
    assert (registration["name"], registration["email"], registration["phone"]) == (
        f"{FIRST_NAME} {LAST_NAME}",
        EMAIL,
        "+48862154793",
    )
    assert (registration["status"], registration["language"]) == ("confirmed", "it")
    assert registration["event"]["slug"] == "warsztaty-serowarskie"
    assert registration["consent"]["version"] and registration["consent"]["at"]
    assert [entry["what"] for entry in registration["log"]] == ["Attended: True."]

    [submission] = export["questionnaire"]["submissions"]
    assert submission["status"] == "accepted"
    assert submission["answers"]["contact"]["phone"] == PHONE_TYPED
    assert submission["consents"]["publication"] is True
    assert f"Proszę dzwonić do {FIRST_NAME} {LAST_NAME}, 86 215 47 93." in {
        answer["text"] for answer in submission["survey_answers"]
    }
    assert [change["to"] for change in submission["status_changes"]] == [
        "unconfirmed",
        "confirmed",
        "accepted",
    ]
    [draft] = export["questionnaire"]["saved_questionnaires"]
    assert draft["form_data"]["contact"]["contact-first_name"] == [FIRST_NAME]

    assert export["account"]["last_login"]
    [member] = export["members"]["members"]
    assert member["kind"] == "contact"
    assert member["organisation"] == {
        "id": person["organisation"].pk,
        "name": "Serowarnia Narwiańska",
    }
    assert (member["contact_person"], member["language"]) == (person["contact"].pk, "it")
    assert member["last_sign_in"] == export["account"]["last_login"]
    assert export["members"]["email_addresses"] == [
        {"email": EMAIL, "verified": True, "primary": True}
    ]


def test_export_by_address_alone_finds_the_member(person):
    export = privacy.person_export(email=EMAIL.upper())

    assert [row["kind"] for row in export["members"]["members"]] == ["contact"]
    assert [row["email"] for row in export["members"]["email_addresses"]] == [EMAIL]


def test_an_address_the_portal_does_not_know_exports_nothing(person):
    export = privacy.person_export(email="nobody@example.org")

    assert not privacy.holds_anything(export)


def test_erasure_leaves_the_person_in_no_table(person, client, django_capture_on_commit_callbacks):
    before = where_the_person_is()
    # Every place that held her is found before (so the search would see one missed).
    expected = {
        ("auth_user", "first_name"): {"first name"},
        ("auth_user", "last_name"): {"last name"},
        ("auth_user", "email"): {"e-mail address"},
        ("account_emailaddress", "email"): {"e-mail address"},
        ("companies_contactperson", "first_name"): {"first name"},
        ("companies_contactperson", "last_name"): {"last name"},
        ("companies_contactperson", "email"): {"e-mail address"},
        ("companies_contactperson", "phone"): {"phone number"},
        ("companies_historicalcontactperson", "last_name"): {"last name"},
        ("companies_historicalcontactperson", "email"): {"e-mail address"},
        ("companies_historicalcontactperson", "phone"): {"phone number"},
        ("companies_contactdataview", "path"): {"last name"},
        ("django_admin_log", "object_repr"): {"first name", "last name"},
        ("offers_expressionofinterest", "name"): {"first name", "last name"},
        ("offers_expressionofinterest", "email"): {"e-mail address"},
        ("offers_expressionofinterest", "phone"): {"phone number"},
        ("offers_expressionofinterest", "message"): {"first name", "last name", "phone number"},
        ("offers_expressionofinterest", "staff_note"): {"last name"},
        ("offers_savedsearch", "email"): {"e-mail address"},
        ("questionnaire_submission", "email"): {"e-mail address"},
        ("questionnaire_submission", "answers"): {
            "first name",
            "last name",
            "e-mail address",
            "phone number",
        },
        ("questionnaire_submission", "form_data"): {"first name", "last name", "e-mail address"},
        ("questionnaire_historicalsubmission", "email"): {"e-mail address"},
        ("questionnaire_surveyanswer", "text"): {"first name", "last name", "phone number"},
        ("questionnaire_draft", "email"): {"e-mail address"},
        ("questionnaire_draft", "form_data"): {"first name", "e-mail address"},
        ("events_registration", "name"): {"first name", "last name"},
        ("events_registration", "email"): {"e-mail address"},
        ("events_registration", "phone"): {"phone number"},
        ("events_registration", "needs"): {"first name"},
    }
    assert {key: before.get(key, set()) & what for key, what in expected.items()} == expected

    with django_capture_on_commit_callbacks(execute=True):
        record = privacy.person_erase(email=EMAIL, user=person["user"])

    assert where_the_person_is() == {}
    # Her membership ends; the organisation it was tied to stays.
    assert not Member.objects.exists()
    assert not EmailAddress.objects.exists()
    assert record.counts["members"] == {"members": 1, "email_addresses": 1}
    # The organisation and its public record stay; her record stays, anonymised.
    organisation = Organisation.objects.get(pk=person["organisation"].pk)
    assert (organisation.name, organisation.is_published) == ("Serowarnia Narwiańska", True)
    page = client.get(organisation.get_absolute_url())
    assert page.status_code == 200
    assert "Serowarnia Narwiańska" in page.content.decode()
    contact = ContactPerson.objects.get(pk=person["contact"].pk)
    assert (contact.first_name, contact.last_name, contact.email, str(contact.phone)) == (
        "erased",
        record.erasure_id,
        "",
        "",
    )
    assert ContactDataView.objects.filter(contact_person=contact).exists()  # ids stay
    interest = ExpressionOfInterest.objects.get()
    assert (interest.name, interest.message) == (f"erased {record.erasure_id}", "erased")
    assert interest.staff_note == "Pani [erased] prosi o telefon rano."
    assert interest.organisation_name == "Serowarnia Narwiańska"
    assert not SavedSearch.objects.exists()
    assert not Draft.objects.exists()
    registration = Registration.objects.get()
    assert (registration.name, registration.email, str(registration.phone)) == (
        f"erased {record.erasure_id}",
        "",
        "",
    )
    assert (registration.needs, registration.user, registration.attended) == ("erased", None, True)
    assert registration.organisation_name == "Serowarnia Narwiańska"
    assert record.counts["events"] == {"registrations": 1}
    submission = Submission.objects.get(pk=person["submission"].pk)
    assert submission.answers["organisation"]["name"] == "Serowarnia Narwiańska"
    assert submission.answers["contact"] == {}
    assert submission.anonymised_at is not None
    assert LogEntry.objects.filter(object_repr="[erased]").exists()

    # Who asked, and what changed, without her data.
    assert PersonErasure.objects.get() == record
    assert record.requested_by == PersonErasure.Channel.STAFF
    assert record.counts["companies"]["contact_persons"] == 1
    assert record.counts["offers"] == {"expressions_of_interest": 1, "alerts": 1}
    assert record.counts["questionnaire"]["submissions"] == 1
    assert FIRST_NAME not in json.dumps(record.counts)

    office, confirmation = mail.outbox
    assert office.to == ["iod@podlaskie.eu", "klastry@podlaskie.eu"]
    assert record.erasure_id in office.subject
    assert office.body.startswith("Dane osoby zostały usunięte z portalu na jej wniosek")
    assert "Serowarnia Narwiańska: http://testserver/pl/admin/" in office.body  # no contact left
    assert confirmation.to == [EMAIL]
    assert confirmation.subject == "I suoi dati personali sono stati cancellati"
    assert record.erasure_id in confirmation.body


def test_erasure_closes_the_account_of_a_member_who_asked(
    person, django_capture_on_commit_callbacks
):
    member = person["user"]

    with django_capture_on_commit_callbacks(execute=True):
        record = privacy.person_erase(email=EMAIL, user=member, by=member, language="de")

    member.refresh_from_db()
    assert (member.username, member.first_name, member.last_name, member.email) == (
        f"erased-{record.erasure_id}",
        "",
        "",
        "",
    )
    assert not member.is_active
    assert not member.has_usable_password()
    assert not Member.objects.filter(user=member).exists()
    assert not EmailAddress.objects.filter(user=member).exists()
    assert (record.requested_by, record.staff_member, record.staff_username) == ("person", None, "")
    assert where_the_person_is() == {}
    assert mail.outbox[1].subject == "Ihre personenbezogenen Daten wurden gelöscht"
    assert "Osoba złożyła wniosek po zalogowaniu." in mail.outbox[0].body


def test_a_second_contact_keeps_the_organisation_off_the_office_list(
    person, django_capture_on_commit_callbacks
):
    ContactPerson.objects.create(
        organisation=person["organisation"],
        first_name="Jan",
        last_name="Nowicki",
        email="jan@serowarnia.example",
    )

    with django_capture_on_commit_callbacks(execute=True):
        privacy.person_erase(email=EMAIL)

    assert "Serowarnia Narwiańska" not in mail.outbox[0].body
    assert ContactPerson.objects.filter(email="jan@serowarnia.example").exists()


def test_command_erases_with_yes(person, admin_user, capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("erase_person", "--email", EMAIL, "--by", admin_user.username, "--yes")

    output = capsys.readouterr().out
    record = PersonErasure.objects.get()
    assert "companies, contact persons: 1" in output
    assert "offers, expressions of interest: 1" in output
    assert f"Erased (erasure {record.erasure_id})" in output
    assert (record.staff_member, record.staff_username) == (admin_user, "admin")
    assert where_the_person_is() == {}
    assert len(mail.outbox) == 2


def test_command_for_an_unknown_address_erases_nothing(person, capsys):
    call_command("erase_person", "--email", "nobody@example.org", "--yes")

    assert "holds nothing about nobody@example.org" in capsys.readouterr().out
    assert not PersonErasure.objects.exists()
    assert ContactPerson.objects.filter(email=EMAIL).exists()
