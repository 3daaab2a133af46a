import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from offers import services
from offers.models import Offer
from portal.roles import TRANSLATOR
from tests.e2e.conftest import axe_violations
from tests.factories import OrganisationFactory
from tests.helpers import add_roles

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_translator_fills_czech_from_the_machine_draft_and_reviews_it(
    page, live_server, deepl_server
):
    add_roles()
    translator = User.objects.create_user(
        "tlumaczka", "tlumaczka@podlaskie.example", "Tlumacz-2026!", is_staff=True
    )
    translator.groups.add(Group.objects.get(name=TRANSLATOR))
    offer = services.offer_create(
        organisation=OrganisationFactory(),
        kind=Offer.Kind.BUSINESS_OFFER,
        language="pl",
        title="Dostawca mleka",
        summary="Szukamy partnerów handlowych.",
        status=Offer.Status.SUBMITTED,
    )
    offer = services.offer_publish(offer=offer, by=None)

    # The translator signs in and opens the offer from the list.
    page.goto(f"{live_server.url}/en/admin/offers/offer/")
    page.locator("#id_username").fill("tlumaczka")
    page.locator("#id_password").fill("Tlumacz-2026!")
    page.locator("input[type=submit]").click()
    page.get_by_role("link", name=offer.reference).click()
    page.locator("li[data-language='cs'] a").click()
    expect(page).to_have_url(re.compile(rf"/en/admin/offers/offer/{offer.pk}/translate/cs/$"))
    expect(page.locator("#workspace-state")).to_contain_text("missing")
    expect(page.locator("td.workspace-source[lang='pl']").first).to_have_text("Dostawca mleka")

    # A machine draft, marked machine.
    page.get_by_role("button", name="Fill from machine translation").click()
    expect(page.locator(".messagelist")).to_contain_text("A machine draft of the Czech texts")
    expect(page.locator("#workspace-state")).to_contain_text("machine translation")
    expect(page.locator("#id_title")).to_have_value("Dodavatel mléka")
    expect(page.locator("#id_summary")).to_have_value("Hledáme obchodní partnery.")
    assert axe_violations(page) == []

    # Reviewed, with a correction: a human translation.
    page.locator("#id_summary").fill("Hledáme obchodní partnery v Česku.")
    page.get_by_role("button", name="Save as reviewed translation").click()
    expect(page.locator(".messagelist")).to_contain_text("saved as reviewed, by a person")
    expect(page.locator("#workspace-state")).to_contain_text("human translation")

    # A Czech reader sees it with no note of machine translation.
    page.goto(f"{live_server.url}/cs/offers/{offer.reference}/")
    expect(page.locator("h1")).to_have_text("Dodavatel mléka")
    expect(page.locator("h1")).to_have_attribute("lang", "cs")
    expect(page.locator("main")).to_contain_text("Hledáme obchodní partnery v Česku.")
    expect(page.locator(".machine-translation")).to_have_count(0)
    expect(page.locator(".fallback-note")).to_have_count(0)
    row = offer.translations.get(language="cs")
    assert (row.state, row.origin, row.updated_by) == ("human", "human", translator)
