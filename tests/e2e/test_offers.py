import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from offers import (
    admin_interest,  # noqa: F401 (registers the admin until offers/admin.py does)
    services,
)
from offers.models import ExpressionOfInterest, Offer
from tests.e2e.conftest import axe_violations
from tests.factories import ContactPersonFactory, OrganisationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FIRM_NAME = "Mleczarnia Narwiańska"
FIRM_EMAIL = "biuro@mleczarnia.example"
FIRM_PHONE = "+48856543210"
CONTACT_EMAIL = "jan.nowak@mleczarnia.example"
CONTACT_PHONE = "+48601222333"
CZECH_TITLE = "Zrající sýry pro distributory"


def anonymous_offer_with_czech_text():
    organisation = OrganisationFactory(name=FIRM_NAME, email=FIRM_EMAIL, phone=FIRM_PHONE)
    ContactPersonFactory(
        organisation=organisation,
        first_name="Jan",
        last_name="Nowak",
        email=CONTACT_EMAIL,
        phone=CONTACT_PHONE,
        language="pl",
    )
    offer = services.offer_create(
        organisation=organisation,
        kind=Offer.Kind.BUSINESS_OFFER,
        language="pl",
        title="Sery dojrzewające dla dystrybutorów",
        summary="Mleczarnia z Podlasia szuka dystrybutorów serów dojrzewających.",
        target_countries=["CZ", "IT"],
        is_anonymous=True,
        status=Offer.Status.SUBMITTED,
    )
    offer = services.offer_publish(offer=offer, by=None)
    services.offer_set_translation(
        offer=offer,
        language="cs",
        texts={
            "title": CZECH_TITLE,
            "summary": "Mlékárna z Podlesí hledá distributory zrajících sýrů.",
        },
    )
    return offer


def test_a_czech_partner_expresses_interest_in_an_anonymous_offer_and_staff_forward_it(
    browser, page, live_server, settings, django_user_model
):
    settings.PORTAL_URL = live_server.url
    settings.FORM_MIN_SECONDS = 0
    django_user_model.objects.create_superuser(
        "urzednik", "urzednik@podlaskie.example", "Mleko-2026!"
    )
    offer = anonymous_offer_with_czech_text()
    seen = {}

    # The partner finds the offer in the Czech list and opens it.
    page.goto(live_server.url + "/cs/offers/")
    seen["list"] = page.content()
    page.get_by_role("link", name=CZECH_TITLE).first.click()
    expect(page).to_have_url(re.compile(rf"/cs/offers/{offer.reference}/$"))
    expect(page.locator("h1")).to_have_text(CZECH_TITLE)
    seen["offer"] = page.content()

    # The form: the page is Czech (its labels are not yet translated), so by id.
    page.locator(f"a[href='/cs/offers/{offer.reference}/interest/']").click()
    expect(page).to_have_url(re.compile(rf"/cs/offers/{offer.reference}/interest/$"))
    expect(page.locator("html")).to_have_attribute("lang", "cs")
    expect(page.locator("#offer-heading")).to_contain_text(offer.reference)
    expect(page.locator("#offer-heading span[lang='cs']")).to_have_text(CZECH_TITLE)
    page.locator("#id_name").fill("Jana Nováková")
    page.locator("#id_organisation_name").fill("Mlékárna Vysočina s.r.o.")
    page.locator("#id_country").select_option("CZ")
    page.locator("#id_email").fill("jana@mlekarna.example")
    page.locator("#id_phone").fill("+420 777 123 456")
    page.locator("#id_message").fill("Hledáme dodavatele zrajících sýrů pro naše obchody v Brně.")
    page.locator("#id_consent").check()
    form_violations = axe_violations(page)
    seen["form"] = page.content()
    page.locator("form button[type=submit]").click()

    # The page after sending, and the partner's confirmation.
    expect(page).to_have_url(re.compile(rf"/cs/offers/{offer.reference}/interest/sent/$"))
    expect(page.locator("main")).to_contain_text("jana@mlekarna.example")
    seen["sent"] = page.content()
    expression = ExpressionOfInterest.objects.get()
    assert (expression.language, expression.status) == ("cs", ExpressionOfInterest.Status.NEW)
    (confirmation,) = [message for message in mail.outbox if message.to == [expression.email]]
    assert offer.reference in confirmation.body
    assert CZECH_TITLE in confirmation.body
    assert f"{live_server.url}/cs/offers/{offer.reference}/" in confirmation.body

    # Staff sign in to the admin, open the expression of interest and forward it.
    staff = browser.new_context(locale="pl-PL")
    admin = staff.new_page()
    admin.goto(f"{live_server.url}/pl/admin/offers/expressionofinterest/{expression.pk}/change/")
    admin.locator("#id_username").fill("urzednik")
    admin.locator("#id_password").fill("Mleko-2026!")
    admin.locator("input[type=submit]").click()
    expect(admin.locator("#content")).to_contain_text("Mlékárna Vysočina s.r.o.")
    expect(admin.locator("#content")).to_contain_text(CONTACT_EMAIL)
    admin.locator("#id_note").fill("Partner sprawdzony przez urząd.")
    admin.locator(f"form[action$='/{expression.pk}/forward/'] input[type=submit]").click()
    expect(admin.locator(".messagelist")).to_contain_text(FIRM_NAME)
    staff.close()

    expression.refresh_from_db()
    assert expression.status == ExpressionOfInterest.Status.FORWARDED
    assert expression.forwarded_by.username == "urzednik"
    # The firm was told of the publication first, then gets the partner's details.
    published, to_firm = [message for message in mail.outbox if message.to == [CONTACT_EMAIL]]
    assert offer.reference in published.subject
    for text in [
        "Jana Nováková",
        "Mlékárna Vysočina s.r.o.",
        "jana@mlekarna.example",
        "+420 777 123 456",
        "Hledáme dodavatele zrajících sýrů pro naše obchody v Brně.",
        offer.reference,
        "Sery dojrzewające dla dystrybutorów",
        "Partner sprawdzony przez urząd.",
    ]:
        assert text in to_firm.body

    # Nothing the partner saw or received names the firm or its contact data.
    firm_data = [FIRM_NAME, FIRM_EMAIL, FIRM_PHONE, CONTACT_EMAIL, CONTACT_PHONE, "Nowak"]
    found = {
        where: [value for value in firm_data if value in content]
        for where, content in {**seen, "confirmation e-mail": confirmation.body}.items()
    }
    assert found == {where: [] for where in found}
    assert form_violations == []
    assert page.foreign_requests == []
