"""Reading regional statistics files into NUTS regions and regional figures.

Two formats, told apart by their header (either may be gzipped: its magic bytes say so):

- a long CSV, one figure a line: `region,region_name,nace,year,indicator,value,source`
  (`region_name` and `source` optional), UTF-8 with or without a BOM, comma or
  semicolon between cells. An empty value or `:` is a missing figure, `c` or `: c`
  a confidential one;
- Eurostat's regional structural business statistics as downloaded: a TSV, gzipped
  or not, whose first header cell names the dimensions (`nace_r2,indic_sb,geo\\time`
  or `...\\TIME_PERIOD`, others such as `freq` may come first) and whose other
  header cells are the years; `:` for a missing figure, flags after a value
  (`12345 p`, `: c`). Indicators other than the five the portal reads are skipped.

`import_statistics` reads a whole file and writes it in one transaction, or, for a
dry run, works out the same result and writes nothing. A file with any bad line
writes nothing: the result lists every bad line with its number (the header is
line 1) and the reason, in the active language.
"""

import csv
import gzip
import io
import re
import zlib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from modeltranslation.settings import DEFAULT_LANGUAGE

from companies.analysis.models import (
    Region,
    RegionalFigure,
    StatisticsImport,
    country_of_code,
)

Indicator = RegionalFigure.Indicator
Status = RegionalFigure.Status

# The country prefixes of NUTS codes: the EU's members (Greece as EL) and the
# EFTA and candidate countries Eurostat's regional tables cover.
NUTS_PREFIXES = frozenset(
    {
        *("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU"),
        *("IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"),
        *("CH", "NO", "IS", "LI", "UK", "ME", "MK", "AL", "RS", "TR"),
    }
)
REGION_CODE = re.compile(r"^[A-Z]{2}[A-Z0-9]{0,3}$")
# Eurostat's aggregates of countries (EU27_2020, EA20, EU28): not regions, skipped.
COUNTRY_AGGREGATE = re.compile(r"^(EU|EA)(\d|_|$)")

# NACE Rev. 2 sections and the divisions each holds.
SECTION_DIVISIONS = {
    "A": (1, 3),
    "B": (5, 9),
    "C": (10, 33),
    "D": (35, 35),
    "E": (36, 39),
    "F": (41, 43),
    "G": (45, 47),
    "H": (49, 53),
    "I": (55, 56),
    "J": (58, 63),
    "K": (64, 66),
    "L": (68, 68),
    "M": (69, 75),
    "N": (77, 82),
    "O": (84, 84),
    "P": (85, 85),
    "Q": (86, 88),
    "R": (90, 93),
    "S": (94, 96),
    "T": (97, 98),
    "U": (99, 99),
}
NACE_CODE = re.compile(r"^([A-U])?(\d{2})(?:\.?(\d{1,2}))?$")
NACE_AGGREGATE = re.compile(r"^[A-Z0-9.]+(?:[-_][A-Z0-9.]+)+$")
NACE_MAX_LENGTH = RegionalFigure._meta.get_field("nace").max_length

# Eurostat's indic_sb codes of the five indicators the portal reads.
EUROSTAT_INDICATORS = {
    "V16110": Indicator.EMPLOYEES,  # persons employed
    "V11110": Indicator.ENTERPRISES,  # number of enterprises
    "V12110": Indicator.TURNOVER,  # turnover
    "V12150": Indicator.VALUE_ADDED,  # value added at factor cost
    "V13320": Indicator.WAGES,  # wages and salaries
}

CSV_COLUMNS = ["region", "region_name", "nace", "year", "indicator", "value", "source"]
CSV_REQUIRED = ["region", "nace", "year", "indicator", "value"]
FIRST_YEAR = 1990
# An unpacked file larger than this is refused (a whole table of NUTS 2
# regions is a few megabytes).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
VALUE_PLACES = Decimal("0.001")
VALUE_LIMIT = Decimal(10) ** (
    RegionalFigure._meta.get_field("value").max_digits
    - RegionalFigure._meta.get_field("value").decimal_places
)
BATCH_SIZE = 1000


