import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies.models import Cluster, RegionalFigure
from tests.companies.analysis.page_figures import dairy_figures, many_figures, ranking_table
from tests.factories import ActivityFactory, ClusterFactory, OrganisationFactory
from tests.helpers import kept_page

pytestmark = pytest.mark.django_db

PAGE = "/pl/clusters/dairy/analysis/"
POLISH_HEADERS = [
    "Region",
    "Kod NUTS",
    "Liczba zatrudnionych osób",
    "Iloraz lokalizacji",
    "Gwiazdki",
    "Silny klaster",
    "Średnia wielkość przedsiębiorstwa",
    "Wydajność względem obszaru odniesienia",
    "Płace względem obszaru odniesienia",
    "Roczny wzrost zatrudnienia",
]


def codes(rows):
    return [row[1] for row in rows]


def lqs(rows):
    return {row[1]: row[3] for row in rows}


def test_the_cluster_analysis_in_polish_ranks_the_regions_by_their_quotient(client):
    dairy_figures()

    response = client.get(PAGE)

    assert response.status_code == 200
    page = response.content.decode()
    headers, rows, sorted_by = ranking_table(page)
    assert headers == POLISH_HEADERS
    assert codes(rows) == ["PL84", "PL72", "DE11"]
    assert lqs(rows) == {"PL84": "2,81", "PL72": "0,80", "DE11": "0,56"}
    assert rows[0][0] == "Podlaskie"
    assert rows[0][2] == "12 000" or rows[0][2] == "12\xa0000"
    # Stuttgart's value added is confidential: no productivity, and no zero either.
    assert rows[2][7] == "brak danych"
    assert sorted_by == {"lq": "descending"}
    assert "Przemysł mleczarski: analiza regionalna" in page
    assert "Wytwarzanie wyrobów mleczarskich" in page
    assert "© EuroGeographics w zakresie granic administracyjnych; Eurostat GISCO" in page
    assert "Eurostat sbs_r_nuts2021 (test figures)" in page
    assert 'id="analysis-map-data"' in page
    assert 'href="/pl/clusters/dairy/analysis.csv?year=2022&amp;base=TOTAL' in page


def test_the_reader_sorts_the_table_by_a_column_in_either_direction(client):
    dairy_figures()

    by_employees = ranking_table(client.get(PAGE + "?sort=-employees").content.decode())
    by_lq_ascending = ranking_table(client.get(PAGE + "?sort=lq").content.decode())

    assert codes(by_employees[1]) == ["PL84", "DE11", "PL72"]
    assert by_employees[2] == {"employees": "descending"}
    assert codes(by_lq_ascending[1]) == ["DE11", "PL72", "PL84"]
    assert by_lq_ascending[2] == {"lq": "ascending"}


def test_the_sort_links_keep_the_other_choices_and_reverse_the_sorted_column(client):
    dairy_figures()

    page = client.get(PAGE + "?base=C&sort=-lq").content.decode()

    assert 'href="?year=2022&amp;base=C&amp;reference=all&amp;start=2021&amp;sort=lq"' in page
    assert 'href="?year=2022&amp;base=C&amp;reference=all&amp;start=2021&amp;sort=region"' in page


def test_manufacturing_for_base_changes_the_quotients(client):
    dairy_figures()

    rows = ranking_table(client.get(PAGE + "?base=C").content.decode())[1]

    assert lqs(rows) == {"PL84": "4,19", "PL72": "0,93", "DE11": "0,50"}


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "year=1900",
        "year=99999999999999999999",
        "base=Z&reference=XX",
        "base=%00&reference=%00",
        "reference=" + "PL" * 100,
        "start=-1",
        "start=2022.5",
        "sort=password",
        "sort=--lq",
        "sort=",
        "year=2022&year=abc",
        "base[]=C",
    ],
)
def test_choices_the_data_does_not_hold_fall_back_to_the_defaults(client, query):
    dairy_figures()

    response = client.get(PAGE + "?" + query)
    csv_response = client.get("/pl/clusters/dairy/analysis.csv?" + query)

    assert response.status_code == 200
    assert lqs(ranking_table(response.content.decode())[1]) == {
        "PL84": "2,81",
        "PL72": "0,80",
        "DE11": "0,56",
    }
    assert csv_response.status_code == 200


def read_csv(response):
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content.removeprefix("\ufeff"))))


def test_the_csv_holds_exactly_the_rows_and_columns_the_page_shows(client):
    dairy_figures()
    query = "?base=C&sort=-employees"

    headers, rows, _sorted = ranking_table(client.get(PAGE + query).content.decode())
    response = client.get("/pl/clusters/dairy/analysis.csv" + query)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="dairy-10.5-2022.csv"'
    lines = read_csv(response)
    assert lines[0] == headers == POLISH_HEADERS
    assert [line[1] for line in lines[1:]] == codes(rows) == ["PL84", "DE11", "PL72"]
    assert lines[1] == [
        "Podlaskie",
        "PL84",
        "12000",
        "4.19",
        rows[0][4],
        rows[0][5],
        "100.0",
        rows[0][7].replace(",", "."),
        "",
        rows[0][9].replace(",", ".").removesuffix(" %"),
    ]
    # The page's "no figure" is an empty cell.
    assert rows[1][7] == "brak danych"
    assert lines[2][7] == ""
    for line, row in zip(lines[1:], rows, strict=True):
        assert line[3] == row[3].replace(",", ".")


