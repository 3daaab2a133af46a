"""The project page: the programme, its four groups of activities with their links, the
partners (seeded by a migration) with their map points, and the timeline of milestones."""

import datetime
import importlib
import json
import re

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import timezone, translation

from portal.events.models import Event
from portal.project.models import Partner
from tests.factories import ClusterFactory
from tests.helpers import count_queries, queries_and_response

pytestmark = pytest.mark.django_db

partners_migration = importlib.import_module("portal.project.migrations.0002_partners")

PARTNERS_IN_ENGLISH = [
    "Lombardy",
    "Emilia-Romagna",
    "San Daniele del Friuli area",
    "Abruzzo",
    "Marche",
    "Austria",
    "Hungary",
    "Romania",
    "Bulgaria",
    "Czechia",
    "Podlaskie Voivodeship",
]


def project_url(language):
    with translation.override(language):
        return reverse("project:project")


def milestone(slug, starts_at, *, clusters=(), **fields):
    event = Event.objects.create(
        slug=slug,
        kind=fields.pop("kind", Event.Kind.WORKING_MEETING),
        status=fields.pop("status", Event.Status.PUBLISHED),
        is_milestone=fields.pop("is_milestone", True),
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=3),
        **fields,
    )
    event.clusters.set(clusters)
    return event


def at(year, month, day):
    return datetime.datetime(year, month, day, 10, tzinfo=datetime.UTC)


def test_the_migration_seeds_the_eleven_partners_lombardy_leading():
    partners = list(Partner.objects.order_by("order"))

    assert [partner.name_en for partner in partners] == PARTNERS_IN_ENGLISH
    assert [partner.name for partner in partners if partner.is_lead] == ["Lombardia"]
    assert [str(partner.country.code) for partner in partners] == [
        *["IT"] * 5,
        "AT",
        "HU",
        "RO",
        "BG",
        "CZ",
        "PL",
    ]
    assert all(partner.has_position for partner in partners)
    assert all(
        getattr(partner, f"name_{code}") for partner in partners for code in ["pl", "hu", "bg"]
    )
    assert Partner.objects.get(name_en="Hungary").name_hu == "Magyarország"


def test_the_partners_migration_run_again_adds_nothing_and_keeps_staffs_edits():
    Partner.objects.filter(name_en="Austria").update(name_de="Republik Österreich")

    partners_migration.add_partners(django_apps, None)

    assert Partner.objects.count() == len(PARTNERS_IN_ENGLISH)
    assert Partner.objects.get(name_en="Austria").name_de == "Republik Österreich"


def test_the_page_in_italian_tells_the_project_and_links_each_group_of_activities(client):
    response = client.get(project_url("it"))
    page = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Sviluppo dei cluster industriali</h1>" in page
    assert "Interreg III B CADSES" in page
    assert "Quattro gruppi di attività" in page
    for name in ["companies:cluster_list", "companies:organisation_list", "offers:offer_list"]:
        with translation.override("it"):
            assert f'href="{reverse(name)}"' in page
    # The partners in Italian, the lead one marked.
    assert re.search(r'lang="it">Lombardia</span>\s*<span[^>]*>\(Italia\)</span>\s*<strong', page)
    assert 'lang="it">Ungheria</span>' in page


def test_the_map_has_every_partner_and_waits_for_the_visitor(client):
    page = client.get(project_url("pl")).content.decode()

    points = json.loads(
        re.search(r'<script id="partner-points" type="application/json">(.*?)</script>', page)[1]
    )
    assert [point["name"] for point in points][:2] == ["Lombardia", "Emilia-Romania"]
    assert len(points) == len(PARTNERS_IN_ENGLISH)
    assert {key: points[-1][key] for key in ["lat", "lon"]} == {"lat": 53.1325, "lon": 23.1688}
    assert 'data-on-request="true"' in page
    assert re.search(r'<div id="map"[^>]*\shidden>', page)


def test_the_timeline_shows_published_milestones_in_order_with_their_clusters(client):
    dairy = ClusterFactory(slug="dairy", name_pl="Przemysł mleczarski", name_it="Lattiero-caseario")
    milestone("focus", at(2004, 1, 26), title_pl="Grupa fokusowa", town="Białystok")
    milestone(
        "conference",
        at(2003, 5, 26),
        title_pl="Konferencja międzynarodowa",
        title_it="Conferenza internazionale",
        kind=Event.Kind.CONFERENCE,
        clusters=[dairy],
    )
    milestone("draft", at(2003, 6, 13), title_pl="Szkic", status=Event.Status.DRAFT)
    milestone("ordinary", at(2003, 7, 28), title_pl="Zwykłe szkolenie", is_milestone=False)
    milestone(
        "later",
        at(2003, 11, 5),
        title_pl="Zaplanowane",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )

    page = client.get(project_url("it")).content.decode()
    timeline = page[page.index('class="project-timeline"') :]

    assert timeline.index("Conferenza internazionale") < timeline.index("Grupa fokusowa")
    # A title not yet in Italian: in Polish, with its language and a note.
    assert 'lang="pl">Grupa fokusowa</' in timeline
    assert "(polacco)" in timeline
    assert "Lattiero-caseario" in timeline
    for hidden in ["Szkic", "Zwykłe szkolenie", "Zaplanowane"]:
        assert hidden not in page


def test_without_milestones_the_timeline_says_so(client):
    page = client.get(project_url("pl")).content.decode()

    assert "Nie opublikowano jeszcze kamieni milowych." in page


def test_the_project_page_takes_the_same_queries_with_many_partners_and_milestones(client):
    clusters = [ClusterFactory(slug=f"cluster-{n}") for n in range(3)]
    milestone("first", at(2003, 5, 26), title_pl="Pierwszy", clusters=clusters[:1])
    few = count_queries(client, project_url("pl"))
    for n in range(8):
        milestone(f"m{n}", at(2003, 6, 1 + n), title_pl=f"Spotkanie {n}", clusters=clusters)
        Partner.objects.create(name_pl=f"Partner {n}", country="SK", latitude=48, longitude=17)

    many, response = queries_and_response(client, project_url("pl"))

    # The partners, the milestones and their clusters.
    assert few == many == 3
    assert "Spotkanie 7" in response.content.decode()
