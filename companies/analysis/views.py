"""The public analysis pages: an industry's regions ranked, on a map and in charts.

A cluster's page reads its `statistics_activity`; an industry's page any NACE code
the portal knows. Both take the same choices from the query string (year, base,
reference area, growth start year, sort), fall back to the defaults for a value the
data does not hold, and offer a CSV of exactly the rows and columns they show.
"""

import csv
import json
import re
from decimal import Decimal
from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _

from companies.analysis.profile import kept_profile
from companies.analysis.selectors import ALL_REGIONS, TOTAL, industry_analysis
from companies.models import Activity, Cluster
from portal.common.fragments import kept_value
from portal.common.shown_text import text_in_language

# The columns a reader may sort by, and the row value each sorts on (regions by their
# NUTS code, which keeps each country's regions together).
SORT_KEYS = {
    "region": lambda row: row.region.code,
    "employees": lambda row: row.employees,
    "lq": lambda row: row.lq,
    "stars": lambda row: row.stars if _has_stars(row) else None,
    "productivity": lambda row: row.productivity_ratio,
    "growth": lambda row: row.growth,
}
DEFAULT_SORT = "-lq"
# The order a column sorts in at the first click: names A to Z, figures largest first.
FIRST_DIRECTION = {"region": ""}

COLUMNS = [
    ("region", _("Region")),
    ("code", _("NUTS code")),
    ("employees", _("Persons employed")),
    ("lq", _("Location quotient")),
    ("stars", _("Stars")),
    ("strong", _("Strong cluster")),
    ("average_size", _("Average enterprise size")),
    ("productivity", _("Productivity relative to the reference")),
    ("wages", _("Wages relative to the reference")),
    ("growth", _("Employment growth per year")),
]
# How many regions the chart of location quotients shows.
CHART_REGIONS = 15
# The map's shades: a quotient from each bound up to the next.
LQ_BANDS = [Decimal("0"), Decimal("0.5"), Decimal("1"), Decimal("1.5"), Decimal("2")]


def _has_stars(row):
    return any(
        star is not None for star in (row.size_star, row.specialisation_star, row.focus_star)
    )


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def read_choices(query):
    """The reader's choices from a query string; the selector drops those the data lacks."""
    base = query.get("base", TOTAL)
    reference = query.get("reference", ALL_REGIONS)
    sort = query.get("sort", DEFAULT_SORT)
    if sort.removeprefix("-") not in SORT_KEYS:
        sort = DEFAULT_SORT
    shown = query.get("show", "")
    return {
        "year": _int(query.get("year")),
        "base": base[:20] if isinstance(base, str) and base else TOTAL,
        "reference": reference[:10] if isinstance(reference, str) and reference else ALL_REGIONS,
        "start_year": _int(query.get("start")),
        "sort": sort,
        "show": shown[:2] if isinstance(shown, str) else "",
    }


def sorted_rows(rows, sort):
    """The rows in the order `sort` names; a region with no figure always comes last."""
    key = SORT_KEYS[sort.removeprefix("-")]
    known = [row for row in rows if key(row) is not None]
    unknown = [row for row in rows if key(row) is None]
    # Ties keep the selector's order (by LQ), then the region's code.
    known.sort(key=lambda row: row.region.code)
    known.sort(key=key, reverse=sort.startswith("-"))
    return known + unknown


def stars_text(row):
    """ "2 of 3: size, specialisation", in the reader's language."""
    if not _has_stars(row):
        return None
    names = [
        name
        for star, name in (
            (row.size_star, pgettext("cluster star", "size")),
            (row.specialisation_star, pgettext("cluster star", "specialisation")),
            (row.focus_star, pgettext("cluster star", "focus")),
        )
        if star
    ]
    if not names:
        return gettext("0 of 3")
    return ngettext("%(count)s of 3: %(names)s", "%(count)s of 3: %(names)s", len(names)) % {
        "count": len(names),
        "names": ", ".join(names),
    }


def strong_text(row):
    if row.strong is None:
        return gettext("unknown")
    return gettext("yes") if row.strong else gettext("no")


def table_line(row):
    """A row's figures after its region's name and code, in COLUMNS' order: each as the
    page shows it (None for "no figure"), its value and rounding for the CSV, and
    whether it is a number. The page writes numbers for the reader's language.
    """
    growth = None if row.growth is None else row.growth * 100
    figures = [
        (row.employees, "0g"),
        (row.lq, "2"),
        (stars_text(row), None),
        (strong_text(row), None),
        (row.average_size, "1"),
        (row.productivity_ratio, "2"),
        (row.wages_ratio, "2"),
        (growth, "1"),
    ]
    cells = []
    for value, places in figures:
        text = value if value is None or places is None else floatformat(value, places)
        cells.append({"text": text, "value": value, "places": places, "numeric": bool(places)})
    if growth is not None:
        cells[-1]["text"] += "\xa0%"
    # What the page's script sorts by in place: the values SORT_KEYS reads.
    keys = {key: read(row) for key, read in SORT_KEYS.items()}
    sort_values = json.dumps(
        {
            key: value if isinstance(value, str | None) else float(value)
            for key, value in keys.items()
        }
    )
    return {"row": row, "cells": cells, "sort_values": sort_values}


