import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from portal.documents.models import Document
from portal.events import selectors
from portal.events.models import Event, Registration
from tests.factories import ClusterFactory
from tests.helpers import count_queries
from tests.portal.events.factories import EventFactory, days_from_now

pytestmark = pytest.mark.django_db

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


def url(name, language="pl", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def past_event(**kwargs):
    return EventFactory(starts_at=days_from_now(-30), ends_at=days_from_now(-30, hour=17), **kwargs)


def register(event, count, status=Registration.Status.CONFIRMED):
    for number in range(count):
        Registration.objects.create(
            event=event,
            status=status,
            name=f"Osoba {number}",
            country="PL",
            email=f"{status}{number}@firma.example",
            language="pl",
            consent_version="2026-01",
            consented_at=timezone.now(),
        )


@pytest.fixture
def dairy():
    return ClusterFactory(slug="dairy", name_pl="Przemysł mleczarski", name_it="Lattiero-caseario")


def test_the_upcoming_list_shows_public_events_soonest_first(client, dairy):
    later = EventFactory(title_pl="Konferencja", starts_at=days_from_now(40), clusters=[dairy])
    sooner = EventFactory(title_pl="Szkolenie", starts_at=days_from_now(5))
    EventFactory(title_pl="Odwołane", status=Event.Status.CANCELLED, starts_at=days_from_now(8))
    EventFactory(title_pl="Szkic", status=Event.Status.DRAFT)
    past_event(title_pl="Zakończone")

    response = client.get(url("events:event_list"))

    page = response.content.decode()
    assert [event.pk for event in response.context["object_list"]] == [
        sooner.pk,
        Event.objects.get(title_pl="Odwołane").pk,
        later.pk,
    ]
    assert "Szkic" not in page
    assert "Zakończone" not in page
    assert "Odwołane</a>" in page
    assert "text-bg-danger" in page  # the cancelled badge
    assert "Przemysł mleczarski" in page
    assert 'action=""' not in page
    assert f'action="{url("events:event_list")}"' in page


def test_the_past_list_shows_events_that_are_over_latest_first(client):
    older = EventFactory(
        title_pl="Grupa fokusowa", starts_at=days_from_now(-60), ends_at=days_from_now(-60, 12)
    )
    newer = past_event(title_pl="Wizyta studyjna")
    EventFactory(title_pl="Przyszłe")

    response = client.get(url("events:past_event_list", "it"))

    assert [event.pk for event in response.context["object_list"]] == [newer.pk, older.pk]
    page = response.content.decode()
    assert "Przyszłe" not in page
    # Polish titles shown on the Italian page say their language.
    assert 'lang="pl">Wizyta studyjna</a>' in page


def test_the_list_filters_by_kind_cluster_country_and_month(client, dairy):
    machines = ClusterFactory(slug="machines", name_pl="Maszyny rolnicze")
    match = EventFactory(
        title_pl="Pasuje",
        kind=Event.Kind.STUDY_VISIT,
        country="IT",
        clusters=[dairy],
        starts_at=datetime.datetime(2030, 10, 25, 9, tzinfo=WARSAW),
        ends_at=datetime.datetime(2030, 10, 25, 11, tzinfo=WARSAW),
    )
    EventFactory(
        title_pl="Inny rodzaj",
        kind=Event.Kind.TRAINING,
        country="IT",
        clusters=[dairy],
        starts_at=match.starts_at,
        ends_at=match.ends_at,
    )
    EventFactory(
        title_pl="Inny klaster",
        kind=Event.Kind.STUDY_VISIT,
        country="IT",
        clusters=[machines],
        starts_at=match.starts_at,
        ends_at=match.ends_at,
    )
    EventFactory(
        title_pl="Inny kraj",
        kind=Event.Kind.STUDY_VISIT,
        country="PL",
        clusters=[dairy],
        starts_at=match.starts_at,
        ends_at=match.ends_at,
    )
    EventFactory(
        title_pl="Inny miesiąc",
        kind=Event.Kind.STUDY_VISIT,
        country="IT",
        clusters=[dairy],
        starts_at=datetime.datetime(2030, 11, 1, 0, 30, tzinfo=WARSAW),
        ends_at=datetime.datetime(2030, 11, 1, 2, tzinfo=WARSAW),
    )

    response = client.get(
        url("events:event_list"),
        {"kind": "study_visit", "cluster": "dairy", "country": "IT", "month": "2030-10"},
    )

    assert [event.pk for event in response.context["object_list"]] == [match.pk]
    page = response.content.decode()
    assert '<option value="2030-10" selected>' in page
    assert '<option value="2030-11">' in page
    assert '<option value="IT" selected>' in page


def test_a_month_that_is_not_one_is_refused_with_a_message(client):
    EventFactory(title_pl="Szkolenie")

    response = client.get(url("events:event_list", "it"), {"month": "2030-13"})

    assert response.status_code == 200
    assert "Scegli un mese dall" in response.content.decode()


def test_the_list_is_paged(client, settings):
    settings.DIRECTORY_PAGE_SIZE = 2
    events = [EventFactory(starts_at=days_from_now(days)) for days in (3, 4, 5)]

    response = client.get(url("events:event_list"), {"page": 2})

    assert [event.pk for event in response.context["object_list"]] == [events[2].pk]
    assert response.context["paginator"].count == 3


def test_an_events_page_shows_its_details_in_its_time_zone(client, dairy):
    event = EventFactory(
        slug="konferencja-mediolan",
        kind=Event.Kind.CONFERENCE,
        title_pl="Konferencja międzynarodowa",
        title_it="Conferenza internazionale",
        description_pl="<p>Opis.</p>",
        description_it="<p>Una <strong>conferenza</strong>.</p>",
        programme_pl="<ul><li>9:00 Otwarcie</li></ul>",
        organiser_pl="Regione Lombardia",
        time_zone="Europe/Rome",
        starts_at=datetime.datetime(2030, 10, 25, 7, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2030, 10, 25, 15, tzinfo=datetime.UTC),
        venue="Palazzo delle Stelline",
        town="Milano",
        country="IT",
        languages_spoken="it,en,pl",
        clusters=[dairy],
        is_milestone=True,
    )

    response = client.get(url("events:event_detail", "it", slug=event.slug))

    page = response.content.decode()
    assert response.status_code == 200
    assert '<h1 lang="it">Conferenza internazionale</h1>' in page
    assert '<div class="rich-text" lang="it"><p>Una <strong>conferenza</strong>.</p></div>' in page
    # The programme exists only in Polish: shown in Polish, and said so.
    assert '<div class="rich-text" lang="pl"><ul><li>9:00 Otwarcie</li></ul></div>' in page
    assert "Lingua del testo mostrato: polacco" in page
    # 07:00 UTC is 09:00 in Rome in October 2030 (summer time until the 27th).
    assert "09:00</time>–<time" in page
    assert "17:00</time>" in page
    assert "Europe/Rome" in page
    assert "Palazzo delle Stelline, Milano, Italia" in page
    assert "italiano, inglese, polacco" in page
    assert "Lattiero-caseario" in page
    assert "Regione Lombardia" in page
    assert 'href="/it/events/konferencja-mediolan/event.ics"' in page


def test_a_cancelled_event_says_so(client):
    event = EventFactory(status=Event.Status.CANCELLED)

    page = client.get(url("events:event_detail", slug=event.slug)).content.decode()

    assert "To wydarzenie zostało odwołane." in page


def test_a_draft_has_no_page(client):
    event = EventFactory(status=Event.Status.DRAFT)

    assert client.get(url("events:event_detail", slug=event.slug)).status_code == 404


def test_the_places_left_count_the_registrations_holding_one(client):
    event = EventFactory(capacity=5)
    register(event, 2)
    register(event, 1, Registration.Status.UNCONFIRMED)
    register(event, 1, Registration.Status.CANCELLED)

    response = client.get(url("events:event_detail", slug=event.slug))

    # The unconfirmed one holds no place until its address is confirmed.
    assert response.context["places_left"] == 3
    assert selectors.places_taken(event) == 2


def test_a_full_event_says_new_registrations_wait(client):
    event = EventFactory(capacity=1)
    register(event, 1)

    page = client.get(url("events:event_detail", "en", slug=event.slug)).content.decode()

    assert "None: new registrations join the waiting list." in page


@pytest.mark.parametrize(
    ("changes", "is_open"),
    [
        ({}, True),
        ({"registration_open": False}, False),
        ({"registration_deadline": days_from_now(-1)}, False),
        ({"registration_deadline": days_from_now(2)}, True),
        ({"status": Event.Status.CANCELLED}, False),
    ],
)
def test_registration_is_open_only_before_the_deadline(changes, is_open):
    event = EventFactory(**changes)

    assert selectors.registration_is_open(event) == is_open


def test_a_past_event_shows_its_report_and_materials(client):
    study = Document.objects.create(
        slug="studium-wykonalnosci",
        kind="study",
        title_pl="Studium wykonalności",
        is_published=True,
    )
    Document.objects.create(slug="szkic", kind="study", title_pl="Szkic", is_published=False)
    event = past_event(
        report_pl="<p>Przyszło 40 osób.</p>", documents=[study, Document.objects.get(slug="szkic")]
    )

    page = client.get(url("events:event_detail", slug=event.slug)).content.decode()

    assert '<div class="rich-text" lang="pl"><p>Przyszło 40 osób.</p></div>' in page
    assert "Studium wykonalności" in page
    assert "Szkic" not in page


def test_an_upcoming_event_shows_no_report(client):
    event = EventFactory(report_pl="<p>Jeszcze nie.</p>")

    page = client.get(url("events:event_detail", slug=event.slug)).content.decode()

    assert "Jeszcze nie." not in page


def test_a_script_an_onclick_and_a_javascript_link_never_reach_the_page(client):
    event = EventFactory(
        description_pl=(
            '<p onclick="steal()">Opis<script>alert(1)</script> '
            '<a href="javascript:alert(2)">link</a></p>'
        )
    )

    page = client.get(url("events:event_detail", slug=event.slug)).content.decode()

    assert "Opis" in page
    assert "alert(1)" not in page
    assert "steal()" not in page
    assert "javascript:" not in page


def test_milestones_are_published_milestone_events_by_start(dairy):
    later = EventFactory(is_milestone=True, starts_at=days_from_now(50), clusters=[dairy])
    earlier = past_event(is_milestone=True)
    EventFactory(is_milestone=False)
    EventFactory(is_milestone=True, status=Event.Status.DRAFT)

    milestones = list(selectors.milestones())

    assert milestones == [earlier, later]
    assert [cluster.slug for cluster in milestones[1].clusters.all()] == ["dairy"]


# Query counts: the same with one event and with several.


def make_events(count, cluster, past=False):
    for number in range(count):
        if past:
            past_event(clusters=[cluster], country="IT" if number % 2 else "PL")
        else:
            EventFactory(
                starts_at=days_from_now(number + 1),
                clusters=[cluster],
                country="IT" if number % 2 else "PL",
            )


LIST_QUERIES = 5  # the count, the rows, their clusters; the clusters, countries, months offered


@pytest.mark.parametrize("rows", [1, 6])
@pytest.mark.parametrize(
    ("name", "past", "query", "queries"),
    [
        ("events:event_list", False, "", LIST_QUERIES + 1),
        ("events:past_event_list", True, "", LIST_QUERIES + 1),
        ("events:event_list", False, "?kind=workshop&cluster=dairy&country=PL", LIST_QUERIES + 2),
    ],
)
def test_a_lists_queries_do_not_grow_with_its_rows(client, dairy, rows, name, past, query, queries):
    make_events(rows, dairy, past=past)

    assert count_queries(client, url(name) + query) == queries


@pytest.mark.parametrize("rows", [1, 4])
def test_an_events_page_takes_as_many_queries_whatever_it_relates(client, dairy, rows):
    event = past_event(capacity=10)
    for number in range(rows):
        cluster = ClusterFactory(slug=f"klaster-{number}")
        event.clusters.add(cluster)
        event.documents.add(
            Document.objects.create(
                slug=f"dokument-{number}", kind="study", title_pl=f"D{number}", is_published=True
            )
        )

    # The event, its clusters, its documents.
    assert count_queries(client, url("events:event_detail", slug=event.slug)) == 3


@pytest.mark.parametrize("rows", [1, 4])
def test_an_upcoming_events_page_counts_its_places_in_one_query(client, dairy, rows):
    event = EventFactory(capacity=10, clusters=[dairy])
    register(event, rows)

    # The event, its clusters, its documents, the places taken.
    assert count_queries(client, url("events:event_detail", slug=event.slug)) == 4


def test_a_kept_list_shows_an_event_published_since(client, kept):
    EventFactory(title_pl="Szkolenie")
    first = client.get(url("events:event_list")).content.decode()
    draft = EventFactory(title_pl="Warsztaty nowe", status=Event.Status.DRAFT)
    assert client.get(url("events:event_list")).content.decode() == first

    draft.status = Event.Status.PUBLISHED
    draft.save()
    page = client.get(url("events:event_list")).content.decode()

    assert "Warsztaty nowe" in page
    assert "Znaleziono 2 wydarzenia" in page
