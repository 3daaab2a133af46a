import datetime
import json
import logging
import re

import pytest
import time_machine
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django_countries import countries

from companies import services as company_services
from companies.models import Activity, Organisation
from offers import services as offer_services
from offers.models import Offer
from tests import unreachable_cache
from tests.factories import (
    ActivityFactory,
    CertificationFactory,
    ClusterFactory,
    ContactPersonFactory,
    OrganisationFactory,
)
from tests.helpers import count_queries, kept_page, queries_and_response
from tests.offers.factories import OfferFactory

pytestmark = pytest.mark.django_db

NUL_REFUSED = (
    "This text contains a character that cannot be saved (U+0000). Please remove it and try again."
)


def url(name, language="pl", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def make_members(count, cluster, activity, certification):
    return [
        OrganisationFactory(
            clusters=[cluster], activities=[activity], certifications=[certification]
        )
        for _ in range(count)
    ]


@pytest.fixture
def cluster():
    return ClusterFactory(slug="dairy", name_pl="Przemysł mleczarski", name_it="Lattiero-caseario")


@pytest.fixture
def activity():
    return ActivityFactory(
        code="10.51", name_pl="Przetwórstwo mleka", name_it="Industria lattiero-casearia"
    )


@pytest.fixture
def certification():
    return CertificationFactory(slug="iso-22000", name_pl="ISO 22000")


def test_directory_lists_published_organisations_in_italian(client, cluster):
    OrganisationFactory(name="Mleczarnia Narew", clusters=[cluster])
    OrganisationFactory(name="Ukryta Spółka", is_published=False)

    response = client.get(url("companies:organisation_list", "it"))

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="it">' in page
    assert "Mleczarnia Narew" in page
    assert "Ukryta Spółka" not in page
    assert "Lattiero-caseario" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"cluster": "dairy"}, {"Dairy Member"}),
        ({"kind": "university"}, {"Uniwersytet"}),
        ({"activity": "10.51"}, {"Dairy Member"}),
        ({"activity": "10"}, {"Dairy Member"}),
        ({"country": "IT"}, {"Caseificio"}),
        ({"region": "Lombardia"}, {"Caseificio"}),
        ({"size": "large"}, {"Uniwersytet"}),
        ({"certification": "iso-22000"}, {"Dairy Member"}),
        ({"market": "DE"}, {"Caseificio", "Dairy Member"}),
        ({"market": "E"}, set()),
    ],
)
def test_directory_filters(client, cluster, activity, certification, query, expected):
    ActivityFactory(code="10", level=Activity.Level.DIVISION)
    OrganisationFactory(
        name="Dairy Member",
        clusters=[cluster],
        activities=[activity],
        certifications=[certification],
        export_markets=["DE", "IT"],
    )
    OrganisationFactory(name="Uniwersytet", kind=Organisation.Kind.UNIVERSITY, size_class="large")
    OrganisationFactory(
        name="Caseificio", country="IT", region="Lombardia", town="Lodi", export_markets=["DE"]
    )

    response = client.get(url("companies:organisation_list"), query)

    assert response.status_code == 200
    shown = {organisation.name for organisation in response.context["object_list"]}
    if query == {"market": "E"}:
        assert "market" in response.context["filter"].form.errors
        return
    assert shown == expected


def test_directory_sorts_and_paginates_in_the_url(client, settings):
    for name in ["Beta", "Alfa", "Gamma"] + [f"Zeta {n:02d}" for n in range(20)]:
        OrganisationFactory(name=name)

    first = client.get(url("companies:organisation_list"), {"sort": "name"})
    last = client.get(url("companies:organisation_list"), {"sort": "-name", "page": 2})

    assert [o.name for o in first.context["object_list"]][:3] == ["Alfa", "Beta", "Gamma"]
    assert [o.name for o in last.context["object_list"]] == ["Gamma", "Beta", "Alfa"]
    assert "sort=-name&amp;page=1" in last.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"cluster": "no-such-cluster"},
        {"activity": "'; DROP TABLE x; --"},
        {"kind": "spaceship"},
        {"q": "x" * 5000},
        {"q": "mleko\x00ser"},
        {"region": "\x00"},
        {"market": "ZZ"},
        {"sort": "password"},
        {"country": "\x00"},
        {"certification": "ą" * 300},
    ],
)
def test_bad_filter_input_gives_a_normal_page_with_an_error(client, query):
    OrganisationFactory(name="Mleczarnia")

    response = client.get(url("companies:organisation_list"), query)

    assert response.status_code == 200
    assert response.context["filter"].form.errors
    assert b'class="invalid-feedback"' in response.content


