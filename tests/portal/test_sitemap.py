import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from companies.models import Cluster, Organisation
from offers import services
from offers.models import Offer
from portal.events.models import Event
from tests.factories import ActivityFactory, OrganisationFactory
from tests.offers.factories import OfferFactory, expired_offer
from tests.portal.documents.factories import make_document
from tests.portal.events.factories import EventFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
HOST = "http://testserver"


def read_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)  # noqa: S314 (the portal's own output)
    assert root.tag == f"{SITEMAP}urlset"
    return {
        url.findtext(f"{SITEMAP}loc"): {
            "lastmod": url.findtext(f"{SITEMAP}lastmod"),
            "alternates": [
                (link.get("hreflang"), link.get("href"))
                for link in url.findall(f"{XHTML}link")
                if link.get("rel") == "alternate"
            ],
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def in_every_language(path):
    """The URLs of a page in the eight languages, and the alternates each one lists."""
    urls = {code: f"{HOST}/{code}{path}" for code in LANGUAGES}
    alternates = [*urls.items(), ("x-default", f"{HOST}{path}")]
    return urls, alternates


def offer_path(offer):
    return f"/offers/{offer.reference}/"


def test_sitemap_lists_each_live_offer_in_every_language_with_alternates(client):
    offer = OfferFactory()
    anonymous = OfferFactory(is_anonymous=True)
    offer.refresh_from_db()

    urls = read_sitemap(client)

    for listed in (offer, anonymous):
        locations, alternates = in_every_language(offer_path(listed))
        for location in locations.values():
            assert urls[location]["alternates"] == alternates
    locations, _alternates = in_every_language(offer_path(offer))
    assert urls[locations["it"]]["lastmod"] == (
        timezone.localtime(offer.updated_at).date().isoformat()
    )


def test_sitemap_leaves_out_offers_that_are_not_live(client):
    live = OfferFactory()
    draft = OfferFactory(published=False)
    submitted = services.offer_submit(offer=OfferFactory(published=False))
    withdrawn = services.offer_withdraw(offer=OfferFactory(), by=None)
    marked_expired = expired_offer()
    services.offers_expire_due()
    assert Offer.objects.get(pk=marked_expired.pk).status == Offer.Status.EXPIRED
    # Past its date, but no job has run since: its status is still "published".
    past_its_date = expired_offer()
    assert Offer.objects.get(pk=past_its_date.pk).status == Offer.Status.PUBLISHED

    text = client.get("/sitemap.xml").content.decode()

    assert live.reference in text
    for offer in (draft, submitted, withdrawn, marked_expired, past_its_date):
        assert offer.reference not in text


def test_sitemap_lists_published_organisations_and_clusters_only(client):
    published = OrganisationFactory(name="Mleczarnia Jawna")
    unpublished = OrganisationFactory(name="Mleczarnia Szkic", is_published=False)

    urls = read_sitemap(client)

    locations, alternates = in_every_language(f"/directory/{published.slug}/")
    for location in locations.values():
        assert urls[location]["alternates"] == alternates
        assert urls[location]["lastmod"] == (
            timezone.localtime(published.updated_at).date().isoformat()
        )
    assert not [url for url in urls if unpublished.slug in url]
    for cluster in Cluster.objects.all():
        locations, alternates = in_every_language(f"/clusters/{cluster.slug}/")
        for location in locations.values():
            assert urls[location]["alternates"] == alternates
    assert len(urls) == len(LANGUAGES) * (
        Organisation.objects.filter(is_published=True).count()
        + Cluster.objects.count()
        + Cluster.objects.filter(statistics_activity__isnull=False).count()
    )


def test_sitemap_lists_the_analysis_of_each_cluster_with_an_industry(client):
    Cluster.objects.update(statistics_activity=None)
    dairy = Cluster.objects.get(slug="dairy")
    dairy.statistics_activity = ActivityFactory(code="10.5", level=3)
    dairy.save()

    urls = read_sitemap(client)

    locations, alternates = in_every_language("/clusters/dairy/analysis/")
    for location in locations.values():
        assert urls[location]["alternates"] == alternates
    assert {url for url in urls if url.endswith("/analysis/")} == set(locations.values())


def test_sitemap_lists_published_documents_only(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    published = make_document(slug="studium-wykonalnosci", files=())
    make_document(slug="szkic-studium", files=(), is_published=False)

    urls = read_sitemap(client)

    locations, alternates = in_every_language("/documents/studium-wykonalnosci/")
    for location in locations.values():
        assert urls[location]["alternates"] == alternates
        assert urls[location]["lastmod"] == (
            timezone.localtime(published.updated_at).date().isoformat()
        )
    assert not [url for url in urls if "szkic-studium" in url]


def test_sitemap_lists_public_events_only(client):
    upcoming = EventFactory()
    cancelled = EventFactory(status=Event.Status.CANCELLED)
    draft = EventFactory(status=Event.Status.DRAFT)

    urls = read_sitemap(client)

    for event in (upcoming, cancelled):
        locations, alternates = in_every_language(f"/events/{event.slug}/")
        for location in locations.values():
            assert urls[location]["alternates"] == alternates
    assert not [url for url in urls if draft.slug in url]


def test_sitemap_is_outside_the_language_prefixes(client):
    assert client.get("/en/sitemap.xml").status_code == 404


def test_sitemap_query_count_does_not_grow_with_the_offers(client):
    OfferFactory()
    analyses = Cluster.objects.filter(statistics_activity__isnull=False).count()
    with CaptureQueriesContext(connection) as one:
        assert len(read_sitemap(client)) == len(LANGUAGES) * (2 + analyses + 1 + 1)

    for _number in range(29):
        OfferFactory()
    with CaptureQueriesContext(connection) as thirty:
        assert len(read_sitemap(client)) == len(LANGUAGES) * (2 + analyses + 30 + 30)

    assert len(thirty) == len(one)
    # offers, organisations, clusters, clusters' analyses, news, documents, events
    assert len(one) == 7


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {HOST}/sitemap.xml" in lines
    assert "Disallow: /it/admin/" in lines
    assert "Disallow: /pl/admin/" in lines
    assert not any(line == "Disallow: /" for line in lines)
