"""The news pages in a browser: axe-core finds no WCAG 2.1 A/AA violation."""

import datetime

import pytest
from django.utils import timezone

from companies.models import Cluster
from portal.news.models import NewsItem
from tests.e2e.conftest import axe_violations

# serialized_rollback keeps the reference data of migrations for the tests after these.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def news():
    dairy = Cluster.objects.get(slug="dairy")
    for number in range(3):
        item = NewsItem.objects.create(
            slug=f"wiadomosc-{number}",
            title_pl=f"Grupa fokusowa {number}",
            lead_pl="Przedstawiciele firm mleczarskich spotkali się w Białymstoku.",
            body_pl="<p>Rozmawiano o <strong>potrzebach</strong> firm.</p>",
            is_published=True,
            publish_at=timezone.now() - datetime.timedelta(hours=number + 1),
        )
        item.clusters.set([dairy])
    item = NewsItem.objects.create(
        slug="rusza-projekt",
        title_pl="Rusza projekt „Rozwój klastrów przemysłowych”",
        title_it="Parte il progetto “Sviluppo dei cluster industriali”",
        lead_pl="Urząd bierze udział w projekcie.",
        body_pl="<h2>Cztery grupy działań</h2><ul><li><p>analiza branż</p></li></ul>"
        '<p><a href="https://example.org/">Interreg</a></p>',
        is_published=True,
    )
    item.clusters.set([dairy])
    return item


@pytest.mark.parametrize("language", ["pl", "it"])
@pytest.mark.parametrize("path", ["/news/", "/news/?cluster=dairy", "/news/rusza-projekt/"])
def test_no_wcag_violations(page, live_server, news, language, path):
    page.goto(f"{live_server.url}/{language}{path}")
    page.wait_for_load_state("networkidle")

    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