@pytest.mark.parametrize("page", ["999", "abc", "-1", "\x00"])
def test_bad_page_number_is_not_found(client, page):
    OrganisationFactory()

    response = client.get(url("companies:organisation_list"), {"page": page})

    assert response.status_code == 404


def test_bad_map_filter_is_a_400(client):
    response = client.get(url("companies:map_data"), {"q": "\x00"})

    assert response.status_code == 400
    assert "q" in response.json()["errors"]


def test_unknown_organisation_and_cluster_are_404(client):
    OrganisationFactory(slug="hidden", is_published=False)

    assert client.get(url("companies:organisation_detail", slug="hidden")).status_code == 404
    assert client.get(url("companies:organisation_detail", slug="none")).status_code == 404
    assert client.get(url("companies:cluster_detail", slug="none")).status_code == 404


def test_organisation_page_shows_its_facts_and_only_consenting_contacts(
    client, cluster, activity, certification
):
    organisation = OrganisationFactory(
        name="Mleczarnia Narew",
        clusters=[cluster],
        activities=[activity],
        certifications=[certification],
        description_pl="Produkujemy sery dojrzewające.",
        description_it="Produciamo formaggi stagionati.",
        products_pl="Ser gouda, masło.",
        export_markets=["IT", "DE"],
        languages_spoken="pl,en,de",
        nip="5260250274",
    )
    ContactPersonFactory(
        organisation=organisation, first_name="Ewa", last_name="Jawna", publication_consent=True
    )
    ContactPersonFactory(organisation=organisation, first_name="Jan", last_name="Prywatny")

    response = client.get(url("companies:organisation_detail", "it", slug=organisation.slug))

    page = response.content.decode()
    assert '<div lang="it"><p>Produciamo formaggi stagionati.</p></div>' in page
    assert '<div lang="pl"><p>Ser gouda, masło.</p></div>' in page
    assert "10.51 Industria lattiero-casearia" in page
    assert "ISO 22000" in page
    assert "Italia" in page and "Germania" in page
    assert "tedesco" in page.lower()
    assert "5260250274" in page
    assert 'data-lat="53.13250"' in page
    assert "Jawna" in page
    assert "Prywatny" not in page


def test_map_data_lists_published_organisations_with_a_position(client, cluster):
    OrganisationFactory(name="Na mapie", clusters=[cluster])
    OrganisationFactory(name="Bez pozycji", latitude=None, longitude=None)
    OrganisationFactory(name="Ukryta", is_published=False)

    data = client.get(url("companies:map_data", "de"), {"cluster": "dairy"}).json()

    assert data == {
        "organisations": [
            {
                "name": "Na mapie",
                "town": "Białystok",
                "kind": "Unternehmen",
                "url": "/de/directory/na-mapie/",
                "lat": 53.1325,
                "lon": 23.1688,
            }
        ]
    }


def test_cluster_page_shows_description_members_and_codes(client, cluster, activity):
    cluster.activities.set([activity])
    OrganisationFactory(name="Członek", clusters=[cluster])
    OrganisationFactory(name="Obcy")

    response = client.get(url("companies:cluster_detail", slug="dairy"))

    page = response.content.decode()
    assert "<h1>Przemysł mleczarski</h1>" in page
    assert "Członek" in page
    assert "Obcy" not in page
    assert "10.51" in page
    assert 'data-url="/pl/directory/map.json?cluster=dairy"' in page
    assert '<a href="/pl/offers/?cluster=dairy">Oferty firm tego klastra</a>' in page
    assert 'type="application/atom+xml" title="Kanał Atom nowych ofert tego klastra"' in page
    assert client.get("/pl/offers/feed/dairy/").status_code == 200


