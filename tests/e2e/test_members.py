"""The member area in a browser: accessibility of every member page, and members
signing in by the code e-mailed to them.

The member pages are walked from the resolver (tests/portal/members/area.py): a
page added to the `members` namespace is checked with axe-core here at once.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from playwright.sync_api import expect

from portal.members.models import Member
from tests.e2e.conftest import axe_violations
from tests.factories import ContactPersonFactory, OrganisationFactory
from tests.portal.members import area
from tests.portal.members.conftest import code_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CONTACT_EMAIL = "anna.nowak@mleczarnia.example"


@pytest.fixture
def unlimited(settings, live_server):
    """No rate limit on codes (every test asks for some), links to the live server."""
    settings.ACCOUNT_RATE_LIMITS = False
    settings.PORTAL_URL = live_server.url


def contact_person(**organisation):
    """A firm's contact person whose address a questionnaire confirmed."""
    return ContactPersonFactory(
        first_name="Anna",
        last_name="Nowak",
        email=CONTACT_EMAIL,
        language="pl",
        email_confirmed_at=timezone.now(),
        organisation=OrganisationFactory(**organisation),
    )


def last_code_to(email):
    (message, *_earlier) = [message for message in reversed(mail.outbox) if message.to == [email]]
    return code_in(message)


def sign_in(page, live_server, email, language):
    """Sign in as a member does: the address, then the code from the e-mail."""
    page.goto(f"{live_server.url}/{language}/account/sign-in/")
    page.locator("#id_login").fill(email)
    page.locator("form[action$='/account/sign-in/'] button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/{language}/account/sign-in/code/confirm/")
    page.locator("#id_code").fill(last_code_to(email))
    page.locator("form[action$='/sign-in/code/confirm/'] button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/{language}/account/")


def member_pages(language):
    """The member pages that take no value in their URL, in the language."""
    return [route.path(language=language) for route in area.plain_member_routes()]


@pytest.mark.parametrize("language", ["pl", "cs"])
def test_no_member_page_has_an_accessibility_violation(
    browser, page, live_server, unlimited, language
):
    contact_person(name="Mleczarnia Narew", slug="mleczarnia-narew")
    found = {}

    def check(where):
        expect(page.locator("html")).to_have_attribute("lang", language)
        found[where] = axe_violations(page)

    for name in ("account_login", "account_request_login_code", "account_signup"):
        with override(language):
            address = reverse(name)
        page.goto(live_server.url + address)
        check(address)
    # A form refused: the errors are tied to their fields.
    page.locator("form[action$='/account/sign-up/'] button[type=submit]").click()
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    check("sign-up with errors")
    page.goto(f"{live_server.url}/{language}/account/sign-in/")
    page.locator("#id_login").fill(CONTACT_EMAIL)
    page.locator("form[action$='/account/sign-in/'] button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/sign-in/code/confirm/$"))
    check("code")
    page.locator("#id_code").fill(last_code_to(CONTACT_EMAIL))
    page.locator("form[action$='/sign-in/code/confirm/'] button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/{language}/account/")

    pages = member_pages(language)
    for address in pages:
        response = page.goto(live_server.url + address)
        assert response.status == 200, address
        check(address)

    assert f"/{language}/account/" in pages
    assert found == {where: [] for where in found}
    assert page.foreign_requests == []


def test_a_czech_partner_registers_and_a_polish_firm_signs_in(
    browser, page, live_server, unlimited
):
    # A partner registers in Czech and confirms the address by the e-mailed code.
    page.goto(live_server.url + "/cs/account/sign-up/")
    expect(page.locator("html")).to_have_attribute("lang", "cs")
    page.locator("#id_first_name").fill("Jana")
    page.locator("#id_last_name").fill("Nováková")
    page.locator("#id_organisation_name").fill("Mlékárna Vysočina s.r.o.")
    page.locator("#id_country").select_option("CZ")
    page.locator("#id_email").fill("jana@mlekarna.example")
    page.locator("#id_privacy_acknowledged").check()
    page.locator("form[action$='/account/sign-up/'] button[type=submit]").click()

    expect(page.locator("#id_code")).to_be_visible()
    page.locator("#id_code").fill(last_code_to("jana@mlekarna.example"))
    page.locator("form:has(#id_code) button[type=submit]").click()

    expect(page).to_have_url(live_server.url + "/cs/account/")
    expect(page.locator("h1")).to_have_text("Váš účet")
    expect(page.locator("main")).to_contain_text("Mlékárna Vysočina s.r.o.")
    partner = Member.objects.get(user__email="jana@mlekarna.example")
    assert (partner.kind, partner.language, partner.country.code) == ("partner", "cs", "CZ")

    # A firm's contact person signs in in Polish, in another browser.
    contact = contact_person(name="Mleczarnia Narew", slug="mleczarnia-narew")
    firm = browser.new_context(locale="pl-PL")
    member_page = firm.new_page()
    sign_in(member_page, live_server, CONTACT_EMAIL, "pl")
    expect(member_page.locator("h1")).to_have_text("Moje konto")
    expect(member_page.locator("main")).to_contain_text("Mleczarnia Narew")
    member = Member.objects.get(user__email=CONTACT_EMAIL)
    assert (member.kind, member.organisation, member.language) == (
        "contact",
        contact.organisation,
        "pl",
    )
    firm.close()
    assert page.foreign_requests == []
