import importlib

import pytest
from django.db import connection

from offers import search
from offers.models import Offer
from offers.search import search_offers
from offers.selectors import live_offers
from tests.offers.factories import OfferFactory, add_translation, expired_offer

pytestmark = pytest.mark.django_db


def found(query, language):
    queryset = search_offers(live_offers(language), query, language)
    return {offer.text("title", offer.source_language) for offer in queryset}


@pytest.fixture
def offers():
    OfferFactory(
        title="Sery dojrzewające dla sieci handlowych",
        summary="Spółdzielnia mleczarska oferuje sery dojrzewające i masło ekstra.",
        keywords="ser, masło",
    )
    OfferFactory(
        language="it",
        title="Formaggi stagionati cercano distributore",
        summary="Produciamo formaggi stagionati e burro per la grande distribuzione.",
    )
    OfferFactory(
        title="Przyczepy rolnicze – podwykonawstwo",
        summary="Wytwarzamy przyczepy rolnicze i prasy do słomy; szukamy dystrybutora.",
        partner_sought="Dystrybutor maszyn rolniczych w Czechach.",
    )


def test_italian_query_finds_the_italian_text_through_its_stem(offers):
    # "formaggio stagionato" shares only the stem with "formaggi stagionati".
    assert found("formaggio stagionato", "it") == {"Formaggi stagionati cercano distributore"}


def test_polish_word_in_another_inflection_finds_the_polish_text(offers):
    assert found("przyczepę rolniczą", "pl") == {"Przyczepy rolnicze – podwykonawstwo"}
    assert found("dojrzewający", "pl") == {"Sery dojrzewające dla sieci handlowych"}


def test_search_ignores_polish_diacritics(offers):
    assert found("maslo", "pl") == {"Sery dojrzewające dla sieci handlowych"}


def test_reader_finds_an_offer_written_only_in_polish_by_a_polish_word(offers):
    assert found("przyczepy", "it") == {"Przyczepy rolnicze – podwykonawstwo"}
    assert found("dystrybutora maszyn", "it") == {"Przyczepy rolnicze – podwykonawstwo"}


def test_the_searched_text_falls_back_to_the_source_language_field_by_field(offers):
    offer = Offer.objects.get(title_pl__startswith="Przyczepy")
    add_translation(offer, "it", title="Rimorchi agricoli – subfornitura")
    # The Italian title; the summary and the partner sought in Polish, the source.
    expected = (
        "Rimorchi agricoli – subfornitura "
        "Wytwarzamy przyczepy rolnicze i prasy do słomy; szukamy dystrybutora.  "
        "Dystrybutor maszyn rolniczych w Czechach. "
    )

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_it = to_tsvector('italian', %s), search_it::text "
            "FROM offers_offer WHERE id = %s",
            [expected, offer.pk],
        )
        same, vector = cursor.fetchone()

    assert same, vector
    assert "'rimorc'" in vector
    assert "'przyczepy'" in vector


def test_italian_reader_finds_the_italian_translation_through_its_stem(offers):
    offer = Offer.objects.get(title_pl__startswith="Przyczepy")
    add_translation(offer, "it", title="Rimorchi agricoli", summary="Costruiamo rimorchi.")

    assert found("rimorchio agricolo", "it") == {"Przyczepy rolnicze – podwykonawstwo"}


def test_keywords_are_searched(offers):
    assert found("masło", "de") == {"Sery dojrzewające dla sieci handlowych"}


def test_unrelated_words_find_nothing(offers):
    assert found("samochody elektryczne", "pl") == set()
    assert found("automobili", "it") == set()


def test_an_expired_offer_is_never_found(offers):
    expired_offer(title="Przyczepy rolnicze z zeszłego roku", summary="Przyczepy rolnicze.")

    assert found("przyczepy rolnicze", "pl") == {"Przyczepy rolnicze – podwykonawstwo"}
    assert found("przyczepy", "it") == {"Przyczepy rolnicze – podwykonawstwo"}


def test_the_organisation_name_of_an_anonymous_offer_is_not_searched(offers):
    OfferFactory(
        organisation__name="Mleczarnia Tajemnicza",
        is_anonymous=True,
        title="Mleko w proszku",
    )

    assert found("Tajemnicza", "pl") == set()


def test_search_ranks_the_closer_text_first(offers):
    OfferFactory(title="Ser", summary="Również przyczepy rolnicze używane.")
    queryset = search_offers(live_offers("pl"), "przyczepy rolnicze", "pl").order_by("-rank")

    titles = [offer.title_pl for offer in queryset]

    assert titles[0] == "Przyczepy rolnicze – podwykonawstwo"
    assert set(titles) == {"Przyczepy rolnicze – podwykonawstwo", "Ser"}


@pytest.mark.parametrize("query", ["", "   ", "\x00", "a" * 5000, "'; DROP TABLE x; --", "ą & | !"])
def test_odd_queries_do_not_fail(offers, query):
    list(search_offers(live_offers("pl"), query, "pl"))


def test_the_migration_uses_the_configurations_the_search_uses():
    migration = importlib.import_module("offers.migrations.0002_postgresql_search")

    assert migration.LANGUAGES == search.LANGUAGE_CODES
    for code in migration.LANGUAGES:
        assert f"'{search.search_config(code)}'::regconfig" in migration.fulltext_vector(code)


def test_a_czech_reader_finds_czech_words_in_other_forms():
    OfferFactory(
        language="cs",
        title="Hledáme dodavatele zrajících sýrů",
        summary="Mlékárna z Brna hledá partnera pro vývoz.",
    )

    assert found("dodavatel sýry", "cs") == {"Hledáme dodavatele zrajících sýrů"}
    assert found("mlékárny", "cs") == {"Hledáme dodavatele zrajících sýrů"}


def test_a_misspelt_word_finds_the_word_it_looks_like_once_the_words_are_read(offers):
    assert found("fornaggio", "it") == set()
    assert found("psyczepy", "pl") == set()

    search.refresh_search_words()

    assert found("fornaggio", "it") == {"Formaggi stagionati cercano distributore"}
    assert found("psyczepy rolnicze", "pl") == {"Przyczepy rolnicze – podwykonawstwo"}


def test_the_words_read_are_those_of_published_offers_only(offers):
    OfferFactory(title="Kefirowe napoje", published=False)

    search.refresh_search_words()

    with connection.cursor() as cursor:
        cursor.execute("SELECT word FROM offers_searchword WHERE language = 'pl'")
        words = {word for (word,) in cursor.fetchall()}
    assert {"przyczepy", "dojrzewajace", "maslo"} <= words
    assert "kefirowe" not in words


def test_short_words_do_not_widen_a_polish_search(offers):
    # "i" and "w" would begin almost every word: left out beside longer ones.
    assert found("przyczepy i prasy w Czechach", "pl") == {"Przyczepy rolnicze – podwykonawstwo"}


@pytest.mark.parametrize("language", ["pl", "it", "cs", "de", "bg"])
def test_search_uses_the_indexes(offers, language):
    queryset = search_offers(Offer.objects.all(), "formaggio przyczepy", language)
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            plan = queryset.explain()
        finally:
            cursor.execute("SET enable_seqscan = on")

    assert f"Bitmap Index Scan on offers_offer_fts_{language}" in plan