# What each page costs, whatever the number of organisations: with the options of
# the directory's filters read from the database (cold: the countries and regions,
# clusters, activities, certifications) and kept in the cache (warm). A page of the
# list reads its organisations' keys, then those whose cards it renders with their
# clusters; an organisation's page reads its state, then the organisation with what
# its body shows. The home page also reads its latest news.
DIRECTORY_QUERIES = {
    "list": (8, 4),
    "list_filtered": (11, 7),
    "list_search": (8, 4),
    "map_data": (6, 2),
    "detail": (7, 7),
    "cluster": (4, 4),
    "clusters": (2, 2),
    "home": (3, 3),
}


@pytest.mark.parametrize("page", DIRECTORY_QUERIES)
def test_query_count_does_not_grow_with_organisations(
    client, cluster, activity, certification, page
):
    def address():
        first = Organisation.objects.order_by("pk").first()
        return {
            "list": url("companies:organisation_list"),
            "list_filtered": url("companies:organisation_list")
            + "?cluster=dairy&activity=10.51&certification=iso-22000&market=DE&sort=newest",
            "list_search": url("companies:organisation_list") + "?q=firmy",
            "map_data": url("companies:map_data") + "?cluster=dairy",
            "detail": url("companies:organisation_detail", slug=first.slug),
            "cluster": url("companies:cluster_detail", slug="dairy"),
            "clusters": url("companies:cluster_list"),
            "home": url("home"),
        }[page]

    def add(count):
        for organisation in make_members(count, cluster, activity, certification):
            organisation.export_markets = ["DE"]
            organisation.save()
            ContactPersonFactory(organisation=organisation, publication_consent=True)

    add(1)
    one = count_queries(client, address())
    one_warm = count_queries(client, address())
    add(49)  # new organisations: the options are read again
    fifty = count_queries(client, address())
    fifty_warm = count_queries(client, address())

    assert one == fifty
    assert one == DIRECTORY_QUERIES[page][0]
    assert one_warm == fifty_warm
    assert one_warm == DIRECTORY_QUERIES[page][1]


def test_the_list_runs_the_same_queries_whatever_the_countries_and_activities(client):
    OrganisationFactory(country="PL")
    counts = {"few": (count_queries(client, url("companies:organisation_list")),)}
    counts["few"] += (count_queries(client, url("companies:organisation_list")),)

    codes = [code for code, _name in countries][:40]
    for number, code in enumerate(codes):
        OrganisationFactory(
            country=code,
            region=f"Region {number}",
            activities=[ActivityFactory(code=f"{10 + number}.11")],
            certifications=[CertificationFactory()],
            clusters=[ClusterFactory()],
        )
    counts["many"] = (
        count_queries(client, url("companies:organisation_list")),
        count_queries(client, url("companies:organisation_list")),
    )

    page = client.get(url("companies:organisation_list")).content.decode()
    assert all(f'<option value="{code}">' in page for code in codes)
    assert all(f'<option value="{10 + number}.11">' in page for number in range(40))
    assert counts == {"few": (8, 4), "many": (8, 4)}


def country_options(page):
    """The codes of the country filter's options, in their order."""
    select = re.search(r'<select name="country".*?</select>', page, re.S).group(0)
    return re.findall(r'<option value="([A-Z]{2})"', select)


def test_the_country_filter_offers_the_countries_of_published_organisations(client):
    OrganisationFactory(country="PL")
    OrganisationFactory(country="IT")
    OrganisationFactory(country="DE", is_published=False)

    page = client.get(url("companies:organisation_list", "en")).content.decode()

    assert country_options(page) == ["IT", "PL"]


