"""The benchmark (bench/run.py): its data, its query plans and its reading of wrk."""

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.db import connection

from bench import run
from companies.analysis.models import country_of_code
from companies.models import Cluster, Organisation, Region, RegionalFigure
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


def test_wrk_errors_counts_each_kind():
    assert run.wrk_errors(WRK_OUTPUT) == {
        "non_2xx": 4,
        "socket": {"connect": 0, "read": 2, "write": 0, "timeout": 1},
    }
    # wrk prints neither line when nothing failed.
    clean = re.sub(r"^\s+(Socket errors|Non-2xx).*\n", "", WRK_OUTPUT, flags=re.MULTILINE)
    assert run.wrk_errors(clean) == {
        "non_2xx": 0,
        "socket": {"connect": 0, "read": 0, "write": 0, "timeout": 0},
    }
    assert run.parse_wrk(clean)["errors"] == 0


def _proc(tmp_path, master, workers):
    """A /proc with a gunicorn master whose threads have these workers: {pid: status}."""
    for thread, pids in [(master, list(workers)[:-1]), (master + 1, list(workers)[-1:])]:
        task = tmp_path / str(master) / "task" / str(thread)
        task.mkdir(parents=True)
        task.joinpath("children").write_text("".join(f"{pid} " for pid in pids))
    for pid, status in workers.items():
        if status is not None:
            (tmp_path / str(pid)).mkdir()
            (tmp_path / str(pid) / "status").write_text(status)
    return tmp_path


def _status(peak_kib):
    return (
        "Name:\tpython\nState:\tS (sleeping)\nPid:\t1\nVmPeak:\t  400000 kB\n"
        f"VmHWM:\t  {peak_kib} kB\nVmRSS:\t   80000 kB\nThreads:\t1\n"
    )


def test_workers_peak_rss_reads_vmhwm_of_every_child_of_the_master(tmp_path):
    # Worker 103 ended between the listing and the reading: it is left out.
    proc = _proc(tmp_path, 100, {101: _status(81234), 102: _status(95000), 103: None})

    assert run.worker_pids(100, proc) == [101, 102, 103]
    assert run.peak_rss_kib(102, proc) == 95000
    assert run.peak_rss_kib(103, proc) is None
    assert run.workers_peak_rss(100, proc) == {101: 81234, 102: 95000}
    assert run.workers_peak_rss(999, proc) == {}


