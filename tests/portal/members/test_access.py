"""The member area's one access rule, the admin closed to members, the home's queries."""

import pytest

from companies.models import ContactPerson
from portal.members.access import for_member_organisation
from tests.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get("/pl/account/")

    assert response.status_code == 302
    assert response["Location"] == "/pl/account/sign-in/?next=/pl/account/"


def test_staff_get_the_403_page(client, staff_user):
    client.force_login(staff_user, backend="portal.signin.StaffSignInBackend")

    response = client.get("/pl/account/")

    assert response.status_code == 403
    assert "Odmowa dostępu" in response.content.decode()


@pytest.mark.parametrize("url", ["/pl/admin/", "/pl/admin/members/member/", "/pl/admin/auth/user/"])
def test_a_member_never_sees_an_admin_page(client, partner, url):
    client.force_login(partner.user, backend="portal.members.signin.MemberBackend")

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/pl/admin/login/")


def test_rows_are_scoped_to_the_members_organisation(contact_member, partner):
    other = ContactPersonFactory(organisation=OrganisationFactory(name="Inna firma"))
    contacts = ContactPerson.objects.all()

    mine = for_member_organisation(contacts, contact_member)

    assert list(mine) == [contact_member.contact]
    assert not mine.filter(pk=other.pk).exists()
    assert not for_member_organisation(contacts, partner).exists()


def test_member_home_queries(client, contact_member, django_assert_num_queries):
    client.force_login(contact_member.user, backend="portal.members.signin.MemberBackend")
    client.get("/pl/account/")

    # The session, the user, the member with organisation and contact.
    with django_assert_num_queries(3):
        response = client.get("/pl/account/")

    content = response.content.decode()
    assert "Mleczarnia Podlaska" in content
    assert "Moje konto" in content


def test_header_links_to_sign_in_or_account_never_to_a_name(client, contact_member, settings):
    settings.DEBUG = False
    anonymous = client.get("/pl/").content.decode()
    assert 'href="/pl/account/sign-in/"' in anonymous

    client.force_login(contact_member.user, backend="portal.members.signin.MemberBackend")
    page = client.get("/pl/offers/").content.decode()
    header = page.split("<header", 1)[1].split("</header>", 1)[0]

    assert 'href="/pl/account/"' in header
    assert "Anna" not in header and "Nowak" not in header
    client.logout()
    assert 'href="/pl/account/sign-in/"' in client.get("/pl/offers/").content.decode()
