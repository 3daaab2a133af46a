"""What an analysis page shows, read in a fixed number of queries.

`industry_analysis` loads one industry's figures, its base's and the growth
start year's for the regions of a reference area, and hands them to
`computations`. The number of queries does not depend on how many regions or
years the data holds.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from companies.analysis import computations
from companies.models import Activity, Region, RegionalFigure

TOTAL = "TOTAL"
# What a file may call all activities, in the order they are looked for.
TOTAL_CODES = (TOTAL, "B-N_S95_X_K", "B-S_X_O_S94", "B-N_X_K")
ALL_REGIONS = "all"


@dataclass
class RegionRow:
    """One region's line in an industry's ranking. None means the data has no figure."""

    region: Region
    employees: Decimal | None = None  # E_ir
    base_employees: Decimal | None = None  # E_r
    share: Decimal | None = None  # E_ir / E_r, the Observatory's focus
    lq: Decimal | None = None
    size_star: bool | None = None
    specialisation_star: bool | None = None
    focus_star: bool | None = None
    strong: bool | None = None  # the US Cluster Mapping "strong cluster" test
    enterprises: Decimal | None = None
    average_size: Decimal | None = None  # persons employed per enterprise
    productivity: Decimal | None = None  # value added per person employed
    productivity_ratio: Decimal | None = None  # relative to the reference area
    wages_per_employee: Decimal | None = None
    wages_ratio: Decimal | None = None
    growth: Decimal | None = None  # compound annual rate, start_year to year
    sources: set = field(default_factory=set)

    @property
    def stars(self):
        stars = (self.size_star, self.specialisation_star, self.focus_star)
        return sum(1 for star in stars if star)


@dataclass
class Analysis:
    activity: Activity
    year: int | None  # None when the data has no figure for the industry
    years: list  # the years with figures for the industry, newest first
    base: str  # TOTAL or a section code such as "C"
    bases: list  # [(code, label)], TOTAL first
    reference: str  # ALL_REGIONS or a country code
    references: list  # [(code, label)], ALL_REGIONS first
    start_year: int | None  # the growth rate's first year
    level: int  # the NUTS level compared, 2 unless the data has none at 2
    rows: list  # [RegionRow], ordered by LQ, largest first, missing last
    sources: list  # the figures' sources, as named in the files
    # [(year, E_i)]: the industry's employment in the reference area, oldest first.
    employment_by_year: list = field(default_factory=list)

    @property
    def base_label(self):
        return dict(self.bases).get(self.base, "")

    @property
    def reference_label(self):
        return dict(self.references).get(self.reference, "")


EMPLOYEES = RegionalFigure.Indicator.EMPLOYEES
# Which of a region's figures each indicator of the industry fills.
ATTRIBUTES = {
    EMPLOYEES: "employees",
    RegionalFigure.Indicator.ENTERPRISES: "enterprises",
    RegionalFigure.Indicator.VALUE_ADDED: "value_added",
    RegionalFigure.Indicator.WAGES: "wages",
}
SECTIONS = [chr(letter) for letter in range(ord("A"), ord("V"))]


def industry_analysis(
    *, activity, year=None, base=TOTAL, reference=ALL_REGIONS, start_year=None, level=2
):
    """The analysis of `activity` (an Activity) for the given choices.

    A choice the data does not hold falls back to its default: the newest year,
    the total, all regions, the earliest year for growth. Seven queries, whatever
    the number of regions and years.
    """
    code = activity.code
    employment = RegionalFigure.objects.filter(indicator=EMPLOYEES, value__isnull=False)
    industry = employment.filter(nace=code)

    # 1: the levels and years that have the industry's employment.
    found = set(industry.values_list("region__level", "year").distinct().order_by())
    levels = {found_level for found_level, _year in found}
    if level not in levels and levels:
        level = min(levels, key=lambda each: (abs(each - 2), each))
    years = sorted({found_year for found_level, found_year in found if found_level == level})
    years.reverse()
    year = _choice(year, years, years[0] if years else None)

    # 2: the countries with the industry's employment that year.
    codes = industry.filter(year=year, region__level=level).values_list(
        "region__country", flat=True
    )
    country_codes = sorted(set(codes.distinct().order_by()))
    named = sorted(((each, countries.name(each)) for each in country_codes), key=lambda c: c[1])
    references = [(ALL_REGIONS, _("all regions in the data")), *named]
    reference = _choice(reference, [each for each, _label in references], ALL_REGIONS)
    in_reference = {"region__level": level}
    if reference != ALL_REGIONS:
        in_reference["region__country"] = reference

    # 3: the bases with figures that year, and 4: the sections' names.
    base_codes = set(
        employment.filter(year=year, nace__in=[*TOTAL_CODES, *SECTIONS], **in_reference)
        .values_list("nace", flat=True)
        .distinct()
        .order_by()
    )
    total_code = next((each for each in TOTAL_CODES if each in base_codes), None)
    sections = sorted(base_codes & set(SECTIONS))
    names = dict(Activity.objects.filter(code__in=sections).values_list("code", "name"))
    bases = ([(TOTAL, _("all activities"))] if total_code else []) + [
        (section, f"{section} {names.get(section, '')}".strip()) for section in sections
    ]
    base = _choice(base, [each for each, _label in bases], bases[0][0] if bases else TOTAL)
    base_code = total_code if base == TOTAL else base

    earlier = [each for each in years if year is not None and each < year]
    start_year = _choice(start_year, earlier, earlier[-1] if earlier else None)

    # 5: the figures, as plain values: the industry's that year, the base's
    # employment that year, and the industry's employment in the first year.
    wanted = models.Q(year=year, nace=code) | models.Q(
        year=year, nace=base_code, indicator=EMPLOYEES
    )
    if start_year is not None:
        wanted |= models.Q(year=start_year, nace=code, indicator=EMPLOYEES)
    figures = (
        RegionalFigure.objects.filter(wanted, **in_reference)
        .values_list("region_id", "nace", "year", "indicator", "value", "source")
        .order_by()
    )
    by_region = {}
    sources = set()
    for region_id, nace, figure_year, indicator, value, source in figures:
        each = by_region.setdefault(region_id, computations.RegionFigures())
        if source:
            sources.add(source)
        if figure_year == year and nace == code:
            attribute = ATTRIBUTES.get(indicator)
            if attribute:
                setattr(each, attribute, value)
        if figure_year == year and nace == base_code and indicator == EMPLOYEES:
            each.base_employees = value
        if figure_year == start_year and nace == code and indicator == EMPLOYEES:
            each.start_employees = value
    # 6: their regions.
    regions = Region.objects.in_bulk(by_region)

    span = year - start_year if year is not None and start_year is not None else None
    measures = computations.measure(by_region, years=span)
    rows = [
        RegionRow(
            region=regions[key],
            employees=each.employees,
            base_employees=each.base_employees,
            enterprises=each.enterprises,
            **vars(measures[key]),
        )
        for key, each in by_region.items()
    ]
    rows.sort(key=lambda row: (row.lq is None, -(row.lq or 0), row.region.code))

    # 7: the industry's employment in the reference area, year by year.
    by_year = (
        industry.filter(**in_reference)
        .values_list("year")
        .annotate(employed=Sum("value"))
        .order_by("year")
    )
    return Analysis(
        activity=activity,
        year=year,
        years=years,
        base=base,
        bases=bases,
        reference=reference,
        references=references,
        start_year=start_year,
        level=level,
        rows=rows,
        sources=sorted(sources),
        employment_by_year=list(by_year),
    )


def _choice(value, allowed, default):
    """`value` if it is one of `allowed` (compared as text), else `default`."""
    for each in allowed:
        if str(each) == str(value):
            return each
    return default