def test_workers_peak_rss_of_this_process_children():
    # A real /proc: a child of this process, whose VmHWM is that of a running Python.
    child = run.subprocess.Popen(
        [run.sys.executable, "-c", "import time; print('up', flush=True); time.sleep(30)"],
        stdout=run.subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline() == "up\n"  # Python is loaded
        assert child.pid in run.worker_pids(run.os.getpid())
        peaks = run.workers_peak_rss(run.os.getpid())
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    assert 1000 < peaks[child.pid] < 1_000_000


HEALTH = {"rps": 200.0, "p50": 10.0, "p90": 12.0, "p99": 20.0, "errors": 0, "non_2xx": 0}
NO_SOCKET_ERRORS = {"connect": 0, "read": 0, "write": 0, "timeout": 0}


def _figures(figures, *, alone, problem=None, peak=None, socket=NO_SOCKET_ERRORS):
    return {**figures, "socket": socket, "alone": alone, "problem": problem, "peak_rss_kib": peak}


def test_table_compares_every_page_with_healthz_of_the_same_run():
    page = {"rps": 50.0, "p50": 40.0, "p90": 60.0, "p99": 90.0, "errors": 0, "non_2xx": 0}
    loaded = {"rps": 0.0, "p50": None, "p90": None, "p99": None, "errors": 16, "non_2xx": 0}
    failed = {"rps": 0.0, "p50": None, "p90": None, "p99": None, "errors": None, "non_2xx": None}
    timed_out = {"connect": 0, "read": 0, "write": 0, "timeout": 16}
    runs = {
        "uncached": {
            "/healthz": _figures(HEALTH, alone=3, peak=80 * 1024),
            "offer list": _figures(page, alone=25, peak=96 * 1024),
            "search (pl)": _figures(loaded, alone=5000, peak=90 * 1024, socket=timed_out),
            "search (it)": _figures(failed, alone=None, problem="status 500", socket=None),
        },
        "cached": {
            "/healthz": _figures({**HEALTH, "rps": 100.0, "p50": 20.0}, alone=3, peak=81 * 1024),
            "offer list": _figures({**page, "rps": 400.0, "p50": 5.0}, alone=2, peak=120 * 1024),
            "search (pl)": _figures({**page, "non_2xx": 3, "errors": 3}, alone=4, peak=None),
            "search (it)": _figures(page, alone=30, peak=91 * 1024),
        },
    }

    lines = run.format_table(runs).splitlines()

    def cells(line):
        assert line.startswith("| ") and line.endswith(" |")
        return line[2:-2].split(" | ")

    assert cells(lines[0]) == [
        "page", "run", "req/s", "p50 ms", "p90 ms", "p99 ms", "req/s ratio", "p50 ratio",
        "alone ms", "non-2xx", "socket errors", "peak RSS MiB",
    ]  # fmt: skip
    assert lines[1] == "|:--|:--|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
    # Each page's runs side by side; each ratio to /healthz of its own run.
    assert [cells(line) for line in lines[2:10]] == [
        ["/healthz", "uncached", "200.0", "10.0", "12.0", "20.0", "1.000", "1.0x", "3", "0", "0",
         "80.0"],
        ["/healthz", "cached", "100.0", "20.0", "12.0", "20.0", "1.000", "1.0x", "3", "0", "0",
         "81.0"],
        ["offer list", "uncached", "50.0", "40.0", "60.0", "90.0", "0.250", "4.0x", "25", "0",
         "0", "96.0"],
        ["offer list", "cached", "400.0", "5.0", "60.0", "90.0", "4.000", "0.2x", "2", "0", "0",
         "120.0"],
        ["search (pl)", "uncached", "0.0", "-", "-", "-", "0.000", "-", "5000", "0",
         "16 (timeout 16)", "90.0"],
        ["search (pl)", "cached", "50.0", "40.0", "60.0", "90.0", "0.500", "2.0x", "4", "3", "0",
         "-"],
        ["search (it)", "uncached", "0.0", "-", "-", "-", "0.000", "-", "-", "-", "-", "-"],
        ["search (it)", "cached", "50.0", "40.0", "60.0", "90.0", "0.500", "2.0x", "30", "0", "0",
         "91.0"],
    ]  # fmt: skip
    assert lines[10:] == [
        "",
        "Highest peak RSS of a worker: 120.0 MiB (offer list).",
        "",
        "Runs with errors:",
        "- search (pl) (uncached): 16 errors",
        "- search (it) (uncached): status 500",
        "- search (pl) (cached): 3 errors",
    ]


def test_table_says_when_no_run_had_errors():
    runs = {"uncached": {"/healthz": _figures(HEALTH, alone=3, peak=2048)}}
    assert run.format_table(runs).splitlines()[-3:] == [
        "Highest peak RSS of a worker: 2.0 MiB (/healthz).",
        "",
        "No errors in any run.",
    ]
    assert run.failures(runs) == []
    assert run.peak_rss(runs) == ({"/healthz": 2048}, 2048)


def test_save_results_writes_the_report_the_figures_and_latest(tmp_path):
    data = {"commit": "abc1234", "runs": {"cached": {"/healthz": {"rps": 1.5}}}}
    markdown, figures = run.save_results(
        report="# report", data=data, stamp="20261203-101500", commit="abc1234",
        results_dir=tmp_path / "results",
    )  # fmt: skip
    assert markdown == tmp_path / "results" / "20261203-101500-abc1234.md"
    assert figures == tmp_path / "results" / "20261203-101500-abc1234.json"
    assert markdown.read_text() == "# report\n"
    assert (tmp_path / "results" / "latest.md").read_text() == "# report\n"
    assert run.json.loads(figures.read_text()) == data


def test_the_pages_are_the_portals_own_urls():
    from django.urls import resolve
    from django.utils import translation

    found = {"reference": "OF-2026-000001", "organisation": "bench-4"}
    views = {}
    for label, path in run.PAGES:
        path = urlsplit(path.format(**found)).path
        # A page under a language prefix resolves in that language.
        language = path.split("/")[1] if path.split("/")[1] in run.LANGUAGES else None
        with translation.override(language):
            views[label] = resolve(path).view_name
    assert views == {
        "/healthz": "healthz",
        "offer list": "offers:offer_list",
        "search (pl)": "offers:offer_list",
        "search (it)": "offers:offer_list",
        "search (cs)": "offers:offer_list",
        "offer page": "offers:offer_detail",
        "directory": "companies:organisation_list",
        "directory search": "companies:organisation_list",
        "organisation": "companies:organisation_detail",
        "news": "news:news_list",
        "project": "project:project",
        "documents": "documents:document_list",
        "events": "events:event_list",
        "cluster analysis": "companies:cluster_analysis",
    }
    assert [path for _label, path in run.PAGES[1:5]] == run.EXPLAINED


def test_organisation_slug_is_a_published_organisation_in_every_language(filled):
    slug = run.organisation_slug()
    organisation = Organisation.objects.get(slug=slug)
    assert organisation.is_published
    assert all(getattr(organisation, f"description_{code}") for code in run.LANGUAGES)


@pytest.fixture
def statistics(db):
    seconds = run.fill_statistics(regions=12, years=3, last_year=2024, seed=7)
    assert seconds >= 0
    return RegionalFigure.objects.filter(source=run.STATISTICS_SOURCE)


def test_fill_statistics_writes_every_regions_figures_for_the_analysis(statistics):
    regions = Region.objects.filter(figures__in=statistics).distinct()
    assert regions.count() == 12
    for region in regions:
        assert region.level == 3
        assert re.fullmatch(r"[A-Z]{2}[1-9]{3}", region.code)
        assert country_of_code(region.code) == region.country.code
        assert region.country.code in run.STATISTICS_COUNTRIES
    # Twelve regions, three years, three NACE codes, four indicators.
    assert statistics.count() == 12 * 3 * 3 * 4
    assert set(statistics.values_list("year", flat=True)) == {2022, 2023, 2024}
    assert set(statistics.values_list("nace", flat=True)) == {"10.5", "C", "TOTAL"}
    assert set(statistics.values_list("indicator", flat=True)) == set(run.STATISTICS_INDICATORS)
    # A confidential figure has no value; every other one has.
    assert not statistics.filter(status="", value=None).exists()
    assert not statistics.exclude(status="").exclude(value=None).exists()
    # The dairy industry is part of manufacturing, manufacturing part of the total.
    employees = {
        (figure.region_id, figure.year, figure.nace): figure.value
        for figure in statistics.filter(indicator="employees")
    }
    for (region, year, nace), value in employees.items():
        if nace == "10.5":
            assert 0 < value < employees[region, year, "C"] < employees[region, year, "TOTAL"]
    assert Cluster.objects.get(slug="dairy").statistics_activity.code == "10.5"


def test_fill_statistics_leaves_the_codes_already_there(db):
    taken = run.statistics_region_codes(3)
    for code in taken:
        Region.objects.create(code=code, level=3, name=code, country=code[:2])

    codes = run.statistics_region_codes(10, taken=set(taken))

    assert len(set(codes)) == 10
    assert not set(codes) & set(taken)


def test_load_statistics_reuses_full_statistics_and_fills_again_what_is_not(db):
    assert run.load_statistics(regions=4, years=2) != {}
    figures = RegionalFigure.objects.filter(source=run.STATISTICS_SOURCE)
    first = set(figures.values_list("pk", flat=True))
    assert len(first) == 4 * 2 * 3 * 4

    assert run.load_statistics(regions=4, years=2) == {}
    assert set(figures.values_list("pk", flat=True)) == first

    assert run.load_statistics(regions=5, years=2) != {}
    assert figures.count() == 5 * 2 * 3 * 4
    assert Region.objects.filter(code__in=run.statistics_region_codes(5)).count() == 5


def test_the_analysis_target_is_reported_against_the_time_alone():
    runs = {
        "uncached": {
            "/healthz": _figures(HEALTH, alone=3),
            "cluster analysis": _figures(HEALTH, alone=42.4),
        },
        "cached": {"cluster analysis": _figures(HEALTH, alone=500)},
    }
    checked = run.targets(runs)
    assert checked == [
        {"page": "cluster analysis", "alone_ms": 42.4, "target_ms": 100, "met": True}
    ]
    assert run.format_targets(checked) == [
        "Targets, one request alone without the page cache:",
        "",
        "- cluster analysis: 42 ms, target under 100 ms: met",
    ]

    runs["uncached"]["cluster analysis"]["alone"] = 130.0
    assert run.format_targets(run.targets(runs))[-1] == (
        "- cluster analysis: 130 ms, target under 100 ms: MISSED"
    )
    runs["uncached"]["cluster analysis"] = _figures(HEALTH, alone=None, problem="status 500")
    assert run.format_targets(run.targets(runs))[-1] == (
        "- cluster analysis: - ms, target under 100 ms: not measured"
    )
    assert run.targets({"uncached": {"/healthz": _figures(HEALTH, alone=3)}}) == []
    assert run.format_targets([]) == []
