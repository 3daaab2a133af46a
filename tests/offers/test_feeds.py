import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from companies.models import Cluster
from offers import services
from offers.feeds import FEED_SIZE
from tests.factories import OrganisationFactory
from tests.offers.factories import OfferFactory, add_translation, expired_offer

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def feed_url(language="en", cluster=None):
    with translation.override(language):
        if cluster:
            return reverse("offers:cluster_feed", kwargs={"cluster": cluster})
        return reverse("offers:feed")


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)  # noqa: S314 (the portal's own output)
    assert root.tag == f"{ATOM}feed"
    return root, response.content.decode()


def entries(root):
    return root.findall(f"{ATOM}entry")


def entry_links(root):
    return [entry.find(f"{ATOM}link[@rel='alternate']").get("href") for entry in entries(root)]


def in_language(language, text):
    with translation.override(language):
        return str(text)


def offer_link(offer, language="en"):
    return f"http://testserver/{language}/offers/{offer.reference}/"


def test_feed_is_atom_with_the_live_offers_newest_first(client):
    first = OfferFactory(title="Sery dojrzewające")
    second = OfferFactory(title="Masło ekstra")

    root, _text = read_feed(client, feed_url())

    assert root.get(XML_LANG) == "en"
    assert root.find(f"{ATOM}title").text == "New co-operation offers – Podlaskie clusters"
    assert root.find(f"{ATOM}id").text == "http://testserver/en/offers/"
    assert root.find(f"{ATOM}author/{ATOM}name").text == (
        "Marshal's Office of the Podlaskie Voivodeship"
    )
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/en/offers/feed/"
    assert len(entries(root)) == 2
    assert entry_links(root) == [offer_link(second), offer_link(first)]
    entry = entries(root)[0]
    assert entry.find(f"{ATOM}id").text == offer_link(second)
    assert entry.find(f"{ATOM}published").text is not None
    assert entry.find(f"{ATOM}updated").text is not None


def test_expired_draft_and_submitted_offers_are_in_no_feed(client):
    dairy = Cluster.objects.get(slug="dairy")
    live = OfferFactory(clusters=[dairy])
    expired = expired_offer(clusters=[dairy])
    draft = OfferFactory(clusters=[dairy], published=False)
    submitted = services.offer_submit(offer=OfferFactory(clusters=[dairy], published=False))
    withdrawn = services.offer_withdraw(offer=OfferFactory(clusters=[dairy]), by=None)

    for url in (feed_url(), feed_url("pl"), feed_url(cluster="dairy")):
        root, text = read_feed(client, url)

        assert len(entries(root)) == 1
        assert live.reference in text
        for offer in (expired, draft, submitted, withdrawn):
            assert offer.reference not in text


def test_feed_texts_are_in_the_feeds_language_else_the_source_language(client):
    translated = OfferFactory(title="Sery dojrzewające", summary="Szukamy dystrybutorów.")
    add_translation(
        translated, "it", title="Formaggi stagionati", summary="Cerchiamo distributori."
    )
    untranslated = OfferFactory(title="Masło & śmietana", summary="Szukamy <hurtowni>.")

    root, _text = read_feed(client, feed_url("it"))

    assert root.get(XML_LANG) == "it"
    by_link = {entry.find(f"{ATOM}link").get("href"): entry for entry in entries(root)}
    italian = by_link[offer_link(translated, "it")]
    assert italian.find(f"{ATOM}title").text == "Formaggi stagionati"
    assert italian.find(f"{ATOM}summary").text == "<p>Cerchiamo distributori.</p>"
    assert italian.find(f"{ATOM}summary").get("type") == "html"
    assert italian.get(XML_LANG) is None  # the feed's language
    polish = by_link[offer_link(untranslated, "it")]
    assert polish.get(XML_LANG) == "pl"
    assert polish.find(f"{ATOM}title").text == "Masło & śmietana"
    # Plain text in a summary of type html: escaped, so that no reader takes it for markup.
    assert polish.find(f"{ATOM}summary").text == "<p>Szukamy &lt;hurtowni&gt;.</p>"


def test_an_anonymous_offer_never_names_its_organisation(client):
    hidden = OrganisationFactory(name="Mleczarnia Ukryta")
    named = OrganisationFactory(name="Mleczarnia Jawna")
    OfferFactory(organisation=hidden, is_anonymous=True)
    named_offer = OfferFactory(organisation=named)

    root, text = read_feed(client, feed_url())

    assert "Mleczarnia Ukryta" not in text
    assert "mleczarnia-ukryta" not in text
    authors = {
        entry.find(f"{ATOM}link").get("href"): [
            (author.findtext(f"{ATOM}name"), author.findtext(f"{ATOM}uri"))
            for author in entry.findall(f"{ATOM}author")
        ]
        for entry in entries(root)
    }
    assert authors[offer_link(named_offer)] == [
        ("Mleczarnia Jawna", "http://testserver/en/directory/mleczarnia-jawna/")
    ]
    assert sorted(authors.values()) == [
        [],
        [("Mleczarnia Jawna", "http://testserver/en/directory/mleczarnia-jawna/")],
    ]


def test_cluster_feed_lists_only_that_clusters_offers(client):
    dairy = Cluster.objects.get(slug="dairy")
    machines = Cluster.objects.get(slug="agricultural-machinery")
    cheese = OfferFactory(clusters=[dairy])
    tractor = OfferFactory(clusters=[machines])

    root, text = read_feed(client, feed_url(cluster="agricultural-machinery"))

    assert entry_links(root) == [offer_link(tractor)]
    with translation.override("en"):
        assert root.find(f"{ATOM}title").text == (f"New co-operation offers – {machines.name}")
    assert root.find(f"{ATOM}id").text == (
        "http://testserver/en/offers/?cluster=agricultural-machinery"
    )
    assert cheese.reference not in text
    categories = entries(root)[0].findall(f"{ATOM}category")
    assert [category.get("term") for category in categories] == [in_language("en", machines.name)]


def test_an_unknown_cluster_feed_is_a_404(client):
    response = client.get(feed_url(cluster="no-such-cluster"))

    assert response.status_code == 404


def test_feed_holds_the_fifty_newest_offers(client):
    offers = [OfferFactory() for _ in range(FEED_SIZE + 1)]

    root, text = read_feed(client, feed_url())

    assert len(entries(root)) == FEED_SIZE
    assert offers[0].reference not in text
    assert entry_links(root)[0] == offer_link(offers[-1])


@pytest.mark.parametrize(("cluster", "queries"), [(None, 3), ("dairy", 4)])
def test_feed_query_count_does_not_grow_with_the_offers(client, cluster, queries):
    dairy = Cluster.objects.get(slug="dairy")
    OfferFactory(clusters=[dairy], is_anonymous=True)
    with CaptureQueriesContext(connection) as one:
        root, _text = read_feed(client, feed_url(cluster=cluster))
    assert len(entries(root)) == 1

    for number in range(29):
        OfferFactory(clusters=[dairy], is_anonymous=bool(number % 2))
    with CaptureQueriesContext(connection) as thirty:
        root, _text = read_feed(client, feed_url(cluster=cluster))
    assert len(entries(root)) == 30

    assert len(thirty) == len(one)
    assert len(one) == queries
