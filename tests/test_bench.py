"""The benchmark (bench/run.py): its data, its query plans and its reading of wrk."""

import re
from collections import Counter

import pytest
from django.db import connection

from bench import run
from companies.models import Organisation
from offers.models import Offer, OfferTranslation
from offers.search import search_offers
from offers.selectors import live_offers
from offers.services import source_digest

WRK_OUTPUT = """\
Running 10s test @ http://127.0.0.1:8000/pl/offers/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    92.12ms   20.01ms 310.00ms   80.00%
    Req/Sec    86.57     12.00   110.00     70.00%
  Latency Distribution
     50%   88.40ms
     75%  101.00ms
     90%  120.50ms
     99%    1.21s
  1731 requests in 10.01s, 50.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:    172.93
Transfer/sec:      5.00MB
"""


@pytest.fixture
def filled(db):
    run.fill_database(organisations=10, offers=50, seed=7)
    return Offer.objects.order_by("pk")


def test_fill_database_writes_live_offers_of_the_organisations(filled):
    assert Organisation.objects.filter(is_published=True).count() == 10
    assert Offer.objects.live().count() == 50
    assert all(re.fullmatch(r"OF-2026-\d{6}", offer.reference) for offer in filled)
    assert {offer.organisation_id for offer in filled} <= set(
        Organisation.objects.values_list("pk", flat=True)
    )
    assert all(offer.clusters.count() == 1 for offer in filled)
    assert all(offer.expires_at - offer.published_at == run.timedelta(days=365) for offer in filled)


def test_a_quarter_of_the_offers_is_in_every_language(filled):
    everywhere = [
        offer
        for offer in filled
        if all(offer.text(field, code) for field in run.FIELDS for code in run.LANGUAGES)
    ]
    # Offer ids 1..50 in the test database: 4, 8, ..., 48.
    assert len(everywhere) == 12
    states = Counter(OfferTranslation.objects.values_list("state", flat=True))
    assert states == {"source": 50, "human": 12 * 7, "missing": 38 * 7}
    for offer in filled:
        rows = {row.language: row for row in offer.translations.all()}
        assert rows[offer.source_language].state == "source"
        assert rows[offer.source_language].source_digest == source_digest(offer)
        # The untranslated ones hold text in their source language only.
        if offer not in everywhere:
            assert [code for code in run.LANGUAGES if offer.text("title", code)] == [
                offer.source_language
            ]
    # Paragraphs survive COPY's escaping.
    assert "\n\n" in filled[0].text("description", filled[0].source_language)


def test_the_filled_offers_are_found_by_search_with_the_indexes_made_again(filled):
    with connection.cursor() as cursor:
        names = {name for name, _definition in run._gin_indexes(cursor, ["offers_offer"])}
    assert {"offers_offer_fts_pl", "offers_offer_fts_it"} <= names

    def polish_text(offer):
        return " ".join(
            offer.text(field, "pl") or offer.text(field, offer.source_language)
            for field in run.FIELDS
        )

    expected = {offer.pk for offer in filled if "ser dojrzewający" in polish_text(offer)}
    found = set(
        search_offers(live_offers("pl"), "ser dojrzewający", "pl").values_list("pk", flat=True)
    )
    assert expected
    assert expected <= found


def test_explain_search_shows_the_gin_indexes_it_reads(filled):
    # 50 rows would be read whole, or through the index on the status: without
    # those two ways (until the test's transaction ends), the plan is the one
    # 100,000 rows get.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'offers_offer' "
            "AND indexdef LIKE '%%btree (status%%'"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')
    found, plan = run.explain_search("/pl/offers/?q=ser+dojrzewaj%C4%85cy")

    lines = run.index_lines(plan)
    assert found == search_offers(live_offers("pl"), "ser dojrzewający", "pl").count()
    assert any("Bitmap Index Scan on offers_offer_fts_pl" in line for line in lines)
    assert lines[-1].startswith("Execution Time")


def test_parse_wrk_reads_the_rate_percentiles_and_errors():
    assert run.parse_wrk(WRK_OUTPUT) == {
        "rps": 172.93,
        "requests": 1731,
        "p50": 88.4,
        "p75": 101.0,
        "p90": 120.5,
        "p99": 1210.0,
        "errors": 7,
    }


def test_parse_wrk_without_a_finished_request_gives_no_percentiles():
    output = WRK_OUTPUT.replace("1731 requests", "0 requests").replace("172.93", "0.00")
    figures = run.parse_wrk(output)
    assert (figures["rps"], figures["p50"], figures["p99"]) == (0.0, None, None)


def test_table_compares_every_page_with_healthz():
    health = {"rps": 200.0, "p50": 10.0, "p90": 12.0, "p99": 20.0, "errors": 0}
    page = {"rps": 50.0, "p50": 40.0, "p90": 60.0, "p99": 90.0, "errors": 0}
    loaded = {"rps": 0.0, "p50": None, "p90": None, "p99": None, "errors": 16}
    failed = {"rps": 0.0, "p50": None, "p90": None, "p99": None, "errors": None}
    lines = run.format_table(
        {
            "/healthz": {**health, "alone": 3, "problem": None},
            "offer list": {**page, "alone": 25, "problem": None},
            "search (pl)": {**loaded, "alone": 5000, "problem": None},
            "search (it)": {**failed, "alone": None, "problem": "status 500"},
        }
    ).splitlines()
    assert lines[0].split() == [
        "page", "req/s", "p50", "ms", "p90", "ms", "p99", "ms", "errors", "alone", "ms",
        "req/s", "ratio", "p50", "ratio",
    ]  # fmt: skip
    assert [line.split() for line in lines[1:5]] == [
        ["/healthz", "200.0", "10.0", "12.0", "20.0", "0", "3", "1.000", "1.0x"],
        ["offer", "list", "50.0", "40.0", "60.0", "90.0", "0", "25", "0.250", "4.0x"],
        ["search", "(pl)", "0.0", "-", "-", "-", "16", "5000", "0.000", "-"],
        ["search", "(it)", "0.0", "-", "-", "-", "-", "-", "0.000", "-"],
    ]
    assert lines[5:] == ["search (it): status 500"]
