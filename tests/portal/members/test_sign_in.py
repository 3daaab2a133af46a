"""Members sign in by an e-mailed code: end to end with the test client and locmem mail."""

import pytest
from django.contrib.auth import get_user_model

from portal.members.models import Member
from tests.portal.members.conftest import code_in, confirm_code, request_code

pytestmark = pytest.mark.django_db


def test_contact_person_signs_in_by_code_and_sees_their_organisation(
    client, mailoutbox, confirmed_contact
):
    response = request_code(client, "Anna.Nowak@mleczarnia.example")

    assert response.status_code == 302
    assert response["Location"] == "/pl/account/sign-in/code/confirm/"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["anna.nowak@mleczarnia.example"]
    member = Member.objects.get(contact=confirmed_contact)
    assert member.kind == Member.Kind.CONTACT
    assert member.organisation == confirmed_contact.organisation
    assert member.language == "cs"
    assert not member.user.has_usable_password()
    assert not member.user.is_staff

    response = confirm_code(client, code_in(mailoutbox[0]))

    assert response.status_code == 302
    assert response["Location"] == "/pl/account/"
    home = client.get("/pl/account/")
    assert home.status_code == 200
    content = home.content.decode()
    assert "Mleczarnia Podlaska" in content
    assert "Anna Nowak" in content
    # The page where the member signed in was Polish: that language is now kept.
    member.refresh_from_db()
    assert member.language == "pl"
    # ... and the contact record's, which the decisions on their changes are sent in.
    confirmed_contact.refresh_from_db()
    assert confirmed_contact.language == "pl"


def test_the_code_email_and_the_pages_are_in_the_language_of_the_request(
    client, mailoutbox, partner
):
    response = request_code(client, partner.user.email, language="cs")

    assert response["Location"] == "/cs/account/sign-in/code/confirm/"
    page = client.get(response["Location"])
    assert "Zadejte přihlašovací kód" in page.content.decode()
    assert "Kód" in mailoutbox[0].subject or "kód" in mailoutbox[0].subject
    confirm_code(client, code_in(mailoutbox[0]), language="cs")
    partner.refresh_from_db()
    assert partner.language == "cs"
    home = client.get("/cs/account/")
    assert "Váš účet" in home.content.decode()
    assert "Officine Rossi" in home.content.decode()


def test_a_contact_person_without_a_confirmed_email_gets_no_account(client, mailoutbox, db):
    from tests.factories import ContactPersonFactory

    contact = ContactPersonFactory(email="jan@firma.example", email_confirmed_at=None)

    response = request_code(client, contact.email)

    assert response.status_code == 302
    assert not get_user_model().objects.filter(email__iexact=contact.email).exists()
    assert not Member.objects.exists()
    # The same single e-mail an unknown address gets: no code in it.
    assert len(mailoutbox) == 1
    assert "-" not in "".join(
        line for line in mailoutbox[0].body.splitlines() if len(line.strip()) == 9
    )
    assert confirm_code(client, "ABCD-EFGH").status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_staff_address_gets_no_code_and_no_session(client, mailoutbox, staff_user):
    response = request_code(client, staff_user.email)

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    assert not any(len(line.strip()) == 9 and line.strip()[4] == "-" for line in body.splitlines())
    confirm_code(client, "ABCD-EFGH")
    assert "_auth_user_id" not in client.session
    assert not Member.objects.exists()


def test_staff_cannot_use_their_password_on_the_member_sign_in(client, staff_user):
    response = client.post(
        "/pl/account/sign-in/", {"login": staff_user.email, "password": "Mleko-2026!"}
    )

    assert "_auth_user_id" not in client.session
    assert response.status_code == 302


def test_an_email_and_password_on_the_admin_sign_in_do_not_pass_the_member_backend(
    client, staff_user
):
    """allauth's backend would take an e-mail address as the user name; ours takes none."""
    response = client.post(
        "/pl/admin/login/?next=/pl/admin/",
        {"username": staff_user.email, "password": "Mleko-2026!", "next": "/pl/admin/"},
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_sign_out(client, mailoutbox, partner):
    request_code(client, partner.user.email)
    confirm_code(client, code_in(mailoutbox[0]))

    response = client.post("/pl/account/sign-out/")

    assert response.status_code == 302
    assert response["Location"] == "/pl/"
    assert "_auth_user_id" not in client.session


def test_accepting_a_confirmed_questionnaire_makes_its_contact_able_to_sign_in(
    client, mailoutbox, admin_user
):
    from questionnaire import services as questionnaire_services
    from tests.questionnaire.submissions import make_submission

    submission = make_submission()
    organisation = questionnaire_services.submission_accept(submission=submission, by=admin_user)
    contact = organisation.contacts.get(email__iexact=submission.email)
    assert contact.email_confirmed_at == submission.confirmed_at
    mailoutbox.clear()

    request_code(client, contact.email)
    confirm_code(client, code_in(mailoutbox[0]))

    assert client.session["_auth_user_id"] == str(Member.objects.get(contact=contact).user_id)
