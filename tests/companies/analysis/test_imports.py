"""Importing regional statistics: the long CSV and Eurostat's TSV, gzipped or not."""

import gzip
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from companies.analysis.imports import import_statistics, normalise_nace
from companies.models import Region, RegionalFigure, StatisticsImport

pytestmark = pytest.mark.django_db

CSV = (
    "\ufeffregion,region_name,nace,year,indicator,value,source\n"
    "PL84,Podlaskie,C10.5,2021,employees,9120,GUS BDL\n"
    "PL84,Podlaskie,C,2021,employees,81000.5,GUS BDL\n"
    "PL84,Podlaskie,TOTAL,2021,employees,:,GUS BDL\n"
    "PL84,Podlaskie,C1051,2021,wages,c,GUS BDL\n"
    "PL84,Podlaskie,28.3,2021,enterprises,,GUS BDL\n"
)

EUROSTAT = (
    "nace_r2,indic_sb,geo\\TIME_PERIOD\t2020 \t2021 \n"
    "C105,V16110,PL84\t8950 \t9120 p\n"
    "C105,V16110,FRK2\t: c\t:\n"
    "C105,V12150,PL84\t612.4 e\t650\n"
    "C105,V91290,PL84\t1\t2\n"
    "C105,V16110,EU27_2020\t350000\t351000\n"
)


def figures():
    return {
        (f.region.code, f.nace, f.year, f.indicator): (f.value, f.status, f.flags, f.source)
        for f in RegionalFigure.objects.select_related("region")
    }


def region(code, name, level, parent=None):
    # The migrations seed the countries and NUTS 2 regions: those are updated.
    return Region.objects.update_or_create(
        code=code,
        defaults={"name_pl": name, "level": level, "country": code[:2], "parent": parent},
    )[0]


@pytest.fixture
def poland():
    country = region("PL", "Polska", 0)
    macroregion = region("PL8", "Makroregion wschodni", 1, country)
    return {"PL": country, "PL8": macroregion, "PL84": region("PL84", "Podlaskie", 2, macroregion)}


def test_a_long_csv_is_imported_with_missing_and_confidential_figures_kept_as_missing(poland):
    result = import_statistics(data=CSV.encode(), file_name="podlaskie.csv")

    assert result.errors == []
    assert (result.created, result.updated, result.unchanged) == (5, 0, 0)
    assert result.statistics_import.format == "csv"
    assert result.statistics_import.summary["created"] == 5
    assert figures() == {
        ("PL84", "10.5", 2021, "employees"): (Decimal("9120.000"), "", "", "GUS BDL"),
        ("PL84", "C", 2021, "employees"): (Decimal("81000.500"), "", "", "GUS BDL"),
        ("PL84", "TOTAL", 2021, "employees"): (None, "missing", "", "GUS BDL"),
        ("PL84", "10.51", 2021, "wages"): (None, "confidential", "", "GUS BDL"),
        ("PL84", "28.3", 2021, "enterprises"): (None, "missing", "", "GUS BDL"),
    }
    assert set(RegionalFigure.objects.values_list("statistics_import", flat=True)) == {
        result.statistics_import.pk
    }


def test_a_csv_with_semicolons_and_no_optional_columns_is_read():
    data = b"region;nace;year;indicator;value\nPL84;28;2022;turnover;1500.25\n"

    result = import_statistics(data=data, file_name="obroty.csv", source="GUS")

    assert result.errors == []
    assert figures() == {
        ("PL84", "28", 2022, "turnover"): (Decimal("1500.250"), "", "", "GUS"),
    }


@pytest.mark.parametrize("packed", [False, True], ids=["plain", "gzip"])
def test_a_eurostat_file_is_imported_with_flags_skipping_other_indicators(poland, packed):
    data = EUROSTAT.encode()
    if packed:
        data = gzip.compress(data)

    result = import_statistics(data=data, file_name="sbs_r_nuts06_r2.tsv.gz")

    assert result.errors == []
    assert result.format == "eurostat"
    # Two years of V91290 and of the EU's total are not the portal's.
    assert (result.created, result.skipped) == (6, 4)
    assert result.regions_added == ["FRK2"]
    source = "Eurostat, sbs_r_nuts06_r2.tsv.gz"
    assert figures() == {
        ("PL84", "10.5", 2020, "employees"): (Decimal("8950.000"), "", "", source),
        ("PL84", "10.5", 2021, "employees"): (Decimal("9120.000"), "", "p", source),
        ("FRK2", "10.5", 2020, "employees"): (None, "confidential", "c", source),
        ("FRK2", "10.5", 2021, "employees"): (None, "missing", "", source),
        ("PL84", "10.5", 2020, "value_added"): (Decimal("612.400"), "", "e", source),
        ("PL84", "10.5", 2021, "value_added"): (Decimal("650.000"), "", "", source),
    }


