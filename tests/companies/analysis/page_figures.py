"""A small set of regional figures for the analysis pages' tests.

Three NUTS 2 regions in two countries, the dairy group 10.5 and its bases (all
activities, section C) for two years. With all regions for reference the location
quotients of 2022 are, over all activities, PL84 2.8125, PL72 0.8036, DE11 0.5625;
over section C, PL84 4.1875, PL72 0.9306, DE11 0.5025.
"""

from decimal import Decimal
from html.parser import HTMLParser

from companies.models import Activity, Cluster, Region, RegionalFigure
from tests.factories import ActivityFactory

REGIONS = {
    "PL84": ("Podlaskie", "PL"),
    "PL72": ("Świętokrzyskie", "PL"),
    "DE11": ("Stuttgart", "DE"),
}
# (region, nace, year, indicator): value; None is a confidential figure.
FIGURES = {
    ("PL84", "10.5", 2022, "employees"): 12000,
    ("PL84", "10.5", 2021, "employees"): 11000,
    ("PL84", "TOTAL", 2022, "employees"): 400000,
    ("PL84", "TOTAL", 2021, "employees"): 395000,
    ("PL84", "C", 2022, "employees"): 80000,
    ("PL84", "C", 2021, "employees"): 79000,
    ("PL84", "10.5", 2022, "enterprises"): 120,
    ("PL84", "10.5", 2022, "value_added"): 600,
    ("PL72", "10.5", 2022, "employees"): 3000,
    ("PL72", "10.5", 2021, "employees"): 2900,
    ("PL72", "TOTAL", 2022, "employees"): 350000,
    ("PL72", "TOTAL", 2021, "employees"): 348000,
    ("PL72", "C", 2022, "employees"): 90000,
    ("PL72", "C", 2021, "employees"): 88000,
    ("PL72", "10.5", 2022, "enterprises"): 60,
    ("PL72", "10.5", 2022, "value_added"): 120,
    ("DE11", "10.5", 2022, "employees"): 9000,
    ("DE11", "10.5", 2021, "employees"): 9100,
    ("DE11", "TOTAL", 2022, "employees"): 1500000,
    ("DE11", "TOTAL", 2021, "employees"): 1490000,
    ("DE11", "C", 2022, "employees"): 500000,
    ("DE11", "C", 2021, "employees"): 498000,
    ("DE11", "10.5", 2022, "enterprises"): 45,
    ("DE11", "10.5", 2022, "value_added"): None,
}


def region(code, name, country):
    return Region.objects.update_or_create(
        code=code, defaults={"name": name, "name_pl": name, "level": 2, "country": country}
    )[0]


def dairy_figures():
    """The figures above, the activities they name and the dairy cluster reading 10.5."""
    regions = {code: region(code, *details) for code, details in REGIONS.items()}
    dairy = ActivityFactory(
        code="10.5",
        level=Activity.Level.GROUP,
        name_pl="Wytwarzanie wyrobów mleczarskich",
        name_it="Industria lattiero-casearia",
    )
    ActivityFactory(code="C", level=Activity.Level.SECTION, name_pl="Przetwórstwo przemysłowe")
    RegionalFigure.objects.bulk_create(
        RegionalFigure(
            region=regions[code],
            nace=nace,
            year=year,
            indicator=indicator,
            value=None if value is None else Decimal(value),
            status="confidential" if value is None else "",
            source="Eurostat sbs_r_nuts2021 (test figures)",
        )
        for (code, nace, year, indicator), value in FIGURES.items()
    )
    cluster = Cluster.objects.get(slug="dairy")
    cluster.statistics_activity = dairy
    cluster.save(update_fields=["statistics_activity"])
    return cluster


def many_figures(regions, years):
    """`regions` Polish regions with the dairy group, all activities and section C over
    `years` years, for the query counts."""
    dairy = ActivityFactory(code="10.5", level=Activity.Level.GROUP)
    figures = []
    for index in range(regions):
        code = f"PL{index:02d}"
        place = region(code, f"Region {index}", "PL")
        for year in range(2022 - years + 1, 2023):
            for nace, value in (("10.5", 100 + index), ("TOTAL", 10000 + year), ("C", 3000)):
                figures.append(
                    RegionalFigure(
                        region=place, nace=nace, year=year, indicator="employees", value=value
                    )
                )
    RegionalFigure.objects.bulk_create(figures)
    cluster = Cluster.objects.get(slug="dairy")
    cluster.statistics_activity = dairy
    cluster.save(update_fields=["statistics_activity"])
    return cluster


class _TableReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.headers, self.sorted = [], [], {}
        self._part = self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id") == "analysis-table":
            self._part = "table"
        elif self._part and tag in ("thead", "tbody"):
            self._part = tag
        elif self._part == "tbody" and tag == "tr":
            self.rows.append([])
        elif self._part in ("thead", "tbody") and tag in ("th", "td"):
            self._cell = []
            if self._part == "thead" and attrs.get("aria-sort"):
                self.sorted[attrs["data-column"]] = attrs["aria-sort"]

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            text = " ".join("".join(self._cell).split())
            (self.headers if self._part == "thead" else self.rows[-1]).append(text)
            self._cell = None
        elif tag == "table":
            self._part = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def ranking_table(html):
    """The ranking table of an analysis page: its headers, rows of cell texts, and the
    column it says it is sorted by ({key: "ascending" or "descending"})."""
    reader = _TableReader()
    reader.feed(html)
    return reader.headers, reader.rows, reader.sorted
