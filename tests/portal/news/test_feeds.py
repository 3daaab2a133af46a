"""The news' Atom feeds: they parse back, in the feed's language, per cluster."""

import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from companies.models import Cluster
from tests.helpers import count_queries
from tests.portal.news.factories import news_item

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def feed_url(language, cluster=None):
    with translation.override(language):
        if cluster:
            return reverse("news:cluster_feed", kwargs={"cluster": cluster})
        return reverse("news:feed")


def parsed(client, address):
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_the_feed_holds_the_items_in_its_language_and_says_which_are_not(client):
    news_item(
        texts={
            "pl": {"title": "Rusza projekt", "lead": "Urząd bierze udział."},
            "it": {"title": "Parte il progetto", "lead": "L'Ufficio partecipa."},
        },
        at=timezone.now() - HOUR,
    )
    news_item(
        texts={"pl": {"title": "Grupa fokusowa", "lead": "Spotkanie w Białymstoku."}},
        at=timezone.now() - HOUR / 2,
    )
    news_item(texts={"pl": {"title": "Szkic"}}, published=False)
    news_item(texts={"pl": {"title": "Zaplanowana"}}, at=timezone.now() + HOUR)

    feed = parsed(client, feed_url("it"))

    assert feed.feed.language == "it"
    assert [entry.title for entry in feed.entries] == ["Grupa fokusowa", "Parte il progetto"]
    assert feed.entries[1].summary == "<p>L&#x27;Ufficio partecipa.</p>"
    assert feed.entries[0].title_detail.language == "pl"
    assert feed.entries[1].title_detail.language == "it"


def test_an_entry_links_to_its_page_in_the_feeds_language(client):
    item = news_item(texts={"pl": {"title": "Dwie branże"}, "de": {"title": "Zwei Branchen"}})

    entry = parsed(client, feed_url("de")).entries[0]

    assert entry.title == "Zwei Branchen"
    assert entry.link == f"http://testserver/de/news/{item.slug}/"


def test_the_cluster_feed_holds_only_that_clusters_items(client):
    dairy = Cluster.objects.get(slug="dairy")
    machinery = Cluster.objects.get(slug="agricultural-machinery")
    news_item(texts={"pl": {"title": "Sery"}, "en": {"title": "Cheese"}}, clusters=[dairy])
    news_item(texts={"pl": {"title": "Kombajny"}}, clusters=[machinery])

    feed = parsed(client, feed_url("en", "dairy"))

    assert feed.feed.language == "en"
    assert [entry.title for entry in feed.entries] == ["Cheese"]
    assert [tag.term for tag in feed.entries[0].tags] == [dairy.name_en or dairy.name]
    assert client.get(feed_url("en", "cheese")).status_code == 404


def test_the_feed_costs_the_same_queries_for_one_item_as_for_many(client):
    dairy = Cluster.objects.get(slug="dairy")
    news_item(clusters=[dairy])
    one = count_queries(client, feed_url("pl"))
    for _number in range(10):
        news_item(clusters=[dairy])

    assert (one, count_queries(client, feed_url("pl"))) == (2, 2)
