"""The member's data: downloaded as JSON, and the account deleted (portal/privacy.py)."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzzing
from hypothesis import strategies as st

from companies.models import ContactPerson, Organisation
from offers.services import alerts
from portal.members.models import Member
from portal.models import PersonErasure
from tests.portal.members.conftest import sign_in_member

pytestmark = pytest.mark.django_db

FUZZ = fuzzing(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize(
    "url", ["/pl/account/data/", "/pl/account/data/download/", "/pl/account/delete/"]
)
def test_anonymous_is_sent_to_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/pl/account/sign-in/?next={url}"


def test_data_page_in_the_members_language(client, contact_member, django_assert_num_queries):
    sign_in_member(client, contact_member)
    client.get("/cs/account/data/")

    # The session, the user, the member with organisation and contact.
    with django_assert_num_queries(3):
        response = client.get("/cs/account/data/")

    content = response.content.decode()
    assert "<h1>Vaše údaje</h1>" in content
    assert 'href="/cs/account/data/download/"' in content
    assert 'href="/cs/account/delete/"' in content


def test_download_holds_the_members_data_and_is_never_cached(client, contact_member):
    alerts.alert_create_confirmed(
        email=contact_member.user.email, language="cs", query="sýr", filters={}
    )
    sign_in_member(client, contact_member)

    response = client.get("/pl/account/data/download/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="podlaskie-clusters-')
    assert "no-store" in response["Cache-Control"]
    export = json.loads(response.content)
    assert export["email"] == "anna.nowak@mleczarnia.example"
    assert export["account"]["first_name"] == "Anna"
    [member] = export["members"]["members"]
    assert member["organisation"]["name"] == "Mleczarnia Podlaska"
    assert [row["email"] for row in export["members"]["email_addresses"]] == [
        "anna.nowak@mleczarnia.example"
    ]
    [contact] = export["companies"]["contact_persons"]
    assert contact["last_name"] == "Nowak"
    [alert] = export["offers"]["alerts"]
    assert alert["words"] == "sýr"


def test_download_queries(client, contact_member, django_assert_num_queries):
    sign_in_member(client, contact_member)
    client.get("/pl/account/data/download/")

    # One query per part of the file, the event registrations included.
    with django_assert_num_queries(14):
        client.get("/pl/account/data/download/")


def test_delete_page_queries(client, contact_member, django_assert_num_queries):
    sign_in_member(client, contact_member)
    client.get("/pl/account/delete/")

    with django_assert_num_queries(3):
        response = client.get("/pl/account/delete/")

    assert "Usuń konto" in response.content.decode()


def test_a_wrong_address_deletes_nothing_and_says_why(client, contact_member):
    sign_in_member(client, contact_member)

    response = client.post("/de/account/delete/", {"email": "jemand@example.org"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Das ist nicht die Adresse Ihres Kontos." in content
    assert 'value="jemand@example.org"' in content
    assert Member.objects.filter(pk=contact_member.pk).exists()
    assert not PersonErasure.objects.exists()


def test_deleting_the_account(client, contact_member, django_capture_on_commit_callbacks):
    organisation = contact_member.organisation
    user = contact_member.user
    sign_in_member(client, contact_member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/pl/account/delete/", {"email": "Anna.Nowak@mleczarnia.example"})

    assert response.status_code == 302
    assert response["Location"] == "/pl/account/deleted/"
    # The member, allauth's rows and her data go; the account is stripped and closed.
    assert not Member.objects.exists()
    assert not EmailAddress.objects.exists()
    user = get_user_model().objects.get(pk=user.pk)
    assert (user.email, user.first_name, user.is_active) == ("", "", False)
    contact = ContactPerson.objects.get(organisation=organisation)
    assert (contact.email, contact.first_name) == ("", "erased")
    record = PersonErasure.objects.get()
    assert record.requested_by == PersonErasure.Channel.PERSON
    # The organisation and its public record stay.
    assert Organisation.objects.filter(pk=organisation.pk, name="Mleczarnia Podlaska").exists()
    # The session is over; the page says it is done.
    done = client.get(response["Location"])
    assert "<h1>Państwa konto zostało usunięte</h1>" in done.content.decode()
    assert client.get("/pl/account/").status_code == 302
    # The office is told, and she gets a confirmation in her language (Czech).
    office, confirmation = mail.outbox
    assert record.erasure_id in office.subject
    assert "Osoba złożyła wniosek po zalogowaniu." in office.body
    assert confirmation.to == ["anna.nowak@mleczarnia.example"]
    assert confirmation.subject == "Vaše osobní údaje byly vymazány"
    # Posted again: no one is signed in, nothing more happens.
    again = client.post("/pl/account/delete/", {"email": "anna.nowak@mleczarnia.example"})
    assert again.status_code == 302
    assert PersonErasure.objects.count() == 1


@FUZZ
@given(
    email=st.one_of(
        st.text(max_size=300),
        st.text(alphabet="\x00é€日本 ab@.", max_size=60),
        st.just("x" * 100_000),
    )
)
def test_delete_form_never_fails(client, contact_member, email):
    sign_in_member(client, contact_member)

    response = client.post("/pl/account/delete/", {"email": email})

    assert response.status_code == 200
    assert Member.objects.filter(pk=contact_member.pk).exists()
