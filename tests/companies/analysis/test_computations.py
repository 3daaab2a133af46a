"""Cluster analysis against hand calculations.

Five regions, two countries, one industry (dairy, 10.5) in 2018 and 2022:

    region  E_ir 2022  C (manuf.)  TOTAL      enterprises  value added  wages  E_ir 2018
    PL84    8,000      40,000      400,000    40           400          240    6,000
    PL41    6,000      150,000     1,500,000  100          360          210    6,000
    PL21    2,000      200,000     1,600,000  50           80           60     2,500
    ITH5    9,000      300,000     1,800,000  300          900          360    8,000
    ITC4    5,000      500,000     4,000,000  missing      500          confid. 5,000

Each expected figure below is written as the arithmetic that gives it, then
compared to three decimals.
"""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.utils import translation

from companies.analysis import computations
from companies.analysis.selectors import ALL_REGIONS, TOTAL, industry_analysis
from companies.models import Activity, Region, RegionalFigure

pytestmark = pytest.mark.django_db

EMPLOYEES = RegionalFigure.Indicator.EMPLOYEES
TABLE = {
    # code: (E_ir 2022, C, TOTAL, enterprises, value added, wages, E_ir 2018)
    "PL84": (8000, 40000, 400000, 40, 400, 240, 6000),
    "PL41": (6000, 150000, 1500000, 100, 360, 210, 6000),
    "PL21": (2000, 200000, 1600000, 50, 80, 60, 2500),
    "ITH5": (9000, 300000, 1800000, 300, 900, 360, 8000),
    "ITC4": (5000, 500000, 4000000, None, 500, "confidential", 5000),
}


def three(value):
    """To three decimals, rounding half up after the tenth decimal (float or Decimal)."""
    if value is None:
        return None
    exact = Decimal(str(value)).quantize(Decimal("1e-10"))
    return exact.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)


def region(code):
    country = Region.objects.get_or_create(
        code=code[:2], defaults={"level": 0, "name": code[:2], "country": code[:2]}
    )[0]
    return Region.objects.update_or_create(
        code=code,
        defaults={"level": 2, "name": f"Region {code}", "country": code[:2], "parent": country},
    )[0]


def figure(place, nace, year, indicator, value):
    if value is None or value == "confidential":
        status = "confidential" if value else "missing"
        return RegionalFigure(
            region=place, nace=nace, year=year, indicator=indicator, status=status
        )
    return RegionalFigure(
        region=place,
        nace=nace,
        year=year,
        indicator=indicator,
        value=Decimal(value),
        source="Test figures",
    )


@pytest.fixture
def dairy():
    figures = []
    for code, (industry, manufacturing, everything, firms, added, wages, before) in TABLE.items():
        place = region(code)
        figures += [
            figure(place, "10.5", 2022, EMPLOYEES, industry),
            figure(place, "C", 2022, EMPLOYEES, manufacturing),
            figure(place, TOTAL, 2022, EMPLOYEES, everything),
            figure(place, "10.5", 2022, RegionalFigure.Indicator.ENTERPRISES, firms),
            figure(place, "10.5", 2022, RegionalFigure.Indicator.VALUE_ADDED, added),
            figure(place, "10.5", 2022, RegionalFigure.Indicator.WAGES, wages),
            figure(place, "10.5", 2018, EMPLOYEES, before),
        ]
    RegionalFigure.objects.bulk_create(figures)
    return Activity.objects.get(code="10.5")


def by_code(analysis, attribute):
    return {row.region.code: three(getattr(row, attribute)) for row in analysis.rows}


def expected(values):
    return {code: three(value) for code, value in values.items()}


