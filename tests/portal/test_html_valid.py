"""The Nu Html Checker (vnu, from npm's vnu-jar) finds no error on the public pages.

All pages are checked in one run of the checker, as the JVM is slow to start. A new
page joins by a line in PAGES: its address, once the data of `content` exists.
"""

import json
import subprocess
from pathlib import Path

import pytest

from portal.events.models import Event
from portal.news.models import NewsItem
from tests.companies.analysis.page_figures import dairy_figures
from tests.factories import ClusterFactory, OrganisationFactory
from tests.offers.factories import OfferFactory
from tests.portal.documents.factories import make_document
from tests.portal.events.factories import EventFactory, days_from_now

pytestmark = pytest.mark.django_db

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

PAGES = [
    "/pl/",
    "/it/",
    "/pl/project/",
    "/hu/project/",
    "/pl/directory/",
    "/pl/directory/?q=mleko&cluster=dairy&country=PL",
    "/pl/directory/map/",
    "/de/clusters/",
    "/de/clusters/dairy/",
    "/pl/clusters/dairy/analysis/",
    "/it/clusters/dairy/analysis/?base=C&sort=region",
    "/pl/clusters/industries/10.5/",
    "/pl/offers/",
    "/it/offers/?q=sery&cluster=dairy",
    "/pl/offers/alerts/",
    "/pl/news/",
    "/it/news/rusza-projekt/",
    "/pl/events/",
    "/it/events/?kind=workshop&cluster=dairy",
    "/pl/events/past/",
    "/pl/events/warsztaty-eksportowe/",
    "/hu/events/warsztaty-eksportowe/register/",
    "/pl/events/grupa-fokusowa/",
    "/pl/documents/",
    "/it/documents/?cluster=dairy",
    "/pl/documents/studium-wykonalnosci/",
]


@pytest.fixture
def content():
    """A cluster, a published firm and its offer, news, events and a document, so that
    lists have rows."""
    cluster = ClusterFactory(slug="dairy", name_pl="Przemysł mleczarski")
    organisation = OrganisationFactory(name="Mleczarnia Narew", clusters=[cluster])
    OfferFactory(organisation=organisation, title="Sery dla dystrybutorów")
    document = make_document(slug="studium-wykonalnosci", files=("pl",), clusters=[cluster])
    EventFactory(slug="warsztaty-eksportowe", clusters=[cluster], capacity=20)
    focus_group = EventFactory(
        slug="grupa-fokusowa",
        kind=Event.Kind.FOCUS_GROUP,
        starts_at=days_from_now(-30),
        ends_at=days_from_now(-30),
        report_pl="<p>Raport z <strong>grupy fokusowej</strong>.</p>",
    )
    focus_group.documents.add(document)
    news = NewsItem.objects.create(
        slug="rusza-projekt",
        title_pl="Rusza projekt",
        lead_pl="Pierwsze spotkanie partnerów.",
        body_pl='<p>Tekst <a href="https://example.eu/">z linkiem</a>.</p>',
        is_published=True,
    )
    news.clusters.set([cluster])
    news.events.add(focus_group)
    dairy_figures()


def vnu_errors(documents):
    """The checker's errors per page: {address: ["line N: message", ...]}."""
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `npm ci` (vnu-jar is a devDependency)")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *documents.values()],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # vnu names a file "file:/tmp/page.html".
    by_file = {f"file:{Path(path).resolve()}": address for address, path in documents.items()}
    errors = {}
    for message in json.loads(result.stderr or result.stdout)["messages"]:
        address = by_file.get(message.get("url"), message.get("url"))
        errors.setdefault(address, []).append(
            f"line {message.get('lastLine')}: {message['message']}"
        )
    return errors


def test_the_public_pages_are_valid_html(client, content, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    documents = {}
    for number, address in enumerate(PAGES):
        response = client.get(address)
        assert response.status_code == 200, address
        path = tmp_path / f"page-{number}.html"
        path.write_bytes(response.content)
        documents[address] = str(path)

    assert vnu_errors(documents) == {}


def test_the_checker_finds_an_invalid_page(tmp_path):
    path = tmp_path / "invalid.html"
    path.write_text(
        '<!DOCTYPE html><html lang="pl"><head><title>x</title></head>'
        '<body><form action=""></form></body></html>'
    )

    errors = vnu_errors({"/invalid/": str(path)})

    assert list(errors) == ["/invalid/"]
    assert "action" in errors["/invalid/"][0]
