import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django_countries import countries

from companies import services as company_services
from companies.models import Activity, Organisation
from offers import services as offer_services
from tests.factories import (
    ActivityFactory,
    CertificationFactory,
    ClusterFactory,
    ContactPersonFactory,
    OrganisationFactory,
)
from tests.helpers import count_queries, queries_and_response
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
# clusters, activities, certifications) and kept in the cache (warm).
DIRECTORY_QUERIES = {
    "list": (7, 3),
    "list_filtered": (10, 6),
    "list_search": (7, 3),
    "map_data": (6, 2),
    "detail": (6, 6),
    "cluster": (4, 4),
    "clusters": (2, 2),
    "home": (2, 2),
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
    assert counts == {"few": (7, 3), "many": (7, 3)}


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


# Pages kept for anonymous visitors (portal/common/page_cache.py): a write that
# changes what they show retires them at once.


def kept_page(client, address):
    """The page at `address`, once kept: a second visit takes no query."""
    client.get(address)
    served, response = queries_and_response(client, address)
    assert served == 0, address
    return response.content.decode()


def test_a_renamed_organisation_shows_its_new_name_in_the_kept_directory(client, page_cache):
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


def test_an_unpublished_organisation_leaves_the_kept_directory(client, page_cache):
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


def test_a_contact_person_and_a_cluster_show_on_the_kept_organisation_page(
    client, page_cache, cluster
):
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


def test_an_offer_published_or_withdrawn_shows_on_the_kept_organisation_page(client, page_cache):
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