def test_the_country_filter_follows_what_is_published_although_kept_in_the_cache(client):
    hidden = OrganisationFactory(country="AT", is_published=False)
    shown = OrganisationFactory(country="PL")
    first = country_options(client.get(url("companies:organisation_list", "en")).content.decode())

    hidden.is_published = True
    hidden.save()
    published = client.get(url("companies:organisation_list", "en")).content.decode()
    shown.delete()
    deleted = client.get(url("companies:organisation_list", "en")).content.decode()

    assert first == ["PL"]
    assert country_options(published) == ["AT", "PL"]
    assert country_options(deleted) == ["AT"]


def test_the_activity_and_cluster_filters_follow_their_edits(client):
    OrganisationFactory()
    cluster = ClusterFactory(slug="wood", name_pl="Drzewny", name_en="Wood")
    activity = ActivityFactory(code="16.10", name_pl="Tartaki", name_en="Sawmills")
    before = client.get(url("companies:organisation_list", "en")).content.decode()

    cluster.name_en = "Timber"
    cluster.save()
    activity.name_en = "Sawmilling"
    activity.save()
    after = client.get(url("companies:organisation_list", "en")).content.decode()

    assert '<option value="wood">Wood</option>' in before
    assert '<option value="16.10">16.10 Sawmills</option>' in before
    assert '<option value="wood">Timber</option>' in after
    assert '<option value="16.10">16.10 Sawmilling</option>' in after


def test_the_filters_options_are_in_the_readers_language(client):
    OrganisationFactory(country="DE")
    ActivityFactory(code="16.10", name_pl="Tartaki", name_de="Sägewerke")

    polish = client.get(url("companies:organisation_list", "pl")).content.decode()
    german = client.get(url("companies:organisation_list", "de")).content.decode()

    assert '<option value="DE">Niemcy</option>' in polish
    assert '<option value="16.10">16.10 Tartaki</option>' in polish
    assert '<option value="DE">Deutschland</option>' in german
    assert '<option value="16.10">16.10 Sägewerke</option>' in german


def test_the_filters_keep_the_choices_made(client):
    OrganisationFactory(country="IT", region="Lombardia")
    OrganisationFactory(country="PL")

    page = client.get(
        url("companies:organisation_list", "en"),
        {"country": "IT", "region": "Lombardia", "market": "DE", "sort": "-name", "q": "ser"},
    ).content.decode()

    assert '<option value="IT" selected>Italy</option>' in page
    assert '<option value="Lombardia" selected>Lombardia</option>' in page
    assert '<option value="DE" selected>Germany</option>' in page
    assert '<option value="-name" selected>' in page
    assert '<input type="text" name="q" value="ser"' in page
    assert '<label for="id_country" class="form-label">' in page


def test_map_page_loads_leaflet_from_our_static_files(client):
    response = client.get(url("companies:organisation_map"))

    page = response.content.decode()
    assert '<script src="/static/vendor/leaflet/leaflet.js"></script>' in page
    assert 'data-url="/pl/directory/map.json"' in page
    assert json.dumps("tile.openstreetmap.org")[1:-1] in page


def test_a_nul_byte_in_the_search_is_refused_and_not_echoed(client):
    response = client.get(url("companies:organisation_list", "en"), {"q": "milk\x00powder"})

    page = response.content.decode()
    assert NUL_REFUSED in page
    assert "\x00" not in page
    assert 'value="milkpowder"' in page


# Pages kept for anonymous visitors (portal/common/page_cache.py), and their parts
# kept rendered for every reader (portal/common/fragments.py): a write that changes
# what they show retires them at once, a date within a minute.


def test_a_renamed_organisation_shows_its_new_name_in_the_kept_directory(client, kept):
    organisation = OrganisationFactory(name="Mleczarnia Stara")
    addresses = [url("companies:organisation_list"), "/pl/directory/?q=mleczarnia"]
    addresses.append(organisation.get_absolute_url())
    before = [kept_page(client, address) for address in addresses]

    organisation.name = "Mleczarnia Nowa"
    organisation.save()

    assert all("Mleczarnia Stara" in page for page in before)
    for address in addresses:
        page = client.get(address).content.decode()
        assert "Mleczarnia Nowa" in page and "Mleczarnia Stara" not in page, address