# E_i = 8,000 + 6,000 + 2,000 + 9,000 + 5,000 = 30,000 in all regions, 16,000 in Poland.
LQ = {
    (TOTAL, ALL_REGIONS): {  # E = 9,300,000
        "PL84": (8000 / 400000) / (30000 / 9300000),  # 6.200
        "PL41": (6000 / 1500000) / (30000 / 9300000),  # 1.240
        "PL21": (2000 / 1600000) / (30000 / 9300000),  # 0.388 (0.3875)
        "ITH5": (9000 / 1800000) / (30000 / 9300000),  # 1.550
        "ITC4": (5000 / 4000000) / (30000 / 9300000),  # 0.388
    },
    ("C", ALL_REGIONS): {  # E = 1,190,000
        "PL84": (8000 / 40000) / (30000 / 1190000),  # 7.933
        "PL41": (6000 / 150000) / (30000 / 1190000),  # 1.587
        "PL21": (2000 / 200000) / (30000 / 1190000),  # 0.397
        "ITH5": (9000 / 300000) / (30000 / 1190000),  # 1.190
        "ITC4": (5000 / 500000) / (30000 / 1190000),  # 0.397
    },
    (TOTAL, "PL"): {  # E = 3,500,000
        "PL84": (8000 / 400000) / (16000 / 3500000),  # 4.375
        "PL41": (6000 / 1500000) / (16000 / 3500000),  # 0.875
        "PL21": (2000 / 1600000) / (16000 / 3500000),  # 0.273
    },
    ("C", "PL"): {  # E = 390,000
        "PL84": (8000 / 40000) / (16000 / 390000),  # 4.875
        "PL41": (6000 / 150000) / (16000 / 390000),  # 0.975
        "PL21": (2000 / 200000) / (16000 / 390000),  # 0.244
    },
}

# Stars among n regions: size and focus are rank <= ceil(n / 10), that is the first.
# All regions: the most employed is ITH5 (9,000); the largest share of its base
# is PL84's (0.02 of the total, 0.2 of manufacturing); only PL84 has LQ >= 2.
# Poland: PL84 leads employment (8,000) and share, and has LQ >= 2.
STARS = {
    (TOTAL, ALL_REGIONS): {"PL84": (False, True, True), "ITH5": (True, False, False)},
    ("C", ALL_REGIONS): {"PL84": (False, True, True), "ITH5": (True, False, False)},
    (TOTAL, "PL"): {"PL84": (True, True, True)},
    ("C", "PL"): {"PL84": (True, True, True)},
}

# Strong cluster: LQ rank <= ceil(n / 4) and LQ >= 1, employment and enterprises
# not in the bottom ceil(n / 4). All regions (n = 5, 2 at the top): enterprises
# are known for 4 regions, so the bottom is 1 region, PL84 (40), which fails.
# By the total, the top LQs are PL84 and ITH5: ITH5 is strong. By manufacturing
# they are PL84 and PL41: PL41 is strong (6,000 employed and 100 firms are
# above the bottom). Poland (n = 3, 1 at the top and the bottom): PL84 leads
# LQ but has the fewest enterprises.
STRONG = {
    (TOTAL, ALL_REGIONS): {
        "PL84": False,
        "PL41": False,
        "PL21": False,
        "ITH5": True,
        "ITC4": False,
    },
    ("C", ALL_REGIONS): {"PL84": False, "PL41": True, "PL21": False, "ITH5": False, "ITC4": False},
    (TOTAL, "PL"): {"PL84": False, "PL41": False, "PL21": False},
    ("C", "PL"): {"PL84": False, "PL41": False, "PL21": False},
}

