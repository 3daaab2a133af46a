import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, choose_language
from tests.factories import ActivityFactory, ClusterFactory, OrganisationFactory

# serialized_rollback keeps the reference data of migrations for the tests after these.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def directory():
    dairy = ClusterFactory(
        slug="dairy",
        name_pl="Przemysł mleczarski",
        name_it="Industria lattiero-casearia",
        name_de="Milchindustrie",
        description_pl="Mleczarnie Podlasia.",
        description_it="I caseifici della Podlachia.",
    )
    machinery = ClusterFactory(
        slug="agricultural-machinery",
        name_pl="Maszyny rolnicze",
        name_it="Macchine agricole",
        name_de="Landmaschinen",
    )
    activity = ActivityFactory(code="10.51", name_pl="Przetwórstwo mleka", name_it="Lattiero")
    dairy.activities.set([activity])
    OrganisationFactory(
        name="Mleczarnia Narew",
        slug="mleczarnia-narew",
        clusters=[dairy],
        activities=[activity],
        description_pl="Produkujemy sery dojrzewające.",
        description_it="Produciamo formaggi stagionati.",
        description_de="Wir stellen gereiften Käse her.",
        export_markets=["IT"],
    )
    OrganisationFactory(
        name="Agromet Sokółka",
        slug="agromet-sokolka",
        town="Sokółka",
        latitude=Decimal("53.40640"),
        longitude=Decimal("23.50290"),
        clusters=[machinery],
        description_pl="Przyczepy rolnicze.",
    )


def test_partner_reads_the_directory_in_italian_and_switches_to_german(
    page, live_server, directory
):
    page.goto(live_server.url + "/it/directory/")
    expect(page.locator("h1")).to_have_text("Elenco di imprese e istituzioni")
    expect(page.get_by_role("link", name="Agromet Sokółka")).to_be_visible()

    page.get_by_label("Cluster").select_option("dairy")
    page.get_by_role("button", name=re.compile("risultati", re.IGNORECASE)).click()

    expect(page).to_have_url(re.compile(r"/it/directory/\?.*cluster=dairy"))
    expect(page.get_by_role("link", name="Agromet Sokółka")).to_have_count(0)
    page.get_by_role("link", name="Mleczarnia Narew").click()

    expect(page).to_have_url(live_server.url + "/it/directory/mleczarnia-narew/")
    expect(page.get_by_text("Produciamo formaggi stagionati.")).to_be_visible()

    choose_language(page, "Deutsch")

    expect(page).to_have_url(live_server.url + "/de/directory/mleczarnia-narew/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("h1")).to_have_text("Mleczarnia Narew")
    expect(page.get_by_text("Wir stellen gereiften Käse her.")).to_be_visible()
    assert page.foreign_requests == []


def test_switcher_keeps_the_filters(page, live_server, directory):
    page.goto(live_server.url + "/it/directory/?cluster=dairy&sort=-name")

    choose_language(page, "polski")

    expect(page).to_have_url(live_server.url + "/pl/directory/?cluster=dairy&sort=-name")
    expect(page.get_by_label("Klaster")).to_have_value("dairy")


def test_map_shows_the_organisations(page, live_server, directory):
    page.goto(live_server.url + "/pl/directory/map/")

    expect(page.locator(".leaflet-marker-icon")).to_have_count(2)
    page.get_by_role("button", name="Agromet Sokółka").click()
    popup = page.locator(".leaflet-popup-content a")
    expect(popup).to_have_text("Agromet Sokółka")
    expect(popup).to_have_attribute("href", "/pl/directory/agromet-sokolka/")
    assert page.foreign_requests == []


@pytest.mark.parametrize("language", ["pl", "it"])
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/directory/",
        "/directory/?q=ser&cluster=dairy",
        "/directory/mleczarnia-narew/",
        "/directory/map/",
        "/clusters/",
        "/clusters/dairy/",
        "/privacy/",
        "/accessibility/",
    ],
)
def test_no_wcag_violations(page, live_server, directory, language, path):
    page.goto(f"{live_server.url}/{language}{path}")
    page.wait_for_load_state("networkidle")

    assert axe_violations(page) == []
