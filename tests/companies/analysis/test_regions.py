"""NUTS regions: the seeded regions and their boundaries, an address's region, and the
demo's sample of regional statistics."""

import importlib
import json
from collections import Counter
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import translation

from companies import demo, services
from companies.analysis.regions import nuts_region_for
from companies.models import Cluster, Organisation, Region, RegionalFigure, StatisticsImport

pytestmark = pytest.mark.django_db

GEOJSON = Path(settings.BASE_DIR) / "static" / "companies" / "nuts2-2021.geojson"
NUTS2_BY_COUNTRY = {"PL": 17, "IT": 21, "AT": 9, "HU": 8, "RO": 8, "BG": 6, "CZ": 8}
migration = importlib.import_module("companies.migrations.0013_nuts_regions")


def test_the_countries_and_their_77_nuts_2_regions_are_seeded_with_their_parents():
    countries = Region.objects.filter(level=Region.Level.COUNTRY)
    regions = Region.objects.filter(level=Region.Level.NUTS2).select_related("parent")

    assert set(countries.values_list("code", flat=True)) == set(NUTS2_BY_COUNTRY)
    assert Counter(str(region.country) for region in regions) == NUTS2_BY_COUNTRY
    for region in regions:
        assert region.parent.code == region.code[:2] == str(region.country)
    podlaskie = Region.objects.get(code="PL84")
    assert (podlaskie.name, podlaskie.level, podlaskie.parent.name) == ("Podlaskie", 2, "Polska")


@pytest.mark.parametrize(
    ("code", "language", "name"),
    [
        ("PL84", "pl", "Podlaskie"),
        ("PL84", "it", "Podlachia"),
        ("PL84", "hu", "Podlaskie"),  # no name of its own: the original shows
        ("CZ01", "en", "Prague"),
        ("CZ01", "de", "Prag"),
        ("CZ01", "cs", "Praha"),
        ("ITC4", "de", "Lombardei"),
        ("ITC4", "it", "Lombardia"),
        ("ITI4", "pl", "Lacjum"),
        ("ITI4", "en", "Lazio"),  # not the Polish name it would fall back to
        ("ITI4", "hu", "Lazio"),
        ("AT31", "en", "Upper Austria"),
        ("AT31", "de", "Oberösterreich"),
        ("BG31", "bg", "Северозападен"),
        ("BG31", "ro", "Severozapaden"),
        ("HU", "de", "Ungarn"),
        ("HU", "hu", "Magyarország"),
    ],
)
def test_a_region_reads_in_the_readers_language_or_by_its_own_name(code, language, name):
    region = Region.objects.get(code=code)

    with translation.override(language):
        assert region.name == name


def test_the_boundaries_hold_exactly_the_seeded_nuts_2_regions_and_name_the_source():
    collection = json.loads(GEOJSON.read_text(encoding="utf-8"))
    features = {feature["properties"]["id"]: feature for feature in collection["features"]}
    # The national names, as the untranslated column holds them.
    seeded = dict(
        Region.objects.rewrite(False).filter(level=Region.Level.NUTS2).values_list("code", "name")
    )

    assert collection["type"] == "FeatureCollection"
    assert "© EuroGeographics" in collection["attribution"]
    assert "Eurostat GISCO, NUTS 2021, 1:60 million" in collection["attribution"]
    assert len(collection["features"]) == len(features) == 77
    assert set(features) == set(seeded)
    for code, feature in features.items():
        assert feature["properties"]["na"] == seeded[code]
        geometry = feature["geometry"]
        assert geometry["type"] in ("Polygon", "MultiPolygon")
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        for ring in (ring for polygon in polygons for ring in polygon):
            assert len(ring) >= 4 and ring[0] == ring[-1], code
            assert all(5 < lon < 30 and 36 < lat < 55 for lon, lat in ring), code


def test_the_clusters_read_the_statistics_of_their_industries():
    assert dict(Cluster.objects.values_list("slug", "statistics_activity__code")) == {
        "dairy": "10.5",
        "agricultural-machinery": "28.3",
    }


@pytest.mark.parametrize(
    ("country", "region", "town", "code"),
    [
        ("PL", "Podlaskie", "Białystok", "PL84"),
        ("PL", "województwo podlaskie", "", "PL84"),
        ("PL", "PODLASKIE", "", "PL84"),
        ("PL", "Slaskie", "Katowice", "PL22"),
        ("PL", "mazowieckie", "Warszawa", "PL91"),
        ("PL", "Mazowieckie", "Radom", "PL92"),
        ("PL", "PL84", "", "PL84"),
        ("IT", "Lombardia", "Cremona", "ITC4"),
        ("IT", "Lombardy", "", "ITC4"),
        ("IT", "Emilia Romagna", "", "ITH5"),
        ("IT", "Valle d'Aosta", "", "ITC2"),
        ("IT", "Alto Adige", "", "ITH1"),
        ("AT", "Upper Austria", "Linz", "AT31"),
        ("AT", "Steiermark", "Graz", "AT22"),
        ("HU", "Hajdú-Bihar megye", "Debrecen", "HU32"),
        ("HU", "Budapest", "", "HU11"),
        ("RO", "Județul Timiș", "Timișoara", "RO42"),
        ("RO", "Cluj", "", "RO11"),
        ("BG", "Пловдив", "", "BG42"),
        ("BG", "Област Русе", "", "BG32"),
        ("CZ", "Kraj Vysočina", "Jihlava", "CZ06"),
        ("CZ", "Olomoucký kraj", "", "CZ07"),
        ("CZ", "Hlavní město Praha", "", "CZ01"),
    ],
)
def test_an_address_finds_its_nuts_2_region(country, region, town, code):
    assert nuts_region_for(country, region, town).code == code


