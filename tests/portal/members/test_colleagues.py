"""The organisation's members: listed, invited, removed, each through the members' services."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzzing
from hypothesis import strategies as st

from companies.models import ContactPerson
from portal.members import services
from portal.members.models import Member
from portal.members.services import member_for_contact_email
from tests.factories import ContactPersonFactory, OrganisationFactory
from tests.portal.members.conftest import code_in, confirm_code, request_code

pytestmark = pytest.mark.django_db

BACKEND = "portal.members.signin.MemberBackend"
FUZZ = fuzzing(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
GARBAGE = st.one_of(
    st.text(max_size=40),
    st.tuples(st.text(max_size=10), st.text(max_size=10)).map("\x00".join),
    st.sampled_from(["x" * 100_000, "a@b.example", "ł@ł.pl", "zz", "it", "a" * 300 + "@x.pl"]),
)


@pytest.fixture
def member(confirmed_contact):
    """Anna Nowak of Mleczarnia Podlaska, the organisation's first member."""
    return member_for_contact_email(email=confirmed_contact.email)


@pytest.fixture
def signed_in(client, member):
    client.force_login(member.user, backend=BACKEND)
    return client


def colleague_of(member, email="piotr@mleczarnia.example", first_name="Piotr"):
    return services.colleague_invite(
        organisation=member.organisation,
        first_name=first_name,
        last_name="Zieliński",
        email=email,
        language="pl",
        by=member.user,
    )


@pytest.mark.parametrize("url", ["/pl/account/colleagues/", "/pl/account/colleagues/1/remove/"])
def test_anonymous_is_sent_to_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/pl/account/sign-in/?next={url}"


def test_the_list_shows_the_organisations_members(signed_in, member):
    colleague = colleague_of(member)
    OrganisationFactory(name="Inna")  # and another organisation's member, below
    other = member_for_contact_email(
        email=ContactPersonFactory(
            email="obcy@inna.example", email_confirmed_at=timezone.now()
        ).email
    )

    page = signed_in.get("/en/account/colleagues/").content.decode()

    assert "Anna Nowak" in page and "anna.nowak@mleczarnia.example" in page
    assert "Piotr Zieliński" in page and "piotr@mleczarnia.example" in page
    assert "not yet signed in" in page
    assert other.user.email not in page
    assert f'href="/en/account/colleagues/{colleague.pk}/remove/"' in page


def test_colleagues_queries(signed_in, member, django_assert_num_queries):
    signed_in.get("/pl/account/colleagues/")

    # Session, user, member; the colleagues with their accounts.
    with django_assert_num_queries(4):
        signed_in.get("/pl/account/colleagues/")

    for number in range(4):
        colleague_of(member, email=f"osoba{number}@mleczarnia.example")
    with django_assert_num_queries(4):
        page = signed_in.get("/pl/account/colleagues/").content.decode()
    assert "osoba3@mleczarnia.example" in page


def test_an_invitation_makes_a_member_and_is_mailed_in_the_chosen_language(
    client, signed_in, member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            "/pl/account/colleagues/",
            {
                "first_name": "Giulia",
                "last_name": "Conti",
                "email": "giulia@mleczarnia.example",
                "language": "it",
            },
            follow=True,
        )

    assert response.redirect_chain == [("/pl/account/colleagues/", 302)]
    assert "Giulia Conti jest teraz członkiem" in response.content.decode()
    invited = Member.objects.get(user__email="giulia@mleczarnia.example")
    assert invited.kind == Member.Kind.CONTACT
    assert invited.organisation == member.organisation
    assert invited.invited_by == member.user
    assert invited.language == "it"
    assert not invited.user.has_usable_password()
    contact = invited.contact
    assert contact.organisation == member.organisation
    assert (contact.first_name, contact.last_name, contact.language) == ("Giulia", "Conti", "it")
    assert contact.email_confirmed_at is not None
    assert invited.history.get().history_user == member.user
    [message] = mailoutbox
    assert message.to == ["giulia@mleczarnia.example"]
    assert "Mleczarnia Podlaska" in message.subject and "Invito" in message.subject
    assert "Anna Nowak" in message.body
    assert "http://testserver/it/account/sign-in/" in message.body

    # The invited colleague signs in with a code at that address.
    client.logout()
    request_code(client, "giulia@mleczarnia.example", language="it")
    confirmed = confirm_code(client, code_in(mailoutbox[-1]), language="it")
    assert confirmed["Location"] == "/it/account/"
    assert "Mleczarnia Podlaska" in client.get("/it/account/").content.decode()
    assert invited.user.emailaddress_set.get().verified