@dataclass
class ImportResult:
    """What an import did, or, for a dry run or a refused file, would have done."""

    format: str
    file_name: str
    source: str = ""
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Figures the portal does not read: other Eurostat indicators, aggregates of countries.
    skipped: int = 0
    # Codes of the regions the file brings that the portal did not know.
    regions_added: list = field(default_factory=list)
    # (line number, reason), in the order of the file.
    errors: list = field(default_factory=list)
    dry_run: bool = False
    statistics_import: StatisticsImport | None = None

    @property
    def format_label(self):
        return StatisticsImport.Format(self.format).label if self.format else ""

    @property
    def refused(self):
        return bool(self.errors)

    def summary(self):
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "regions_added": self.regions_added,
        }


@dataclass
class ParsedFigure:
    line: int
    region: str
    nace: str
    year: int
    indicator: str
    value: Decimal | None
    status: str
    flags: str = ""
    source: str = ""
    region_name: str = ""

    @property
    def key(self):
        return (self.region, self.nace, self.year, self.indicator)


class BadLine(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def import_statistics(*, data, file_name, source="", by=None, dry_run=False):
    """Read a statistics file (bytes or a binary file object) and import it.

    One transaction: a file with any bad line changes nothing. With `dry_run` nothing
    is written and the result says what an import would do. `source` replaces the
    file's own (the CSV's column; "Eurostat, <file name>" for a Eurostat file).
    """
    raw = data if isinstance(data, bytes) else data.read()
    result = ImportResult(format="", file_name=file_name, dry_run=dry_run)
    figures = _parse(raw, file_name, source.strip(), result)
    if result.errors:
        return result
    if dry_run:
        _plan(figures, result, statistics_import=None)
        return result
    with transaction.atomic():
        statistics_import = StatisticsImport.objects.create(
            file_name=file_name[:255],
            format=result.format,
            source=result.source[:300],
            imported_by=by,
        )
        _plan(figures, result, statistics_import=statistics_import)
        statistics_import.summary = result.summary()
        statistics_import.save(update_fields=["summary"])
    result.statistics_import = statistics_import
    return result


# Reading


def _parse(raw, file_name, source, result):
    """The file's figures; bad lines go to result.errors."""
    if raw[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(raw)) as unpacked:
                raw = unpacked.read(MAX_UNPACKED_BYTES + 1)
        except (OSError, EOFError, zlib.error):
            result.errors.append((1, gettext("The file is not a valid gzip file.")))
            return []
        if len(raw) > MAX_UNPACKED_BYTES:
            result.errors.append((1, gettext("The unpacked file is too large.")))
            return []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.errors.append((1, gettext("The file is not UTF-8 text.")))
        return []
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        result.errors.append((1, gettext("The file is empty.")))
        return []
    header = lines[0]
    # Eurostat's first header cell names its dimensions: nace_r2,indic_sb,geo\time.
    if "\\" in header.split("\t")[0]:
        result.format = StatisticsImport.Format.EUROSTAT
        result.source = source or f"Eurostat, {file_name}"
        figures = _parse_eurostat(lines, result)
    else:
        result.format = StatisticsImport.Format.CSV
        result.source = source
        figures = _parse_csv(text, source, result)
    if not result.errors and not figures and not result.skipped:
        result.errors.append((1, gettext("The file holds no figures.")))
    _check_duplicates(figures, result)
    result.errors.sort(key=lambda error: error[0])
    return figures


def _parse_csv(text, source, result):
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [cell.strip().lower() for cell in next(reader)]
    missing = [name for name in CSV_REQUIRED if name not in header]
    if missing:
        result.errors.append(
            (
                1,
                gettext("The header lacks the columns: %(columns)s.")
                % {"columns": ", ".join(missing)},
            )
        )
        return []
    position = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    figures = []
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        row = {
            name: cells[index].strip() if index < len(cells) else ""
            for name, index in position.items()
        }
        reasons = []
        for name in CSV_REQUIRED[:-1]:
            if not row[name]:
                reasons.append(gettext("The column %(column)s is empty.") % {"column": name})
        if reasons:
            result.errors.extend((line, reason) for reason in reasons)
            continue
        region = row["region"].upper()
        if COUNTRY_AGGREGATE.match(region):
            result.skipped += 1
            continue
        parsed = {}
        for name, read, text in [
            ("region", _region_code, region),
            ("nace", normalise_nace, row["nace"]),
            ("year", _year, row["year"]),
            ("indicator", _indicator, row["indicator"]),
            ("value", _csv_value, row["value"]),
        ]:
            try:
                parsed[name] = read(text)
            except BadLine as bad:
                reasons.append(bad.reason)
        if reasons:
            result.errors.extend((line, reason) for reason in reasons)
            continue
        value, status = parsed["value"]
        figures.append(
            ParsedFigure(
                line=line,
                region=parsed["region"],
                nace=parsed["nace"],
                year=parsed["year"],
                indicator=parsed["indicator"],
                value=value,
                status=status,
                source=source or row.get("source", ""),
                region_name=row.get("region_name", ""),
            )
        )
    return figures


def _parse_eurostat(lines, result):
    header = lines[0].split("\t")
    dimensions = [name.strip().lower() for name in header[0].split("\\", 1)[0].split(",")]
    indicator_dimension = "indic_sb" if "indic_sb" in dimensions else "indic_sbs"
    missing = [name for name in ["nace_r2", indicator_dimension, "geo"] if name not in dimensions]
    if missing:
        result.errors.append(
            (
                1,
                gettext("The header lacks the dimensions: %(dimensions)s.")
                % {"dimensions": ", ".join(missing)},
            )
        )
        return []
    at = {name: dimensions.index(name) for name in ["nace_r2", indicator_dimension, "geo"]}
    years = []
    for cell in header[1:]:
        try:
            year = _year(cell)
        except BadLine as bad:
            result.errors.append((1, bad.reason))
            continue
        if year in years:
            result.errors.append(
                (1, gettext("The year %(year)s is twice in the header.") % {"year": year})
            )
        years.append(year)
    if result.errors:
        return []
    figures = []
    for number, text in enumerate(lines[1:], start=2):
        if not text.strip():
            continue
        cells = text.split("\t")
        keys = [key.strip() for key in cells[0].split(",")]
        if len(keys) != len(dimensions) or len(cells) != len(header):
            result.errors.append(
                (
                    number,
                    gettext("The line has %(cells)s cells; the header has %(expected)s.")
                    % {
                        "cells": f"{len(keys)} + {len(cells) - 1}",
                        "expected": f"{len(dimensions)} + {len(header) - 1}",
                    },
                )
            )
            continue
        indicator = EUROSTAT_INDICATORS.get(keys[at[indicator_dimension]].upper())
        region = keys[at["geo"]].upper()
        if indicator is None or COUNTRY_AGGREGATE.match(region):
            result.skipped += len(cells) - 1
            continue
        reasons = []
        try:
            region = _region_code(region)
        except BadLine as bad:
            reasons.append(bad.reason)
        try:
            nace = normalise_nace(keys[at["nace_r2"]])
        except BadLine as bad:
            reasons.append(bad.reason)
        values = []
        for year, cell in zip(years, cells[1:], strict=True):
            try:
                values.append((year, *_eurostat_value(cell)))
            except BadLine as bad:
                reasons.append(bad.reason)
        if reasons:
            result.errors.extend((number, reason) for reason in reasons)
            continue
        figures.extend(
            ParsedFigure(
                line=number,
                region=region,
                nace=nace,
                year=year,
                indicator=indicator,
                value=value,
                status=status,
                flags=flags,
                source=result.source,
            )
            for year, value, status, flags in values
        )
    return figures


def _check_duplicates(figures, result):
    first_line = {}
    for figure in figures:
        seen = first_line.setdefault(figure.key, figure.line)
        if seen != figure.line:
            result.errors.append(
                (
                    figure.line,
                    gettext(
                        "The figure for %(region)s, %(nace)s, %(year)s, %(indicator)s "
                        "is also on line %(line)s."
                    )
                    % {
                        "region": figure.region,
                        "nace": figure.nace,
                        "year": figure.year,
                        "indicator": figure.indicator,
                        "line": seen,
                    },
                )
            )


def is_nuts_code(code):
    """Whether `code` can be a NUTS code of some version: a NUTS country, then 0-3 characters."""
    return bool(REGION_CODE.match(code)) and code[:2] in NUTS_PREFIXES


def _region_code(code):
    if not is_nuts_code(code):
        raise BadLine(gettext("“%(code)s” cannot be a NUTS region code.") % {"code": code})
    return code


def normalise_nace(code):
    """The portal's Activity code of a NACE Rev. 2 code as a file writes it.

    C stays C; C10 and 10 are 10; C10.5, C105 and 10.5 are 10.5; C10.51, C1051 and
    10.51 are 10.51; TOTAL and Eurostat's aggregates (B-N_S95_X_K, C10-C12) stay as
    written. Raises BadLine for anything else.
    """
    written = code.strip().upper()
    if written == "TOTAL" or written in SECTION_DIVISIONS:
        return written
    match = NACE_CODE.match(written)
    if match:
        section, division, rest = match.groups()
        ranges = [SECTION_DIVISIONS[section]] if section else SECTION_DIVISIONS.values()
        if any(first <= int(division) <= last for first, last in ranges):
            return f"{division}.{rest}" if rest else division
    elif NACE_AGGREGATE.match(written) and len(written) <= NACE_MAX_LENGTH:
        return written
    raise BadLine(gettext("“%(code)s” is not a NACE Rev. 2 code.") % {"code": code.strip()})


def _year(text):
    text = text.strip()
    last = timezone.now().year + 1
    try:
        year = int(text)
    except ValueError:
        raise BadLine(gettext("“%(value)s” is not a year.") % {"value": text}) from None
    if not FIRST_YEAR <= year <= last:
        raise BadLine(
            gettext("The year %(year)s is not between %(first)s and %(last)s.")
            % {"year": year, "first": FIRST_YEAR, "last": last}
        )
    return year


def _indicator(text):
    indicator = text.strip().lower()
    if indicator not in Indicator.values:
        raise BadLine(
            gettext("“%(indicator)s” is not an indicator; use one of: %(indicators)s.")
            % {"indicator": text.strip(), "indicators": ", ".join(Indicator.values)}
        )
    return indicator


def _number(text):
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise BadLine(gettext("“%(value)s” is not a number.") % {"value": text}) from None
    if not value.is_finite():
        raise BadLine(gettext("“%(value)s” is not a number.") % {"value": text})
    if value < 0:
        raise BadLine(gettext("The value %(value)s is negative.") % {"value": text})
    if value >= VALUE_LIMIT:
        raise BadLine(gettext("The value %(value)s is too large.") % {"value": text})
    return value.quantize(VALUE_PLACES)


def _csv_value(text):
    """(value, status) of a CSV's value cell."""
    written = " ".join(text.split()).lower()
    if written in {"", ":"}:
        return None, Status.MISSING
    if written in {"c", ": c", ":c"}:
        return None, Status.CONFIDENTIAL
    return _number(text), Status.AVAILABLE


def _eurostat_value(text):
    """(value, status, flags) of a Eurostat cell: `123`, `123 p`, `:`, `: c`."""
    number, _space, flags = text.strip().partition(" ")
    if not number or number.startswith(":"):
        flags = "".join((number[1:] + flags).split()).lower()
        status = Status.CONFIDENTIAL if "c" in flags else Status.MISSING
        return None, status, flags[:10]
    return _number(number), Status.AVAILABLE, "".join(flags.split()).lower()[:10]


# Writing


def _plan(figures, result, *, statistics_import):
    """Count what the figures change and, with an import, write it."""
    regions = _regions(figures, result, statistics_import=statistics_import)
    keys = {(regions[f.region], f.nace, f.year, f.indicator) for f in figures if regions[f.region]}
    existing = {}
    if keys:
        rows = RegionalFigure.objects.filter(
            region_id__in={key[0] for key in keys},
            nace__in={key[1] for key in keys},
            year__in={key[2] for key in keys},
            indicator__in={key[3] for key in keys},
        ).only("id", "region_id", "nace", "year", "indicator", "value", "status", "flags")
        existing = {
            (row.region_id, row.nace, row.year, row.indicator): row
            for row in rows
            if (row.region_id, row.nace, row.year, row.indicator) in keys
        }
    to_create, to_update = [], []
    for figure in figures:
        region_id = regions[figure.region]
        row = existing.get((region_id, figure.nace, figure.year, figure.indicator))
        new_figure = RegionalFigure(
            region_id=region_id,
            nace=figure.nace,
            year=figure.year,
            indicator=figure.indicator,
            value=figure.value,
            status=figure.status,
            flags=figure.flags,
            source=figure.source[:300],
            statistics_import=statistics_import,
        )
        if row is None:
            result.created += 1
            to_create.append(new_figure)
        elif (row.value, row.status, row.flags) == (figure.value, figure.status, figure.flags):
            result.unchanged += 1
        else:
            result.updated += 1
            to_update.append(new_figure)
    if statistics_import is None:
        return
    # New figures and those that replace a row, in one statement a batch (INSERT ...
    # ON CONFLICT DO UPDATE): far quicker than an UPDATE ... CASE of every row, and
    # a figure another import wrote meanwhile is replaced rather than a crash.
    RegionalFigure.objects.bulk_create(
        to_create + to_update,
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["region", "nace", "year", "indicator"],
        update_fields=["value", "status", "flags", "source", "statistics_import"],
    )


def _regions(figures, result, *, statistics_import):
    """{code: region id} of the file's regions, adding those the portal lacks.

    In a dry run a region to add has no id (None); its figures all count as new.
    """
    codes = {figure.region for figure in figures}
    prefixes = {code[:length] for code in codes for length in range(2, len(code) + 1)}
    known = dict(Region.objects.filter(code__in=prefixes).values_list("code", "id"))
    names = {}
    for figure in figures:
        if figure.region_name and not names.get(figure.region):
            names[figure.region] = figure.region_name
    new_codes = sorted(codes - set(known), key=lambda code: (len(code), code))
    result.regions_added = new_codes
    if statistics_import is None:
        return {**known, **dict.fromkeys(new_codes)}
    # Shorter codes first: a new region may be the parent of a longer new one.
    for length in sorted({len(code) for code in new_codes}):
        level = [
            _new_region(code, names.get(code, ""), known, statistics_import)
            for code in new_codes
            if len(code) == length
        ]
        # One another import added meanwhile is kept as it is.
        Region.objects.bulk_create(level, ignore_conflicts=True)
        codes_of_level = [region.code for region in level]
        known.update(Region.objects.filter(code__in=codes_of_level).values_list("code", "id"))
    return known


def _new_region(code, name, known, statistics_import):
    parent = next(
        (known[code[:length]] for length in range(len(code) - 1, 1, -1) if code[:length] in known),
        None,
    )
    name = (name or code)[:200]
    region = Region(
        code=code,
        level=len(code) - 2,
        country=country_of_code(code),
        parent_id=parent,
        added_by=statistics_import,
    )
    # The name as the file writes it, in the portal's source language.
    setattr(region, f"name_{DEFAULT_LANGUAGE}", name)
    return region
