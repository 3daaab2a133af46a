import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from companies.models import Organisation
from companies.search import search_organisations
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
    assert "companies_organisation_trgm" in plan