def test_an_unpublished_organisation_leaves_the_kept_directory(client, kept):
    organisation = OrganisationFactory(name="Mleczarnia Znikająca")
    listed = kept_page(client, url("companies:organisation_list"))
    address = organisation.get_absolute_url()
    kept_page(client, address)

    company_services.organisation_set_published(organisation=organisation, published=False)

    assert "Mleczarnia Znikająca" in listed
    assert (
        "Mleczarnia Znikająca"
        not in client.get(url("companies:organisation_list")).content.decode()
    )
    assert client.get(address).status_code == 404


def test_a_contact_person_and_a_cluster_show_on_the_kept_organisation_page(client, kept, cluster):
    organisation = OrganisationFactory()
    address = organisation.get_absolute_url()
    kept_page(client, address)

    ContactPersonFactory(organisation=organisation, last_name="Widoczna", publication_consent=True)
    with_contact = client.get(address).content.decode()
    kept_page(client, address)
    organisation.clusters.add(cluster)
    with_cluster = client.get(address).content.decode()

    assert "Widoczna" in with_contact
    assert str(cluster.name) in with_cluster and str(cluster.name) not in with_contact


def test_an_offer_published_or_withdrawn_shows_on_the_kept_organisation_page(client, kept):
    organisation = OrganisationFactory()
    address = organisation.get_absolute_url()
    kept_page(client, address)

    offer = OfferFactory(organisation=organisation, title="Serwatka w proszku")
    published = client.get(address).content.decode()
    kept_page(client, address)
    offer_services.offer_withdraw(offer=offer)
    withdrawn = client.get(address).content.decode()

    assert "Serwatka w proszku" in published
    assert "Serwatka w proszku" not in withdrawn


def test_an_edited_description_shows_on_the_kept_card_and_page(client, kept):
    organisation = OrganisationFactory(description_pl="Sery dojrzewające z Podlasia.")
    addresses = [url("companies:organisation_list"), organisation.get_absolute_url()]
    before = [kept_page(client, address) for address in addresses]

    organisation.description_pl = "Masło i śmietana z Podlasia."
    organisation.save()

    assert all("Sery dojrzewające z Podlasia." in page for page in before)
    for address in addresses:
        page = client.get(address).content.decode()
        assert "Masło i śmietana z Podlasia." in page, address
        assert "Sery dojrzewające" not in page, address


def test_a_renamed_cluster_shows_on_the_kept_cards_and_page(client, kept, cluster):
    organisations = [OrganisationFactory(clusters=[cluster]) for _ in range(2)]
    addresses = [url("companies:organisation_list"), organisations[0].get_absolute_url()]
    before = [kept_page(client, address) for address in addresses]

    cluster.name_pl = "Mleczarstwo"
    cluster.save()
    listed, page = (client.get(address).content.decode() for address in addresses)

    assert all("Przemysł mleczarski" in text for text in before)
    assert listed.count('<span class="badge text-bg-light border">Mleczarstwo</span>') == 2
    assert ">Mleczarstwo</a>" in page
    assert "Przemysł mleczarski" not in listed + page


def test_an_offer_past_its_date_leaves_the_kept_organisation_page_within_a_minute(client, kept):
    organisation = OrganisationFactory()
    OfferFactory(organisation=organisation, title="Oferta stała")
    ending = OfferFactory(organisation=organisation, title="Oferta kończąca się")
    # No write announces a date that passes.
    Offer.objects.filter(pk=ending.pk).update(
        expires_at=timezone.now() + datetime.timedelta(seconds=90)
    )
    address = organisation.get_absolute_url()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        traveller.shift(datetime.timedelta(seconds=31))  # long after the last write
        before = kept_page(client, address)
        traveller.shift(datetime.timedelta(seconds=59))
        kept_still = client.get(address).content.decode()
        traveller.shift(datetime.timedelta(seconds=2))
        after = client.get(address).content.decode()

    assert "Oferta kończąca się" in before and "Oferta kończąca się" in kept_still
    assert "Oferta kończąca się" not in after and "Oferta stała" in after


