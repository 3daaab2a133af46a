"""The news' public pages: what readers see, when, in which language, at what cost."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from companies.models import Cluster
from portal.documents.models import Document
from portal.events.models import Event
from tests.helpers import count_queries, queries_and_response
from tests.portal.news.factories import news_item

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def url(name, language="pl", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def titles(response):
    return [str(item) for item in response.context["items"]]


def test_the_list_shows_published_items_newest_first_and_not_drafts_or_scheduled(client):
    older = news_item(texts={"pl": {"title": "Grupa fokusowa"}}, at=timezone.now() - 3 * HOUR)
    newer = news_item(texts={"pl": {"title": "Dwie branże"}}, at=timezone.now() - HOUR)
    news_item(texts={"pl": {"title": "Szkic"}}, published=False)
    news_item(texts={"pl": {"title": "Zapowiedź studium"}}, at=timezone.now() + HOUR)

    response = client.get(url("news:news_list"))

    assert titles(response) == [newer.title, older.title]
    assert "Szkic" not in response.text and "Zapowiedź studium" not in response.text


def test_a_scheduled_item_appears_at_its_time_with_nothing_run(client):
    now = timezone.now()
    item = news_item(texts={"pl": {"title": "Studium wykonalności"}}, at=now + HOUR)

    with time_machine.travel(now, tick=False) as traveller:
        before = client.get(url("news:news_list"))
        page_before = client.get(item.get_absolute_url())
        traveller.move_to(now + 2 * HOUR)
        after = client.get(url("news:news_list"))
        page_after = client.get(item.get_absolute_url())

    assert "Studium wykonalności" not in before.text
    assert page_before.status_code == 404
    assert "Studium wykonalności" in after.text
    assert page_after.status_code == 200


def test_a_kept_list_lasts_no_later_than_the_next_scheduled_item(client, page_cache):
    now = timezone.now()
    news_item(texts={"pl": {"title": "Dwie branże"}})
    news_item(texts={"pl": {"title": "Studium wykonalności"}}, at=now + HOUR)
    address = url("news:news_list")

    with time_machine.travel(now, tick=False) as traveller:
        client.get(address)
        kept = count_queries(client, address)
        traveller.move_to(now + 2 * HOUR)
        later = client.get(address)

    assert kept == 0
    assert "Studium wykonalności" in later.text


def test_a_news_write_retires_the_kept_pages(client, page_cache):
    item = news_item(texts={"pl": {"title": "Dwie branże"}})
    client.get(url("news:news_list"))

    item.title_pl = "Dwie wiodące branże"
    item.save()

    assert "Dwie wiodące branże" in client.get(url("news:news_list")).text


def test_the_list_filters_by_cluster(client):
    dairy = Cluster.objects.get(slug="dairy")
    machinery = Cluster.objects.get(slug="agricultural-machinery")
    cheese = news_item(texts={"pl": {"title": "Sery"}}, clusters=[dairy])
    news_item(texts={"pl": {"title": "Kombajny"}}, clusters=[machinery])

    response = client.get(url("news:news_list"), {"cluster": "dairy"})

    assert titles(response) == [cheese.title]
    assert response.context["cluster"] == dairy


def test_an_unknown_cluster_is_said_so_and_the_whole_list_shown(client):
    news_item(texts={"pl": {"title": "Sery"}})

    response = client.get(url("news:news_list", "en"), {"cluster": "cheese<script>"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert titles(response) == ["Sery"]
    assert "<script>" not in response.text


def test_the_list_pages(client, settings):
    settings.DIRECTORY_PAGE_SIZE = 2
    for number in range(5):
        news_item(texts={"pl": {"title": f"Wiadomość {number}"}})

    first = client.get(url("news:news_list"))
    last = client.get(url("news:news_list"), {"page": 3})
    beyond = client.get(url("news:news_list"), {"page": 9})
    not_a_number = client.get(url("news:news_list"), {"page": "x"})

    assert len(first.context["items"]) == 2
    assert titles(last) == ["Wiadomość 4"]
    assert 'rel="next"' in first.text
    assert (beyond.status_code, not_a_number.status_code) == (404, 404)


def test_the_list_costs_the_same_queries_for_one_item_as_for_many(client):
    dairy = Cluster.objects.get(slug="dairy")
    machinery = Cluster.objects.get(slug="agricultural-machinery")
    news_item(clusters=[dairy])
    address = url("news:news_list", "it")

    one = count_queries(client, address)
    for _number in range(15):
        news_item(clusters=[dairy, machinery])
    many = count_queries(client, address)

    # The cluster options, the count, the page of items, their clusters, the next
    # scheduled time.
    assert (one, many) == (5, 5)


def test_an_items_page_shows_its_texts_in_the_readers_language(client):
    item = news_item(
        texts={
            "pl": {"title": "Rusza projekt", "lead": "Urząd bierze udział.", "body": "<p>Cel</p>"},
            "it": {
                "title": "Parte il progetto",
                "lead": "L'Ufficio partecipa.",
                "body": "<p>Lo <strong>scopo</strong></p>",
            },
        }
    )
    with translation.override("it"):
        address = item.get_absolute_url()

    response = client.get(address)

    assert "Parte il progetto" in response.text
    assert "L&#x27;Ufficio partecipa." in response.text
    body = '<div class="news-body" lang="it"><p>Lo <strong>scopo</strong></p></div>'
    assert body in response.text
    assert "Rusza projekt" not in response.text
    assert "fallback-note" not in response.text


def test_a_text_in_a_fallback_language_is_labelled_and_carries_its_lang(client):
    item = news_item(texts={"pl": {"title": "Grupa fokusowa", "body": "<p>Spotkanie</p>"}})
    with translation.override("hu"):
        address = item.get_absolute_url()

    response = client.get(address)

    assert '<h1 lang="pl">Grupa fokusowa</h1>' in response.text
    assert '<div class="news-body" lang="pl"><p>Spotkanie</p></div>' in response.text
    assert "fallback-note" in response.text


def test_the_image_is_described_in_the_readers_language(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = news_item(
        texts={
            "pl": {"title": "Maszyny", "image_alt": "Ciągnik na polu"},
            "de": {"title": "Maschinen", "image_alt": "Ein Traktor auf dem Feld"},
        },
        image="news/traktor.png",
    )
    with translation.override("de"):
        german = client.get(item.get_absolute_url())
    with translation.override("cs"):
        czech = client.get(item.get_absolute_url())

    assert 'alt="Ein Traktor auf dem Feld">' in german.text
    assert 'alt="Ciągnik na polu" lang="pl">' in czech.text


def test_an_items_page_names_its_clusters_and_its_public_events_and_documents(client):
    dairy = Cluster.objects.get(slug="dairy")
    item = news_item(texts={"pl": {"title": "Grupa fokusowa"}}, clusters=[dairy])
    start = timezone.now() + 24 * HOUR
    event = Event.objects.create(
        slug="grupa-fokusowa",
        kind=Event.Kind.FOCUS_GROUP,
        status=Event.Status.PUBLISHED,
        title_pl="Grupa fokusowa w Białymstoku",
        starts_at=start,
        ends_at=start + HOUR,
    )
    draft = Event.objects.create(
        slug="szkic",
        kind=Event.Kind.WORKSHOP,
        title_pl="Warsztat w przygotowaniu",
        starts_at=start,
        ends_at=start + HOUR,
    )
    document = Document.objects.create(
        slug="studium",
        kind=Document.Kind.STUDY,
        title_pl="Studium wykonalności",
        is_published=True,
    )
    hidden = Document.objects.create(
        slug="notatka", kind=Document.Kind.REPORT, title_pl="Notatka wewnętrzna"
    )
    item.events.set([event, draft])
    item.documents.set([document, hidden])

    response = client.get(item.get_absolute_url())

    assert dairy.name in response.text
    assert "Grupa fokusowa w Białymstoku" in response.text
    assert "Studium wykonalności" in response.text
    assert "Warsztat w przygotowaniu" not in response.text
    assert "Notatka wewnętrzna" not in response.text


def test_an_items_page_costs_the_same_queries_with_many_relations(client):
    dairy = Cluster.objects.get(slug="dairy")
    machinery = Cluster.objects.get(slug="agricultural-machinery")
    item = news_item(clusters=[dairy])
    one = count_queries(client, item.get_absolute_url())
    item.clusters.set([dairy, machinery])
    for number in range(4):
        item.documents.add(
            Document.objects.create(
                slug=f"d{number}",
                kind=Document.Kind.STUDY,
                title_pl="Raport z badania",
                is_published=True,
            )
        )

    many, response = queries_and_response(client, item.get_absolute_url())

    # The item, its clusters, events and documents, the next scheduled time.
    assert (one, many) == (5, 5)
    assert response.text.count("Raport z badania") == 4


def test_a_draft_or_unknown_item_is_not_found(client):
    draft = news_item(published=False)

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(url("news:news_detail", slug="nie-ma")).status_code == 404


def test_the_home_page_shows_the_three_latest_items_at_a_fixed_cost(client):
    news_item(texts={"pl": {"title": "Najstarsza"}}, at=timezone.now() - 9 * HOUR)
    one = count_queries(client, url("home"))
    for number in range(3):
        news_item(texts={"pl": {"title": f"Nowa {number}"}}, at=timezone.now() - number * HOUR)
    news_item(texts={"pl": {"title": "Zaplanowana"}}, at=timezone.now() + HOUR)

    many, response = queries_and_response(client, url("home"))

    assert [item.title for item in response.context["news"]] == ["Nowa 0", "Nowa 1", "Nowa 2"]
    assert "Najstarsza" not in response.text and "Zaplanowana" not in response.text
    assert one == many
