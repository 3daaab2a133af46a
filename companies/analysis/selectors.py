"""What an analysis page shows, read in a fixed number of queries.

`industry_analysis` loads one industry's figures, its base's and the growth
start year's for the regions of a reference area, and hands them to
`computations`. The number of queries does not depend on how many regions or
years the data holds.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from companies.models import Activity, Region

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


def industry_analysis(
    *, activity, year=None, base=TOTAL, reference=ALL_REGIONS, start_year=None, level=2
):
    """The analysis of `activity` (an Activity) for the given choices.

    A choice the data does not hold falls back to its default: the newest year,
    the total, all regions, the earliest year for growth.
    """
    raise NotImplementedError