def test_an_italian_translation_changes_only_the_italian_pages(client, kept):
    organisation = OrganisationFactory(description_pl="Sery dojrzewające z Podlasia.")
    addresses = {
        language: [url("companies:organisation_list", language), organisation.get_absolute_url()]
        for language in ("pl", "it")
    }
    with translation.override("it"):
        addresses["it"][1] = organisation.get_absolute_url()
    before = {
        language: [kept_page(client, address) for address in pages]
        for language, pages in addresses.items()
    }

    company_services.organisation_update(
        organisation=organisation,
        data={},
        language="it",
        texts={"description": "Formaggi stagionati della Podlachia."},
    )
    after = {
        language: [client.get(address).content.decode() for address in pages]
        for language, pages in addresses.items()
    }

    assert after["pl"] == before["pl"]
    for page in before["it"]:
        assert "Sery dojrzewające z Podlasia." in page and "fallback-note" in page
    for page in after["it"]:
        assert "Formaggi stagionati della Podlachia." in page
        assert "Sery dojrzewające" not in page and "fallback-note" not in page


# With its cards, its count and the options of its filters kept, a page of the list
# reads only its organisations' keys (and a filter its cluster), and an organisation's
# page only its state.


@pytest.mark.parametrize(
    ("query", "queries"),
    [("", 1), ("?q=firma", 1), ("?cluster=dairy&sort=newest&page=2", 2)],
    ids=["list", "search", "filtered"],
)
def test_with_its_cards_and_count_kept_a_page_of_the_directory_reads_only_its_keys(
    client, fragment_cache, cluster, query, queries
):
    address = url("companies:organisation_list") + query
    OrganisationFactory.create_batch(1 if "page" not in query else 21, clusters=[cluster])
    count_queries(client, address)
    few, first = queries_and_response(client, address)

    OrganisationFactory.create_batch(49, clusters=[cluster])
    count_queries(client, address)
    many, page = queries_and_response(client, address)

    assert (few, many) == (queries, queries)
    assert first.content.decode().count('<li class="card mb-3">') == 1
    assert page.content.decode().count('<li class="card mb-3">') == (settings.DIRECTORY_PAGE_SIZE)


def test_with_its_body_kept_an_organisations_page_reads_only_its_state(
    client, fragment_cache, cluster, activity, certification
):
    organisation = OrganisationFactory(
        clusters=[cluster], activities=[activity], certifications=[certification]
    )
    ContactPersonFactory(organisation=organisation, publication_consent=True)
    OfferFactory(organisation=organisation, title="Serwatka w proszku")
    address = organisation.get_absolute_url()

    built, first = queries_and_response(client, address)
    served, again = queries_and_response(client, address)

    # Built: its state, the organisation with its clusters, activities, certifications
    # and contacts, its offers with their clusters and translation states.
    assert (built, served) == (9, 1)
    assert again.content == first.content
    assert "Serwatka w proszku" in first.content.decode()


def test_with_the_cache_down_the_directory_answers_the_same_and_says_so(
    client, fragment_cache, cluster, caplog
):
    organisation = OrganisationFactory(name="Mleczarnia Testowa", clusters=[cluster])
    OfferFactory(organisation=organisation, title="Serwatka w proszku")
    addresses = [
        url("companies:organisation_list"),
        url("companies:organisation_list", "de") + "?q=mleczarnia",
        organisation.get_absolute_url(),
    ]
    kept = [kept_page(client, address) for address in addresses]

    with override_settings(CACHES=unreachable_cache.SETTINGS), caplog.at_level(logging.WARNING):
        down = [client.get(address) for address in addresses]

    assert [response.status_code for response in down] == [200, 200, 200]
    assert [response.content.decode() for response in down] == kept
    warnings = [record.getMessage() for record in caplog.records]
    assert "Parts of directory not read from the cache: it does not answer." in warnings