def test_a_gzipped_csv_is_read_as_a_csv(poland):
    result = import_statistics(data=gzip.compress(CSV.encode()), file_name="podlaskie.csv.gz")

    assert (result.format, result.created, result.errors) == ("csv", 5, [])


def test_a_large_file_takes_a_few_queries_whatever_its_number_of_figures(
    poland, django_assert_max_num_queries
):
    rows = [
        f"PL84,C{division},{year},{indicator},{division * year}"
        for division in range(10, 34)
        for year in range(2000, 2024)
        for indicator in ["employees", "enterprises", "turnover", "value_added", "wages"]
    ]
    data = ("region,nace,year,indicator,value\n" + "\n".join(rows)).encode()

    # 2,880 figures: the regions, the figures there are, three batches of new ones.
    with django_assert_max_num_queries(12):
        created = import_statistics(data=data, file_name="duzy.csv")
    changed = data.replace(b",employees,", b",employees,1")
    with django_assert_max_num_queries(12):
        updated = import_statistics(data=changed, file_name="duzy.csv")

    assert (created.created, updated.updated, updated.unchanged) == (2880, 576, 2304)
    assert RegionalFigure.objects.count() == 2880


def test_the_dimensions_of_a_eurostat_file_are_found_by_name(poland):
    data = (
        b"freq,unit,indic_sb,nace_r2,geo\\time\t2021\n"
        b"A,NR,V11110,C28.3,PL84\t41\n"
        b"A,NR,V13320,C283,PL84\t52.5 p\n"
    )

    result = import_statistics(data=data, file_name="sbs.tsv", source="Eurostat 2023")

    assert result.errors == []
    assert figures() == {
        ("PL84", "28.3", 2021, "enterprises"): (Decimal("41.000"), "", "", "Eurostat 2023"),
        ("PL84", "28.3", 2021, "wages"): (Decimal("52.500"), "", "p", "Eurostat 2023"),
    }


def test_reimporting_the_same_figures_changes_nothing_and_a_changed_value_is_updated(poland):
    first = import_statistics(data=CSV.encode(), file_name="podlaskie.csv")
    before = figures()

    again = import_statistics(data=CSV.encode(), file_name="podlaskie.csv")

    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)
    assert figures() == before
    assert RegionalFigure.objects.count() == 5

    changed = CSV.replace("9120,GUS BDL", "9200,GUS BDL 2023")
    third = import_statistics(data=changed.encode(), file_name="podlaskie-2.csv")

    assert (third.created, third.updated, third.unchanged) == (0, 1, 4)
    dairy = RegionalFigure.objects.get(nace="10.5")
    assert (dairy.value, dairy.source, dairy.statistics_import) == (
        Decimal("9200.000"),
        "GUS BDL 2023",
        third.statistics_import,
    )
    assert RegionalFigure.objects.get(nace="C").statistics_import == first.statistics_import


BAD = (
    "region,nace,year,indicator,value\n"
    "PL84,C10.5,2021,employees,100\n"
    "XX12,C10.5,2021,employees,100\n"
    "PL84,C28,2021,employees,-5\n"
    "PL84,C28,2021,turnover,dużo\n"
    "PL84,C10.5,2021,employees,120\n"
    "PL841234,C,2021,employees,1\n"
)


def test_a_file_with_bad_lines_is_refused_whole_with_each_line_named(poland):
    regions = Region.objects.count()
    with translation.override("en"):
        result = import_statistics(data=BAD.encode(), file_name="zle.csv")

    assert result.statistics_import is None
    assert result.errors == [
        (3, "“XX12” cannot be a NUTS region code."),
        (4, "The value -5 is negative."),
        (5, "“dużo” is not a number."),
        (6, "The figure for PL84, 10.5, 2021, employees is also on line 2."),
        (7, "“PL841234” cannot be a NUTS region code."),
    ]
    assert RegionalFigure.objects.count() == 0
    assert StatisticsImport.objects.count() == 0
    assert Region.objects.count() == regions


def test_bad_lines_are_named_in_the_staff_members_language(poland):
    with translation.override("pl"):
        result = import_statistics(data=BAD.encode(), file_name="zle.csv")

    assert result.errors == [
        (3, "„XX12” nie może być kodem regionu NUTS."),
        (4, "Wartość -5 jest ujemna."),
        (5, "„dużo” nie jest liczbą."),
        (6, "Dane dla PL84, 10.5, 2021, employees są też w wierszu 2."),
        (7, "„PL841234” nie może być kodem regionu NUTS."),
    ]