def csv_cells(line):
    """The cells of `line` in COLUMNS' order, rounded as the page rounds them, numbers
    written with a decimal point and no grouping, a missing figure left empty."""
    row = line["row"]
    cells = [row.region.name, row.region.code]
    for cell in line["cells"]:
        value, places = cell["value"], cell["places"]
        if value is None:
            cells.append("")
        elif places is None:
            cells.append(value)
        else:
            cells.append(floatformat(value, places.removesuffix("g") + "u"))
    return cells


def lq_band(lq):
    """The index of the map's shade for a quotient; None when it is missing."""
    if lq is None:
        return None
    return max(index for index, bound in enumerate(LQ_BANDS) if lq >= bound)


class AnalysisPage:
    """What both pages share: the choices read, the analysis, its rows in order."""

    def __init__(self, request, *, activity, cluster=None):
        self.activity = activity
        self.cluster = cluster
        choices = read_choices(request.GET)
        self.sort = choices.pop("sort")
        shown = choices.pop("show")
        self.analysis = (
            industry_analysis(activity=activity, **choices) if activity is not None else None
        )
        rows = self.analysis.rows if self.analysis else []
        # The countries whose regions the table may be narrowed to: the measures stay
        # those of the reference area.
        names = {row.region.country.code: row.region.country.name for row in rows}
        self.countries = sorted(names.items(), key=lambda country: country[1])
        self.show = shown if shown in names and len(names) > 1 else ""
        if self.show:
            rows = [row for row in rows if row.region.country.code == self.show]
        self.lines = [table_line(row) for row in sorted_rows(rows, self.sort)]

    def query(self, **changes):
        """The query string of the choices in effect, with `changes`."""
        analysis = self.analysis
        values = {
            "year": analysis.year,
            "base": analysis.base,
            "reference": analysis.reference,
            "start": analysis.start_year,
            "show": self.show or None,
            "sort": self.sort,
        }
        values.update(changes)
        return urlencode({key: value for key, value in values.items() if value is not None})

    def headers(self):
        """The table's headers: a link that sorts by the column, and its aria-sort."""
        current = self.sort.removeprefix("-")
        descending = self.sort.startswith("-")
        headers = []
        for key, label in COLUMNS:
            header = {"key": key, "label": capfirst(label), "url": None, "aria_sort": None}
            if key in SORT_KEYS and self.analysis:
                if key == current:
                    header["aria_sort"] = "descending" if descending else "ascending"
                    direction = "" if descending else "-"
                else:
                    direction = FIRST_DIRECTION.get(key, "-")
                header["url"] = "?" + self.query(sort=direction + key)
            headers.append(header)
        return headers

    def csv_url(self, name, kwargs):
        return reverse(name, kwargs=kwargs) + "?" + self.query()

    def map_data(self):
        return {
            line["row"].region.code: {
                "name": line["row"].region.name,
                "lq": None if line["row"].lq is None else float(line["row"].lq),
                "band": lq_band(line["row"].lq),
            }
            for line in self.lines
        }

    def chart_data(self):
        ranked = [line["row"] for line in self.lines if line["row"].lq is not None]
        ranked.sort(key=lambda row: row.lq, reverse=True)
        top = ranked[:CHART_REGIONS]
        employment = self.analysis.employment_by_year
        return {
            "labels": [f"{row.region.name} ({row.region.code})" for row in top],
            "values": [float(round(row.lq, 2)) for row in top],
            "label": gettext("Location quotient"),
            "years": [year for year, _employed in employment],
            "employment": [float(employed) for _year, employed in employment],
            "employment_label": gettext("Persons employed"),
        }

    def context(self, csv_name, csv_kwargs):
        context = {
            **page_context(self.activity, self.cluster),
            "analysis": self.analysis,
            "lines": self.lines,
        }
        if self.analysis and self.analysis.year is not None:
            analysis = self.analysis
            chart = self.chart_data()
            context.update(
                headers=self.headers(),
                sort=self.sort,
                show=self.show,
                countries=self.countries if len(self.countries) > 1 else [],
                csv_url=self.csv_url(csv_name, csv_kwargs),
                base_label=dict(analysis.bases).get(analysis.base, analysis.base),
                reference_label=dict(analysis.references).get(
                    analysis.reference, analysis.reference
                ),
                map_data=self.map_data(),
                chart_data=chart,
                has_figures=True,
                legend=[
                    {"index": index, "low": low, "high": (LQ_BANDS[index + 1 :] or [None])[0]}
                    for index, low in enumerate(LQ_BANDS)
                ],
                chart_regions=len(chart["values"]),
                start_years=[year for year in analysis.years if year < analysis.year],
                # A line needs two years at least.
                employment_by_year=(
                    analysis.employment_by_year if len(analysis.employment_by_year) > 1 else []
                ),
            )
        return context

    def csv_response(self, file_stem):
        analysis = self.analysis
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        year = analysis.year if analysis else None
        file_name = f"{file_stem}-{self.activity.code}-{year or 'none'}.csv"
        response["Content-Disposition"] = f'attachment; filename="{file_name}"'
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow([capfirst(label) for _key, label in COLUMNS])
        for line in self.lines:
            writer.writerow(csv_cells(line))
        return response


