"""The header at 320, 768 and 1280 px: no horizontal scroll, every section reachable
(at once, or once the menu is opened by keyboard), and one language menu that keeps
the page; the project page has no WCAG 2.1 A/AA violation."""

import re

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, choose_language
from tests.factories import ClusterFactory, OrganisationFactory
from tests.offers.factories import OfferFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WIDTHS = [320, 768, 1280]
PAGES = ["/", "/directory/", "/offers/", "/project/"]
# The header's sections; those of a section not yet built are left out.
SECTIONS = [
    "companies:organisation_list",
    "companies:organisation_map",
    "companies:cluster_list",
    "offers:offer_list",
    "questionnaire:start",
    "news:news_list",
    "events:event_list",
    "documents:document_list",
    "project:project",
]
# Each language's name in itself, as the language menu shows it.
NAMES = {"pl": "polski", "hu": "Magyar", "bg": "български", "it": "italiano"}


@pytest.fixture
def content():
    cluster = ClusterFactory(slug="dairy", name_pl="Przemysł mleczarski")
    organisation = OrganisationFactory(name="Mleczarnia Narew", clusters=[cluster])
    OfferFactory(organisation=organisation, title="Sery dla dystrybutorów")


def section_addresses(language):
    addresses = []
    with translation.override(language):
        for name in SECTIONS:
            try:
                addresses.append(reverse(name))
            except NoReverseMatch:
                continue
    return addresses


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["pl", "hu", "bg"])
def test_the_header_fits_and_reaches_every_section(page, live_server, content, width, language):
    page.set_viewport_size({"width": width, "height": 800})
    sections = section_addresses(language)
    assert len(sections) >= 6

    for path in PAGES:
        page.goto(f"{live_server.url}/{language}{path}")
        assert no_horizontal_scroll(page), f"{width} px {language}{path}"
        links = [page.locator(f'header .site-sections a[href="{address}"]') for address in sections]
        if not links[0].is_visible():
            # Narrow screens fold the sections behind the menu button: open it by keyboard.
            toggler = page.locator("header .navbar-toggler")
            expect(toggler).to_be_visible()
            toggler.focus()
            page.keyboard.press("Enter")
            expect(toggler).to_have_attribute("aria-expanded", "true")
        for link in links:
            expect(link).to_be_visible()
        assert no_horizontal_scroll(page), f"{width} px {language}{path}, menu open"

        # The language menu, opened, fits too.
        page.locator("header .language-menu summary").click()
        menu = page.locator("header .language-menu-list")
        expect(menu.get_by_role("link")).to_have_count(8)
        expect(menu.locator("a[aria-current]")).to_have_attribute("lang", language)
        box = menu.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert no_horizontal_scroll(page), f"{width} px {language}{path}, languages open"
    assert page.foreign_requests == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_language_menu_switches_language_and_keeps_the_page(page, live_server, content, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/pl/offers/?q=sery")

    choose_language(page, NAMES["hu"])

    expect(page).to_have_url(f"{live_server.url}/hu/offers/?q=sery")
    expect(page.locator("html")).to_have_attribute("lang", "hu")
    # By keyboard: the summary opens the menu, Tab reaches a language, Enter follows it.
    summary = page.locator("header .language-menu summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator("header .language-menu")).to_have_attribute("open", "")
    bulgarian = page.locator('header .language-menu a[hreflang="bg"]')
    for _ in range(10):
        page.keyboard.press("Tab")
        if bulgarian.evaluate("link => link === document.activeElement"):
            break
    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{live_server.url}/bg/offers/?q=sery")
    # Escape closes an open menu and gives the focus back to its button.
    page.locator("header .language-menu summary").click()
    page.keyboard.press("Escape")
    expect(page.locator("header .language-menu")).not_to_have_attribute("open", re.compile(".*"))
    assert page.foreign_requests == []


def test_the_partner_map_loads_no_tile_before_the_visitor_asks(page, live_server):
    tiles = []
    page.on("request", lambda request: "/static/tiles/" in request.url and tiles.append(request))
    page.goto(f"{live_server.url}/pl/project/")
    page.wait_for_load_state("networkidle")

    assert tiles == []
    expect(page.locator("#map")).to_be_hidden()
    page.get_by_role("button", name="Pokaż partnerów na mapie").click()

    expect(page.locator("#map .leaflet-marker-icon")).to_have_count(11)
    assert tiles != []
    assert page.foreign_requests == []


@pytest.mark.parametrize("language", ["pl", "it"])
def test_the_project_page_has_no_wcag_violations(page, live_server, language):
    page.goto(f"{live_server.url}/{language}/project/")
    page.wait_for_load_state("networkidle")

    assert axe_violations(page) == []
    page.locator("header .language-menu summary").click()
    assert axe_violations(page) == []
