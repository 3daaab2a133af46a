import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.companies.analysis.page_figures import dairy_figures
from tests.e2e.conftest import axe_violations

# serialized_rollback keeps the reference data of migrations for the tests after these.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def table_rows(page):
    """The ranking table's rows as the reader sees them: a list of cell texts each."""
    return page.locator("#analysis-table tbody tr").evaluate_all(
        """rows => rows.map(row => Array.from(row.cells, cell =>
            cell.innerText.replace(/\\s+/g, " ").trim()))"""
    )


def test_a_partner_sorts_the_dairy_analysis_switches_the_base_and_downloads_the_rows(
    page, live_server
):
    dairy_figures()

    page.goto(live_server.url + "/it/clusters/dairy/analysis/")
    expect(page.locator("h1")).to_contain_text("analisi regionale")
    # The map shades the regions its boundaries know (Stuttgart is not among them).
    expect(page.locator("#analysis-map path.leaflet-interactive")).to_have_count(2)

    # The script sorts the table in place: the page is not loaded again, and its
    # address says the order, as the server's links would.
    page.evaluate("window.sortedInPlace = true")
    page.locator("#analysis-table thead").get_by_role(
        "link", name="Quoziente di localizzazione"
    ).click()
    expect(page.locator('th[data-column="lq"]')).to_have_attribute("aria-sort", "ascending")
    expect(page.locator("#analysis-table th[aria-sort]")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"[?&]sort=lq(&|$)"))
    assert page.evaluate("window.sortedInPlace") is True
    assert [row[1] for row in table_rows(page)] == ["DE11", "PL72", "PL84"]
    assert [row[3] for row in table_rows(page)] == ["0,56", "0,80", "2,81"]

    page.get_by_label("Base del quoziente").select_option("C")
    page.get_by_role("button", name="Mostra").click()
    expect(page.locator("#analysis-table tbody tr").first).to_contain_text("0,50")
    shown = table_rows(page)
    assert [row[3] for row in shown] == ["0,50", "0,93", "4,19"]
    expect(page.locator('th[data-column="lq"]')).to_have_attribute("aria-sort", "ascending")

    with page.expect_download() as download:
        page.get_by_role("link", name="Scarica queste righe in CSV").click()
    assert download.value.suggested_filename == "dairy-10.5-2022.csv"
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    header, *lines = list(csv.reader(io.StringIO(text)))
    assert header[:4] == ["Regione", "Codice NUTS", "Addetti", "Quoziente di localizzazione"]
    assert [line[:2] for line in lines] == [row[:2] for row in shown]
    assert [line[3] for line in lines] == [row[3].replace(",", ".") for row in shown]
    assert [line[4] for line in lines] == [row[4] for row in shown]
    assert page.foreign_requests == []


@pytest.mark.parametrize("language", ["pl", "it"])
def test_the_analysis_page_has_no_accessibility_violations(page, live_server, language):
    dairy_figures()

    page.goto(f"{live_server.url}/{language}/clusters/dairy/analysis/")
    page.wait_for_load_state("networkidle")
    expect(page.locator("#analysis-map path.leaflet-interactive")).to_have_count(2)

    assert axe_violations(page) == []