# The choices a kept body may be kept for: those the data can hold. Anything else is
# computed for its request and not kept, so that no query string fills the cache.
CHOICE_PATTERNS = {
    "base": re.compile(r"(TOTAL|[A-U])\Z"),
    "reference": re.compile(rf"({ALL_REGIONS}|[A-Z]{{2}})\Z"),
    "show": re.compile(r"([A-Z]{2})?\Z"),
}


def keepable(choices):
    years = (choices["year"], choices["start_year"])
    return all(year is None or 1900 <= year <= 2100 for year in years) and all(
        pattern.match(choices[name]) for name, pattern in CHOICE_PATTERNS.items()
    )


def analysis_body(request, *, activity, cluster, csv_name, csv_kwargs):
    """The rendered analysis (choices, table, map, charts, method) and its scripts' data.

    Kept, per language, until a figure, region, cluster or activity changes (the
    "statistics" pages' generation, companies/apps.py): ranking hundreds of regions
    and rendering their rows is the page's cost, and it is the same for every reader.
    """

    def build():
        page = AnalysisPage(request, activity=activity, cluster=cluster)
        context = page.context(csv_name, csv_kwargs)
        return {
            "body": render_to_string("companies/analysis/_analysis.html", context),
            "has_figures": context.get("has_figures", False),
            "map_data": context.get("map_data"),
            "chart_data": context.get("chart_data"),
        }

    choices = read_choices(request.GET)
    if not keepable(choices):
        body = build()
    else:
        key = ":".join(
            str(value)
            for value in (
                "analysis",
                activity.pk,
                cluster.pk if cluster else "-",
                *(
                    choices[name]
                    for name in ("year", "base", "reference", "start_year", "sort", "show")
                ),
            )
        )
        body = kept_value("statistics", key, build)
    # The body is a template's output, escaped there.
    return {**body, "body": mark_safe(body["body"])}  # noqa: S308


def page_context(activity, cluster):
    if activity is None:
        return {"activity": None, "cluster": cluster}
    # Its name in the reader's language, else the first language that has it.
    name = text_in_language(activity, "name")
    return {
        "activity": activity,
        "activity_name": name.text,
        "activity_language": name.language,
        "cluster": cluster,
    }


def _cluster(slug):
    return get_object_or_404(Cluster.objects.select_related("statistics_activity"), slug=slug)


def _activity(code):
    return get_object_or_404(Activity, code=code)


def cluster_analysis(request, slug):
    cluster = _cluster(slug)
    activity = cluster.statistics_activity
    context = page_context(activity, cluster)
    if activity is not None:
        context.update(
            analysis_body(
                request,
                activity=activity,
                cluster=cluster,
                csv_name="companies:cluster_analysis_csv",
                csv_kwargs={"slug": slug},
            )
        )
    # What the cluster's own organisations say, beside the statistics (kept: counting
    # a cluster's offers and questionnaires is slow; a visitor's page may show it up to
    # a minute old, as the page is kept that long).
    context["profile"] = kept_profile(cluster=cluster)
    return render(request, "companies/analysis/cluster_analysis.html", context)


def cluster_analysis_csv(request, slug):
    cluster = _cluster(slug)
    if cluster.statistics_activity is None:
        raise Http404
    page = AnalysisPage(request, activity=cluster.statistics_activity, cluster=cluster)
    return page.csv_response(cluster.slug)


def industry_analysis_page(request, code):
    activity = _activity(code)
    context = page_context(activity, None)
    context.update(
        analysis_body(
            request,
            activity=activity,
            cluster=None,
            csv_name="companies:industry_analysis_csv",
            csv_kwargs={"code": code},
        )
    )
    return render(request, "companies/analysis/industry_analysis.html", context)


def industry_analysis_csv(request, code):
    page = AnalysisPage(request, activity=_activity(code))
    return page.csv_response("nace")
