"""The arithmetic of cluster analysis, on plain numbers.

Nothing here reads the database: each function takes figures (Decimals, or None
where the data has no figure) and returns a figure, or None when an input it
needs is missing. A missing figure is never taken as zero, and a division by
zero is a missing result. DOMAIN.md names the measures:

- location quotient LQ = (E_ir / E_r) / (E_i / E);
- the European Cluster Observatory's stars: size (the region's employment in
  the industry in the top 10% of regions), specialisation (LQ >= 2), focus (the
  industry's share of the region's base in the top 10% of regions);
- the US Cluster Mapping Project's "strong cluster": LQ in the top quarter of
  regions and at least 1, with employment and enterprises above the bottom
  quarter;
- apparent labour productivity and wages per person employed, each relative to
  the reference area; the compound annual growth rate; average enterprise size.

"Top 10%" of n regions with a figure means a rank of at most ceil(n / 10), where
a region's rank is one more than the number of regions with a larger figure (so
ties share the better rank); the bottom quarter counts the same way from below.
"""

import bisect
import math
from dataclasses import dataclass
from decimal import Decimal

TOP_TENTH = Decimal("0.1")
QUARTER = Decimal("0.25")
SPECIALISED = Decimal(2)


def ratio(numerator, denominator):
    """numerator / denominator, or None if either is missing or the denominator is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return Decimal(numerator) / Decimal(denominator)


def total(values):
    """The sum of the figures that exist, or None when none does."""
    known = [Decimal(value) for value in values if value is not None]
    return sum(known, Decimal(0)) if known else None


def location_quotient(*, industry_region, base_region, industry_reference, base_reference):
    """(E_ir / E_r) / (E_i / E)."""
    return ratio(ratio(industry_region, base_region), ratio(industry_reference, base_reference))


def in_top_of(values, fraction):
    """{key: whether its figure ranks in the top `fraction`} of `values`, a map of
    each region to its figure (or None: then None, for a region without one)."""
    known = sorted(value for value in values.values() if value is not None)
    places = math.ceil(len(known) * fraction)
    # A rank is one more than the number of larger figures.
    return {
        key: None if value is None else len(known) - bisect.bisect_right(known, value) < places
        for key, value in values.items()
    }


def in_bottom_of(values, fraction):
    """{key: whether its figure ranks in the bottom `fraction`} of `values`."""
    known = sorted(value for value in values.values() if value is not None)
    places = math.ceil(len(known) * fraction)
    # Counted from below: one more than the number of smaller figures.
    return {
        key: None if value is None else bisect.bisect_left(known, value) < places
        for key, value in values.items()
    }


def in_top(values, key, fraction):
    """Whether values[key] ranks in the top `fraction` of the values that exist."""
    return in_top_of(values, fraction).get(key)


def in_bottom(values, key, fraction):
    """Whether values[key] ranks in the bottom `fraction` of the values that exist."""
    return in_bottom_of(values, fraction).get(key)


def all_of(*conditions):
    """Three-valued "and": False if any is False, else None if any is unknown, else True."""
    if any(condition is False for condition in conditions):
        return False
    if any(condition is None for condition in conditions):
        return None
    return True


def negation(condition):
    return None if condition is None else not condition


def specialisation_star(lq):
    return None if lq is None else lq >= SPECIALISED


def strong_cluster(*, lq, top_lq, bottom_employees, bottom_enterprises):
    """The US Cluster Mapping test for one region, given its standing among the regions."""
    return all_of(
        top_lq,
        None if lq is None else lq >= 1,
        negation(bottom_employees),
        negation(bottom_enterprises),
    )


def growth_rate(*, start, end, years):
    """The compound annual growth rate from `start` to `end` over `years` years."""
    if start is None or end is None or not years or years <= 0 or start <= 0 or end < 0:
        return None
    # In floating point: exact to far more places than a rate is shown with.
    return Decimal(repr(math.pow(float(end) / float(start), 1 / years))) - 1


@dataclass
class RegionFigures:
    """One region's figures for the year analysed; None where the data has none."""

    employees: Decimal | None = None  # E_ir: persons employed in the industry
    base_employees: Decimal | None = None  # E_r: persons employed in the base
    enterprises: Decimal | None = None
    value_added: Decimal | None = None
    wages: Decimal | None = None
    start_employees: Decimal | None = None  # E_ir in the growth rate's first year


@dataclass
class Measures:
    share: Decimal | None = None
    lq: Decimal | None = None
    size_star: bool | None = None
    specialisation_star: bool | None = None
    focus_star: bool | None = None
    strong: bool | None = None
    average_size: Decimal | None = None
    productivity: Decimal | None = None
    productivity_ratio: Decimal | None = None
    wages_per_employee: Decimal | None = None
    wages_ratio: Decimal | None = None
    growth: Decimal | None = None


def reference_ratio(figures, numerator):
    """Σ numerator / Σ employees over the regions that have both figures."""
    pairs = [
        (getattr(each, numerator), each.employees)
        for each in figures.values()
        if getattr(each, numerator) is not None and each.employees is not None
    ]
    return ratio(total(n for n, _e in pairs), total(e for _n, e in pairs))


def measure(figures, *, years=None):
    """Every region's measures, against the reference area the regions make up.

    `figures` maps each region of the reference area to its RegionFigures;
    `years` is the span of the growth rate. The reference totals E_i and E are the
    sums of the regions' figures that exist.
    """
    industry_reference = total(each.employees for each in figures.values())
    base_reference = total(each.base_employees for each in figures.values())
    productivity_reference = reference_ratio(figures, "value_added")
    wages_reference = reference_ratio(figures, "wages")

    results = {}
    for key, each in figures.items():
        productivity = ratio(each.value_added, each.employees)
        wages_per_employee = ratio(each.wages, each.employees)
        results[key] = Measures(
            share=ratio(each.employees, each.base_employees),
            lq=location_quotient(
                industry_region=each.employees,
                base_region=each.base_employees,
                industry_reference=industry_reference,
                base_reference=base_reference,
            ),
            average_size=ratio(each.employees, each.enterprises),
            productivity=productivity,
            productivity_ratio=ratio(productivity, productivity_reference),
            wages_per_employee=wages_per_employee,
            wages_ratio=ratio(wages_per_employee, wages_reference),
            growth=growth_rate(start=each.start_employees, end=each.employees, years=years),
        )

    employees = {key: each.employees for key, each in figures.items()}
    enterprises = {key: each.enterprises for key, each in figures.items()}
    largest = in_top_of(employees, TOP_TENTH)
    most_focused = in_top_of({key: each.share for key, each in results.items()}, TOP_TENTH)
    top_lq = in_top_of({key: each.lq for key, each in results.items()}, QUARTER)
    fewest_employed = in_bottom_of(employees, QUARTER)
    fewest_enterprises = in_bottom_of(enterprises, QUARTER)
    for key, each in results.items():
        each.size_star = largest[key]
        each.specialisation_star = specialisation_star(each.lq)
        each.focus_star = most_focused[key]
        each.strong = strong_cluster(
            lq=each.lq,
            top_lq=top_lq[key],
            bottom_employees=fewest_employed[key],
            bottom_enterprises=fewest_enterprises[key],
        )
    return results
