import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import translation

from companies.models import Organisation
from companies.search import refresh_search_words, search_organisations
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def found(query, language):
    queryset = search_organisations(Organisation.objects.all(), query, language)
    return {organisation.name for organisation in queryset}


@pytest.fixture
def firms():
    OrganisationFactory(
        name="Spółdzielnia Mleczarska Narew",
        description_pl="Produkujemy sery dojrzewające i mleko w proszku dla piekarni.",
        products_pl="Masło ekstra, śmietana.",
    )
    OrganisationFactory(
        name="Caseificio Lodigiano",
        country="IT",
        description_it="Produciamo formaggi stagionati e burro per la grande distribuzione.",
        products_it="Formaggio grana, mascarpone.",
    )
    OrganisationFactory(
        name="Agromet Sokółka",
        description_pl="Wytwarzamy przyczepy rolnicze i prasy do słomy.",
        description_cs="Vyrábíme zemědělské přívěsy a lisy na slámu.",
    )


def test_polish_word_in_another_inflection_finds_the_polish_text(firms):
    # "ser dojrzewający" (singular) against "sery dojrzewające" (plural) in the text.
    assert found("ser dojrzewający", "pl") == {"Spółdzielnia Mleczarska Narew"}
    assert found("przyczepę rolniczą", "pl") == {"Agromet Sokółka"}
    assert found("masła", "pl") == {"Spółdzielnia Mleczarska Narew"}


def test_search_ignores_polish_and_czech_diacritics(firms):
    assert found("smietana", "pl") == {"Spółdzielnia Mleczarska Narew"}
    assert found("zemedelske prívěsy", "cs") == {"Agromet Sokółka"}


def test_italian_query_finds_the_italian_text_through_its_stem(firms):
    # "formaggio stagionato" shares only the stem with "formaggi stagionati".
    assert found("formaggio stagionato", "it") == {"Caseificio Lodigiano"}
    assert found("distribuzioni", "it") == {"Caseificio Lodigiano"}


def test_unrelated_words_find_nothing(firms):
    assert found("samochody elektryczne", "pl") == set()
    assert found("automobili", "it") == set()


def test_search_page_ranks_and_shows_results_in_the_readers_language(client, firms):
    with translation.override("it"):
        address = reverse("companies:organisation_list")

    response = client.get(address, {"q": "formaggio stagionato"})

    assert [o.name for o in response.context["object_list"]] == ["Caseificio Lodigiano"]
    assert response.context["filter"].form.cleaned_data["q"] == "formaggio stagionato"


@pytest.mark.parametrize("language", ["pl", "it", "cs", "de"])
def test_search_uses_the_indexes(firms, language):
    queryset = search_organisations(Organisation.objects.all(), "formaggio ser", language)
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            plan = queryset.explain()
        finally:
            cursor.execute("SET enable_seqscan = on")

    assert f"companies_organisation_fts_{language}" in plan
    # The words in every language, through the index of migration 0009.
    assert "companies_organisation_fts_all" in plan


def searched_words():
    with connection.cursor() as cursor:
        cursor.execute("SELECT word FROM companies_searchword")
        return {word for (word,) in cursor.fetchall()}


def test_the_view_holds_the_words_of_published_organisations_after_its_refresh():
    OrganisationFactory(name="Serowar", description_de="Wir reifen Käse in Höhlen.")
    OrganisationFactory(name="Ukryta", description_pl="Tłocznia soków", is_published=False)
    assert "hohlen" not in searched_words()

    refresh_search_words()

    words = searched_words()
    assert {"serowar", "reifen", "kase", "hohlen"} <= words
    assert not {"ukryta", "tlocznia", "sokow"} & words


def test_a_misspelt_word_finds_the_text_through_a_similar_word_of_the_view(firms):
    assert found("pszyczepy", "pl") == set()
    assert found("frmaggi", "de") == set()

    refresh_search_words()

    # "pszyczepy" looks like "przyczepy" (its beginning finds "przyczepę" too).
    assert found("pszyczepy", "pl") == {"Agromet Sokółka"}
    assert found("frmaggi", "de") == {"Caseificio Lodigiano"}
    assert found("pszyczepy frmaggi", "pl") == set()


def test_a_new_organisation_is_found_by_its_words_before_the_view_is_read_again(firms):
    refresh_search_words()
    OrganisationFactory(name="Tłocznia Grójec", description_pl="Tłoczymy soki jabłkowe.")

    assert "jablkowe" not in searched_words()
    assert found("soki jabłkowe", "de") == {"Tłocznia Grójec"}
    assert found("tłocznia", "it") == {"Tłocznia Grójec"}


def test_the_daily_maintenance_reads_the_directorys_words_again(firms):
    call_command("offer_maintenance", stdout=io.StringIO())

    assert found("pszyczepy", "pl") == {"Agromet Sokółka"}


@pytest.mark.parametrize("language", ["pl", "it"])
def test_search_reads_the_words_in_every_language_from_their_index(firms, language):
    queryset = search_organisations(Organisation.objects.all(), "formaggio ser", language)
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            plan = queryset.explain()
        finally:
            cursor.execute("SET enable_seqscan = on")

    assert "Bitmap Index Scan on companies_organisation_fts_all" in plan
    assert "word_similarity" not in plan