# Productivity: value added per person employed, against Σ value added / Σ employed.
PRODUCTIVITY = {
    ALL_REGIONS: {  # (400 + 360 + 80 + 900 + 500) / 30,000
        "PL84": (400 / 8000) / (2240 / 30000),  # 0.670
        "PL41": (360 / 6000) / (2240 / 30000),  # 0.804
        "PL21": (80 / 2000) / (2240 / 30000),  # 0.536
        "ITH5": (900 / 9000) / (2240 / 30000),  # 1.339
        "ITC4": (500 / 5000) / (2240 / 30000),  # 1.339
    },
    "PL": {  # 840 / 16,000
        "PL84": (400 / 8000) / (840 / 16000),  # 0.952
        "PL41": (360 / 6000) / (840 / 16000),  # 1.143
        "PL21": (80 / 2000) / (840 / 16000),  # 0.762
    },
}
# Wages per person employed: ITC4's are confidential, so neither it nor its
# employment counts in the reference: (240 + 210 + 60 + 360) / 25,000.
WAGES = {
    ALL_REGIONS: {
        "PL84": (240 / 8000) / (870 / 25000),  # 0.862
        "PL41": (210 / 6000) / (870 / 25000),  # 1.006
        "PL21": (60 / 2000) / (870 / 25000),  # 0.862
        "ITH5": (360 / 9000) / (870 / 25000),  # 1.149
        "ITC4": None,
    },
    "PL": {  # 510 / 16,000
        "PL84": (240 / 8000) / (510 / 16000),  # 0.941
        "PL41": (210 / 6000) / (510 / 16000),  # 1.098
        "PL21": (60 / 2000) / (510 / 16000),  # 0.941
    },
}
# Compound annual growth, 2018 to 2022.
GROWTH = {
    "PL84": (8000 / 6000) ** (1 / 4) - 1,  # 0.075
    "PL41": (6000 / 6000) ** (1 / 4) - 1,  # 0.000
    "PL21": (2000 / 2500) ** (1 / 4) - 1,  # -0.054
    "ITH5": (9000 / 8000) ** (1 / 4) - 1,  # 0.030
    "ITC4": (5000 / 5000) ** (1 / 4) - 1,  # 0.000
}
# Persons employed per enterprise; ITC4's enterprises are missing.
AVERAGE_SIZE = {"PL84": 200, "PL41": 60, "PL21": 40, "ITH5": 30, "ITC4": None}

CHOICES = [(TOTAL, ALL_REGIONS), ("C", ALL_REGIONS), (TOTAL, "PL"), ("C", "PL")]


@pytest.mark.parametrize(("base", "reference"), CHOICES)
def test_location_quotients_equal_the_hand_calculation(dairy, base, reference):
    analysis = industry_analysis(activity=dairy, base=base, reference=reference)

    assert (analysis.year, analysis.base, analysis.reference) == (2022, base, reference)
    assert by_code(analysis, "lq") == expected(LQ[base, reference])
    # Largest LQ first.
    assert analysis.rows[0].region.code == "PL84"


@pytest.mark.parametrize(("base", "reference"), CHOICES)
def test_the_observatory_stars_follow_the_hand_calculation(dairy, base, reference):
    analysis = industry_analysis(activity=dairy, base=base, reference=reference)

    found = {
        row.region.code: (row.size_star, row.specialisation_star, row.focus_star)
        for row in analysis.rows
    }
    starred = {code: stars for code, stars in found.items() if any(stars)}
    assert starred == STARS[base, reference]
    assert {row.region.code: row.stars for row in analysis.rows}["PL84"] == sum(
        STARS[base, reference]["PL84"]
    )


@pytest.mark.parametrize(("base", "reference"), CHOICES)
def test_the_strong_cluster_test_follows_the_hand_calculation(dairy, base, reference):
    analysis = industry_analysis(activity=dairy, base=base, reference=reference)

    assert {row.region.code: row.strong for row in analysis.rows} == STRONG[base, reference]


@pytest.mark.parametrize(("base", "reference"), CHOICES)
def test_productivity_wages_growth_and_size_follow_the_hand_calculation(dairy, base, reference):
    analysis = industry_analysis(activity=dairy, base=base, reference=reference)

    assert by_code(analysis, "productivity_ratio") == expected(PRODUCTIVITY[reference])
    assert by_code(analysis, "wages_ratio") == expected(WAGES[reference])
    codes = PRODUCTIVITY[reference].keys()
    assert by_code(analysis, "growth") == expected({code: GROWTH[code] for code in codes})
    assert by_code(analysis, "average_size") == expected(
        {code: AVERAGE_SIZE[code] for code in codes}
    )
    assert analysis.start_year == 2018