def test_a_bad_line_of_a_eurostat_file_refuses_it_whole(poland):
    data = EUROSTAT.replace("612.4 e", "-612.4 e").replace("C105,V16110,FRK2", "C1X5,V16110,FRK2")

    with translation.override("en"):
        result = import_statistics(data=gzip.compress(data.encode()), file_name="sbs.tsv.gz")

    assert result.errors == [
        (3, "“C1X5” is not a NACE Rev. 2 code."),
        (4, "The value -612.4 is negative."),
    ]
    assert RegionalFigure.objects.count() == 0
    assert not Region.objects.filter(code="FRK2").exists()


def test_a_eurostat_header_with_a_bad_or_repeated_year_is_refused(poland):
    data = b"nace_r2,indic_sb,geo\\time\t2021 \tlast\t2021\nC105,V16110,PL84\t1\t2\t3\n"

    with translation.override("en"):
        result = import_statistics(data=data, file_name="sbs.tsv")

    assert result.errors == [
        (1, "“last” is not a year."),
        (1, "The year 2021 is twice in the header."),
    ]
    assert RegionalFigure.objects.count() == 0


def test_an_unknown_valid_code_is_added_under_its_longest_known_prefix(poland):
    data = (
        "region,region_name,nace,year,indicator,value\n"
        "PL841,Białostocki,C10.5,2021,employees,4000\n"
        "PL8,Makroregion,C10.5,2021,employees,20000\n"
        "EL65,Πελοπόννησος,C10.5,2021,employees,900\n"
    ).encode()

    dry = import_statistics(data=data, file_name="nowe.csv", dry_run=True)

    assert dry.regions_added == ["EL65", "PL841"]
    assert dry.created == 3
    assert not Region.objects.filter(code__in=["EL65", "PL841"]).exists()

    result = import_statistics(data=data, file_name="nowe.csv")

    assert result.regions_added == ["EL65", "PL841"]
    assert result.statistics_import.summary["regions_added"] == ["EL65", "PL841"]
    added = {
        r.code: (r.name, r.level, r.country.code, r.parent_id, r.added_by)
        for r in Region.objects.filter(code__in=["EL65", "PL841"])
    }
    assert added == {
        "EL65": ("Πελοπόννησος", 2, "GR", None, result.statistics_import),
        "PL841": ("Białostocki", 3, "PL", poland["PL84"].pk, result.statistics_import),
    }


def test_a_dry_run_counts_but_changes_nothing(poland):
    import_statistics(data=CSV.encode(), file_name="podlaskie.csv")
    changed = CSV.replace("9120,", "9300,") + "PL84,Podlaskie,C10.5,2022,employees,9400,GUS\n"

    result = import_statistics(data=changed.encode(), file_name="nowe.csv", dry_run=True)

    assert (result.created, result.updated, result.unchanged) == (1, 1, 4)
    assert result.statistics_import is None
    assert StatisticsImport.objects.count() == 1
    assert RegionalFigure.objects.get(nace="10.5").value == Decimal("9120.000")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("C", "C"),
        ("C10", "10"),
        ("10", "10"),
        ("C10.5", "10.5"),
        ("C105", "10.5"),
        ("10.5", "10.5"),
        ("C10.51", "10.51"),
        ("C1051", "10.51"),
        ("10.51", "10.51"),
        ("TOTAL", "TOTAL"),
        ("B-N_S95_X_K", "B-N_S95_X_K"),
        ("C10-C12", "C10-C12"),
    ],
)
def test_nace_codes_are_written_as_the_portals_activities(written, code):
    assert normalise_nace(written) == code


@pytest.mark.parametrize("written", ["C5", "A10", "Z", "04", "10.512", "C10;5"])
def test_what_is_no_nace_code_is_refused(written):
    from companies.analysis.imports import BadLine

    with pytest.raises(BadLine):
        normalise_nace(written)


def test_the_command_imports_a_file_and_refuses_a_bad_one(poland, tmp_path, capsys):
    good = tmp_path / "podlaskie.csv"
    good.write_text(CSV)
    bad = tmp_path / "zle.csv"
    bad.write_text(BAD)

    call_command("import_regional_statistics", str(good), "--dry-run")
    assert RegionalFigure.objects.count() == 0
    call_command("import_regional_statistics", str(good), "--source", "GUS")
    output = capsys.readouterr().out

    assert "Dry run, nothing changed: created 5, updated 0, unchanged 0, skipped 0" in output
    assert "Imported: created 5, updated 0, unchanged 0, skipped 0" in output
    assert set(RegionalFigure.objects.values_list("source", flat=True)) == {"GUS"}
    with pytest.raises(CommandError, match="5 bad line"):
        call_command("import_regional_statistics", str(bad))
    # The reasons are in the active language, the portal's default here.
    assert "line 3: „XX12” nie może być kodem regionu NUTS." in capsys.readouterr().err
    assert RegionalFigure.objects.count() == 5