def test_an_industry_has_its_own_page_and_csv(client):
    dairy_figures()

    page = client.get("/it/clusters/industries/10.5/?sort=region").content.decode()
    response = client.get("/it/clusters/industries/10.5/figures.csv?sort=region")

    assert codes(ranking_table(page)[1]) == ["DE11", "PL72", "PL84"]
    assert "Industria lattiero-casearia" in page
    assert 'href="/it/clusters/industries/10.5/figures.csv?year=2022' in page
    assert response["Content-Disposition"] == 'attachment; filename="nace-10.5-2022.csv"'
    assert [line[1] for line in read_csv(response)[1:]] == ["DE11", "PL72", "PL84"]
    assert read_csv(response)[0][1] == "Codice NUTS"


def test_an_untranslated_industry_name_is_marked_polish(client):
    dairy_figures()
    ActivityFactory(code="10.5", name_pl="Wytwarzanie wyrobów mleczarskich", name_de="")

    page = client.get("/de/clusters/industries/10.5/").content.decode()

    assert '<span lang="pl">Wytwarzanie wyrobów mleczarskich</span>' in page


def test_a_cluster_without_an_industry_or_figures_says_so(client):
    ClusterFactory(slug="new-cluster", name_pl="Nowy klaster")
    ActivityFactory(code="28.3", level=3, name_pl="Maszyny rolnicze")

    no_industry = client.get("/pl/clusters/new-cluster/analysis/")
    no_figures = client.get("/pl/clusters/industries/28.3/")

    assert no_industry.status_code == 200
    assert "Dla tego klastra nie wybrano jeszcze branży" in no_industry.content.decode()
    assert client.get("/pl/clusters/new-cluster/analysis.csv").status_code == 404
    assert "Portal nie ma jeszcze danych regionalnych" in no_figures.content.decode()
    assert client.get("/pl/clusters/industries/99.99.99/").status_code == 404


def test_the_cluster_analysis_shows_what_its_own_organisations_say(client):
    cluster = dairy_figures()
    OrganisationFactory(name="Mleczarnia Narew", clusters=[cluster])

    page = client.get(PAGE).content.decode()
    industry_page = client.get("/pl/clusters/industries/10.5/").content.decode()

    assert "Z danych samego portalu" in page
    assert "Z danych samego portalu" not in industry_page


def test_the_cluster_page_links_to_its_analysis(client):
    dairy_figures()

    page = client.get(Cluster.objects.get(slug="dairy").get_absolute_url()).content.decode()

    assert f'href="{reverse("companies:cluster_analysis", kwargs={"slug": "dairy"})}"' in page


def test_a_kept_analysis_is_retired_when_a_figure_changes(client, kept):
    dairy_figures()
    before = kept_page(client, PAGE)
    kept_page(client, "/pl/clusters/dairy/analysis.csv")

    figure = RegionalFigure.objects.get(
        region__code="PL72", nace="10.5", year=2022, indicator="employees"
    )
    figure.value = 6000
    figure.save()

    assert lqs(ranking_table(before)[1])["PL72"] == "0,80"
    assert lqs(ranking_table(client.get(PAGE).content.decode())[1])["PL72"] == "1,43"
    assert "1.43" in client.get("/pl/clusters/dairy/analysis.csv").content.decode()


# The query counts are pinned, and do not grow with the regions and years.
QUERIES = 8  # the cluster with its activity, and the analysis's seven (selectors.py)
# The page counts the cluster's own organisations too (profile.py), when not kept.
PAGE_QUERIES = QUERIES + 13


@pytest.mark.parametrize(("regions", "years"), [(3, 2), (40, 10)])
def test_the_page_reads_a_fixed_number_of_queries(
    client, django_assert_num_queries, regions, years
):
    many_figures(regions, years)

    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(PAGE)

    assert len(ranking_table(response.content.decode())[1]) == regions


@pytest.mark.parametrize(("regions", "years"), [(3, 2), (40, 10)])
def test_the_csv_reads_a_fixed_number_of_queries(client, django_assert_num_queries, regions, years):
    many_figures(regions, years)

    with django_assert_num_queries(QUERIES):
        response = client.get("/pl/clusters/dairy/analysis.csv")

    assert len(read_csv(response)) == regions + 1


def figure_reads(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return sum("companies_regionalfigure" in query["sql"] for query in queries.captured_queries)


def test_a_kept_analysis_reads_no_figures_and_odd_choices_are_never_kept(client, settings):
    settings.FRAGMENT_CACHE_SECONDS = 300
    dairy_figures()

    assert figure_reads(client, PAGE) == 5
    assert figure_reads(client, PAGE) == 0
    assert figure_reads(client, PAGE + "?base=C&sort=employees") == 5
    assert figure_reads(client, PAGE + "?base=C&sort=employees") == 0
    # A choice the data cannot hold is computed for its request, never kept.
    assert figure_reads(client, PAGE + "?base=%3Cscript%3E") == 5
    assert figure_reads(client, PAGE + "?base=%3Cscript%3E") == 5


def test_the_table_narrows_to_one_countrys_regions_and_keeps_the_reference_measures(client):
    dairy_figures()

    page = client.get(PAGE + "?show=PL").content.decode()
    _headers, rows, _sorted_by = ranking_table(page)
    narrowed = read_csv(client.get("/pl/clusters/dairy/analysis.csv?show=PL"))

    # Only Poland's regions, with the quotients measured against all regions.
    assert lqs(rows) == {"PL84": "2,81", "PL72": "0,80"}
    assert [row[1] for row in narrowed[1:]] == ["PL84", "PL72"]
    assert '<option value="PL" selected>Polska</option>' in page
    # The sort links and the CSV keep the choice.
    assert "show=PL" in page.split('id="analysis-table"')[1].split("</thead>")[0]
    assert "reference=all&amp;start=2021&amp;show=PL&amp;sort=-lq" in page
    # A country the table does not hold shows every region.
    assert codes(ranking_table(client.get(PAGE + "?show=FR").content.decode())[1]) == [
        "PL84",
        "PL72",
        "DE11",
    ]