@pytest.mark.parametrize(
    ("country", "region"),
    [
        ("PL", "Lombardia"),  # another country's region
        ("PL", ""),
        ("DE", "Bayern"),  # a country the portal has no regions of
        ("IT", "Trentino-Alto Adige"),  # two NUTS 2 regions: no guess
        ("HU", "Lower Silesia"),
    ],
)
def test_an_address_that_names_no_known_region_finds_none(country, region):
    assert nuts_region_for(country, region, "") is None


def organisation_data(**changes):
    return {
        "kind": "firm",
        "name": "Mleczarnia Testowa",
        "country": "PL",
        "region": "Podlaskie",
        "town": "Łomża",
        **changes,
    }


def test_saving_an_organisation_sets_the_nuts_2_region_its_address_names():
    organisation = services.organisation_create(data=organisation_data(), language="pl")
    assert Organisation.objects.get(pk=organisation.pk).nuts_region.code == "PL84"

    services.organisation_update(
        organisation=organisation,
        data={"country": "IT", "region": "Emilia-Romagna", "town": "Parma"},
        language="pl",
    )
    assert Organisation.objects.get(pk=organisation.pk).nuts_region.code == "ITH5"


def test_a_region_text_that_names_none_keeps_staffs_choice_in_the_same_country_only():
    organisation = services.organisation_create(
        data=organisation_data(region="", town="Ostrołęka"), language="pl"
    )
    assert organisation.nuts_region is None
    Organisation.objects.filter(pk=organisation.pk).update(
        nuts_region=Region.objects.get(code="PL92")
    )
    organisation.refresh_from_db()

    services.organisation_update(
        organisation=organisation, data={"region": "powiat ostrołęcki"}, language="pl"
    )
    assert Organisation.objects.get(pk=organisation.pk).nuts_region.code == "PL92"

    services.organisation_update(
        organisation=organisation, data={"country": "AT", "region": "Mühlviertel"}, language="pl"
    )
    assert Organisation.objects.get(pk=organisation.pk).nuts_region is None


def test_the_migration_places_existing_organisations_and_its_reverse_removes_what_is_unused():
    narew = Organisation.objects.create(
        kind="firm", name="Narew", slug="narew", country="PL", region="podlaskie", town="Łomża"
    )
    warsaw = Organisation.objects.create(
        kind="firm", name="W", slug="w", country="PL", region="Mazowieckie", town="Warszawa"
    )
    elsewhere = Organisation.objects.create(
        kind="firm", name="X", slug="x", country="PL", region="Nowhere", town="Łomża"
    )
    RegionalFigure.objects.create(
        region=Region.objects.get(code="PL84"), nace="C", year=2022, indicator="employees", value=1
    )

    with connection.schema_editor() as editor:
        migration.backwards(apps, editor)

    assert list(Region.objects.values_list("code", flat=True)) == ["PL", "PL84"]
    assert Cluster.objects.filter(statistics_activity__isnull=False).count() == 0

    migration.forwards(apps, None)

    assert Region.objects.filter(level=Region.Level.NUTS2).count() == 77
    assert Cluster.objects.filter(statistics_activity__isnull=False).count() == 2
    places = dict(Organisation.objects.values_list("slug", "nuts_region__code"))
    assert (places[narew.slug], places[warsaw.slug], places[elsewhere.slug]) == (
        "PL84",
        "PL91",
        None,
    )


def test_the_demo_places_its_organisations_and_loads_a_labelled_sample_of_figures():
    lines = demo.load_demo()
    figures = RegionalFigure.objects.all()

    assert Organisation.objects.filter(nuts_region=None).count() == 0
    assert Organisation.objects.get(slug="spodzielnia-mleczarska-narew").nuts_region.code == (
        "PL84"
    )
    # 77 regions, 4 industries (10.5, 28.3, C, TOTAL), 7 years, 4 indicators.
    assert figures.count() == 77 * 4 * 7 * 4
    assert set(figures.values_list("source", flat=True)) == {
        "Illustrative sample for the demo, not official statistics"
    }
    sample = StatisticsImport.objects.get()
    assert sample.source == "Illustrative sample for the demo, not official statistics"
    assert sample.figures.count() == figures.count()
    assert "8624 sample regional figures (8624 new)" in lines[1]
    withheld = figures.exclude(status="")
    assert withheld.filter(value__isnull=False).count() == 0
    assert withheld.filter(region__code="ITC2", nace="28.3").count() == 7 * 4
    assert figures.filter(status="missing", region__code="BG31", year=2016).count() == 4

    assert "(0 new)" in demo.load_demo()[1]
    assert RegionalFigure.objects.count() == 77 * 4 * 7 * 4


def test_the_demo_sample_shows_podlaskie_specialised_in_dairy():
    demo.load_demo_statistics()
    employees = {
        (code, nace): value
        for code, nace, value in RegionalFigure.objects.filter(
            year=2022, indicator="employees", region__country="PL", nace__in=["10.5", "TOTAL"]
        ).values_list("region__code", "nace", "value")
    }
    dairy = sum(value for (_code, nace), value in employees.items() if nace == "10.5")
    total = sum(value for (_code, nace), value in employees.items() if nace == "TOTAL")

    lq = (employees["PL84", "10.5"] / employees["PL84", "TOTAL"]) / (dairy / total)

    assert 4 < lq < 6.5
