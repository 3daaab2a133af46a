"""The member area in a browser: accessibility of every member page, members
signing in by the code e-mailed to them, and a firm's changes on their way through
the office to the public pages.

The member pages are walked from the resolver (tests/portal/members/area.py): a
page added to the `members` namespace is checked with axe-core here at once.
"""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from companies.models import OrganisationRevision
from offers.models import Offer
from portal.members.models import Member
from portal.roles import MODERATOR
from tests.e2e.conftest import axe_violations
from tests.factories import ContactPersonFactory, OrganisationFactory
from tests.helpers import add_roles
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


def test_a_czech_partner_registers_and_signs_in_by_code(browser, page, live_server, unlimited):
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
    assert page.foreign_requests == []


NEW_DESCRIPTION = "Mleczarnia z Łomży: sery dojrzewające i masło z mleka od 120 gospodarstw."
OFFER_TITLE = "Eksport serów dojrzewających"
MODERATOR_PASSWORD = "Moderator-2026!"


def moderator():
    """A staff member with the moderator role who signs in with an authenticator app."""
    add_roles()
    user = User.objects.create_user(
        "moderatorka", "moderatorka@podlaskie.example", MODERATOR_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=MODERATOR))
    return TOTPDevice.objects.create(user=user, name="telefon", confirmed=True)


def current_code(device):
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def sign_in_to_admin(page, live_server, device, address):
    """The admin's sign-in as staff go through it: name, password, the app's code."""
    page.goto(live_server.url + address)
    page.locator("#id_username").fill(device.user.username)
    page.locator("#id_password").fill(MODERATOR_PASSWORD)
    page.locator("#id_otp_token").fill(current_code(device))
    page.locator("input[type=submit]").click()
    expect(page).to_have_url(live_server.url + address)


def test_a_polish_firm_proposes_a_description_and_an_offer_that_a_moderator_accepts(
    browser, page, live_server, unlimited, settings
):
    settings.STAFF_2FA_REQUIRED = True
    contact = contact_person(name="Mleczarnia Narew", slug="mleczarnia-narew")
    organisation = contact.organisation
    device = moderator()

    # The firm's contact person signs in in Polish.
    firm = browser.new_context(locale="pl-PL")
    member_page = firm.new_page()
    sign_in(member_page, live_server, CONTACT_EMAIL, "pl")
    expect(member_page.locator("h1")).to_have_text("Moje konto")
    expect(member_page.locator("main")).to_contain_text("Mleczarnia Narew")
    member = Member.objects.get(user__email=CONTACT_EMAIL)
    assert (member.kind, member.organisation, member.language) == ("contact", organisation, "pl")

    # They propose a new description on the profile page ...
    member_page.goto(f"{live_server.url}/pl/account/profile/")
    expect(member_page.locator("#id_description")).to_have_attribute("lang", "pl")
    member_page.locator("#id_description").fill(NEW_DESCRIPTION)
    member_page.get_by_role("button", name="Wyślij zmiany do urzędu").click()
    expect(member_page.locator(".alert-success")).to_contain_text(
        "Zmiany zostały wysłane do urzędu"
    )
    revision = OrganisationRevision.objects.get(organisation=organisation)
    assert revision.status == OrganisationRevision.Status.PENDING
    assert revision.changes["description_pl"] == NEW_DESCRIPTION

    # ... and a new offer on the offers pages.
    member_page.goto(f"{live_server.url}/pl/account/offers/")
    member_page.locator("a[href$='/pl/account/offers/new/']").first.click()
    member_page.locator("#id_kind").select_option(Offer.Kind.BUSINESS_OFFER)
    member_page.locator("#id_title").fill(OFFER_TITLE)
    member_page.locator("#id_summary").fill("Szukamy dystrybutorów serów w Czechach i na Węgrzech.")
    member_page.locator("form.member-offer-form button[type=submit]").click()
    expect(member_page).to_have_url(f"{live_server.url}/pl/account/offers/")
    offer = Offer.objects.get(organisation=organisation)
    assert (offer.status, offer.source_language, offer.title_pl) == (
        Offer.Status.SUBMITTED,
        "pl",
        OFFER_TITLE,
    )
    expect(member_page.locator(".alert-success")).to_contain_text(offer.reference)
    expect(member_page.locator("main")).to_contain_text(OFFER_TITLE)

    # Nothing is public before the office decides.
    member_page.goto(f"{live_server.url}/pl/directory/mleczarnia-narew/")
    expect(member_page.locator("main")).not_to_contain_text(NEW_DESCRIPTION)
    firm.close()

    # A moderator signs in to the admin and accepts the proposed description ...
    office = browser.new_context(locale="pl-PL")
    admin = office.new_page()
    revision_page = f"/pl/admin/companies/organisationrevision/{revision.pk}/change/"
    sign_in_to_admin(admin, live_server, device, revision_page)
    expect(admin.locator("#content")).to_contain_text(NEW_DESCRIPTION)
    admin.locator(f"form[action$='/{revision.pk}/accept/'] input[type=submit]").click()
    expect(admin.locator(".messagelist")).to_contain_text("Mleczarnia Narew")
    revision.refresh_from_db()
    assert (revision.status, revision.decided_by) == ("accepted", device.user)

    # ... and publishes the offer with the list's action, as moderators do.
    admin.goto(f"{live_server.url}/pl/admin/offers/offer/")
    admin.locator(f"input[name=_selected_action][value='{offer.pk}']").check()
    admin.locator("select[name=action]").select_option("publish_offers")
    admin.locator("#changelist-form button[name=index]").click()
    expect(admin.locator(".messagelist")).to_contain_text("Opublikowano 1 ofertę na 12 miesięcy.")
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED
    office.close()

    # The directory and the offer list show them.
    page.goto(f"{live_server.url}/pl/directory/")
    expect(page.locator("main")).to_contain_text(NEW_DESCRIPTION)
    page.goto(f"{live_server.url}/pl/offers/")
    expect(page.get_by_role("link", name=OFFER_TITLE)).to_be_visible()

    # The Czech page of the organisation shows the Polish text, and says so.
    page.goto(f"{live_server.url}/cs/directory/mleczarnia-narew/")
    expect(page.locator("html")).to_have_attribute("lang", "cs")
    description = page.locator("main [lang=pl]", has_text=NEW_DESCRIPTION)
    expect(description).to_have_count(1)
    expect(description.locator("xpath=following-sibling::p[1]")).to_have_text(
        "Zatím nepřeloženo do tohoto jazyka. Jazyk zobrazeného textu: polština."
    )
    assert axe_violations(page) == []
    assert page.foreign_requests == []