def test_the_choices_offered_are_those_the_data_holds(dairy):
    with translation.override("en"):
        analysis = industry_analysis(activity=dairy, year=1999, base="Z", reference="FR")

    # Unknown choices fall back to the defaults.
    assert (analysis.year, analysis.base, analysis.reference) == (2022, TOTAL, ALL_REGIONS)
    assert analysis.years == [2022, 2018]
    assert [code for code, _label in analysis.bases] == [TOTAL, "C"]
    # Countries in the reader's alphabetical order: Italy before Poland.
    assert [code for code, _label in analysis.references] == [ALL_REGIONS, "IT", "PL"]
    with translation.override("pl"):
        analysis = industry_analysis(activity=dairy)
    # Polska before Włochy.
    assert [code for code, _label in analysis.references] == [ALL_REGIONS, "PL", "IT"]
    assert analysis.sources == ["Test figures"]
    assert analysis.employment_by_year == [(2018, 27500), (2022, 30000)]


def test_missing_and_confidential_figures_are_missing_never_zero(dairy):
    analysis = industry_analysis(activity=dairy)
    itc4 = next(row for row in analysis.rows if row.region.code == "ITC4")

    assert itc4.enterprises is None
    assert itc4.average_size is None
    assert itc4.wages_per_employee is None
    assert itc4.wages_ratio is None
    assert itc4.employees == 5000


def test_growth_is_missing_without_an_earlier_year(dairy):
    analysis = industry_analysis(activity=dairy, year=2018)

    assert analysis.start_year is None
    assert {row.growth for row in analysis.rows} == {None}
    # No base figures in 2018: no quotient either, and none is made up.
    assert analysis.bases == []
    assert {row.lq for row in analysis.rows} == {None}


def test_the_number_of_queries_does_not_grow_with_regions_and_years(
    dairy, django_assert_num_queries
):
    with django_assert_num_queries(7):
        industry_analysis(activity=dairy)

    more = []
    for number in range(40):
        place = region(f"PL9{number:02d}"[:5] if number < 10 else f"CZ{number:03d}")
        for year in range(2012, 2022):
            more += [
                figure(place, "10.5", year, EMPLOYEES, 100 + number),
                figure(place, TOTAL, year, EMPLOYEES, 10000 + number),
            ]
    RegionalFigure.objects.bulk_create(more)

    with django_assert_num_queries(7):
        analysis = industry_analysis(activity=dairy)
    assert len(analysis.rows) == 45
    assert len(analysis.years) == 11


def test_location_quotient_of_missing_or_zero_figures_is_missing():
    lq = computations.location_quotient
    assert lq(industry_region=1, base_region=2, industry_reference=3, base_reference=4) == (
        Decimal(1) / 2
    ) / (Decimal(3) / 4)
    assert lq(industry_region=None, base_region=2, industry_reference=3, base_reference=4) is None
    assert lq(industry_region=1, base_region=0, industry_reference=3, base_reference=4) is None
    assert lq(industry_region=1, base_region=2, industry_reference=0, base_reference=4) is None


def test_ranks_share_ties_and_skip_missing_figures():
    values = {"a": 5, "b": 5, "c": 1, "d": None}

    # Three figures: the top tenth is one place, which the tie shares.
    assert computations.in_top(values, "a", Decimal("0.1")) is True
    assert computations.in_top(values, "b", Decimal("0.1")) is True
    assert computations.in_top(values, "c", Decimal("0.1")) is False
    assert computations.in_top(values, "d", Decimal("0.1")) is None
    assert computations.in_bottom(values, "c", Decimal("0.25")) is True
    assert computations.in_bottom(values, "a", Decimal("0.25")) is False


def test_growth_needs_both_years_and_a_positive_start():
    assert three(computations.growth_rate(start=100, end=121, years=2)) == Decimal("0.100")
    assert computations.growth_rate(start=None, end=121, years=2) is None
    assert computations.growth_rate(start=0, end=121, years=2) is None
    assert computations.growth_rate(start=100, end=121, years=0) is None