def test_an_existing_contact_person_is_updated_not_doubled(signed_in, member):
    existing = ContactPersonFactory(
        organisation=member.organisation,
        email="jan@mleczarnia.example",
        job_title="Technolog",
        phone="+48851234567",
    )

    signed_in.post(
        "/pl/account/colleagues/",
        {
            "first_name": "Jan",
            "last_name": "Kos",
            "email": "Jan@mleczarnia.example",
            "language": "pl",
        },
    )

    existing.refresh_from_db()
    assert existing.member.organisation == member.organisation
    assert (existing.last_name, existing.job_title, str(existing.phone)) == (
        "Kos",
        "Technolog",
        "+48851234567",
    )
    assert ContactPerson.objects.filter(email__iexact="jan@mleczarnia.example").count() == 1


def test_an_address_in_use_is_refused_and_a_second_post_does_no_harm(
    signed_in, member, mailoutbox, django_capture_on_commit_callbacks
):
    data = {
        "first_name": "Piotr",
        "last_name": "Zieliński",
        "email": "piotr@mleczarnia.example",
        "language": "pl",
    }
    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post("/en/account/colleagues/", data)
        again = signed_in.post("/en/account/colleagues/", data)

    assert again.status_code == 200
    assert "An account on the portal already uses this address" in again.content.decode()
    assert 'value="Piotr"' in again.content.decode()
    assert Member.objects.filter(user__email="piotr@mleczarnia.example").count() == 1
    assert len(mailoutbox) == 1


def test_a_colleague_is_removed_after_confirming_and_it_is_in_the_history(signed_in, member):
    colleague = colleague_of(member)

    asked = signed_in.get(f"/en/account/colleagues/{colleague.pk}/remove/")
    assert "Piotr Zieliński (piotr@mleczarnia.example) will no longer be a member" in (
        asked.content.decode()
    )
    colleague.refresh_from_db()
    assert colleague.organisation == member.organisation

    response = signed_in.post(f"/en/account/colleagues/{colleague.pk}/remove/", follow=True)

    assert response.redirect_chain == [("/en/account/colleagues/", 302)]
    assert "Piotr Zieliński is no longer a member of Mleczarnia Podlaska." in (
        response.content.decode()
    )
    colleague.refresh_from_db()
    assert colleague.organisation is None and colleague.contact is None
    last = colleague.history.first()
    assert last.organisation_id is None and last.history_user == member.user
    assert last.prev_record.organisation_id == member.organisation_id

    # Posted again, the colleague is no longer one: nothing happens.
    again = signed_in.post(f"/en/account/colleagues/{colleague.pk}/remove/")
    assert again.status_code == 404


def test_the_last_member_cannot_be_removed(signed_in, member):
    response = signed_in.post(f"/cs/account/colleagues/{member.pk}/remove/", follow=True)

    assert response.redirect_chain == [("/cs/account/colleagues/", 302)]
    assert "Organizace si musí ponechat alespoň jednoho člena" in response.content.decode()
    member.refresh_from_db()
    assert member.organisation is not None
    assert SESSION_KEY in signed_in.session


def test_removing_oneself_signs_out(signed_in, member):
    colleague_of(member)

    response = signed_in.post(f"/pl/account/colleagues/{member.pk}/remove/", follow=True)

    assert response.redirect_chain == [("/pl/", 302)]
    assert "Nie są Państwo już członkiem organizacji Mleczarnia Podlaska" in (
        response.content.decode()
    )
    assert SESSION_KEY not in signed_in.session
    member.refresh_from_db()
    assert member.organisation is None


def test_another_organisations_member_is_a_404(signed_in, member):
    other = member_for_contact_email(
        email=ContactPersonFactory(
            organisation=OrganisationFactory(name="Inna"),
            email="obcy@inna.example",
            email_confirmed_at=timezone.now(),
        ).email
    )
    colleague_of(member)

    assert signed_in.get(f"/pl/account/colleagues/{other.pk}/remove/").status_code == 404
    assert signed_in.post(f"/pl/account/colleagues/{other.pk}/remove/").status_code == 404
    other.refresh_from_db()
    assert other.organisation is not None


def test_a_partner_has_no_colleagues(client, partner, member):
    client.force_login(partner.user, backend=BACKEND)

    assert client.get("/pl/account/colleagues/").status_code == 404
    assert client.post(f"/pl/account/colleagues/{member.pk}/remove/").status_code == 404
    assert client.post(f"/pl/account/colleagues/{partner.pk}/remove/").status_code == 404
    member.refresh_from_db()
    assert member.organisation is not None


@given(data=st.data())
@FUZZ
def test_the_invitation_form_takes_any_input_without_an_error_page(client, member, data):
    client.force_login(member.user, backend=BACKEND)
    posted = {
        name: data.draw(GARBAGE, label=name)
        for name in ("first_name", "last_name", "email", "language")
    }

    response = client.post("/pl/account/colleagues/", posted)

    assert response.status_code in (200, 302)
