"""The admin's import of regional statistics: a dry run, the import, and who may do it."""

import gzip
from decimal import Decimal

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from companies.models import Cluster, Organisation, Region, RegionalFigure, StatisticsImport
from portal.roles import EDITOR, MODERATOR, TRANSLATOR
from tests.factories import OrganisationFactory
from tests.helpers import sign_in

pytestmark = pytest.mark.django_db

CSV = (
    "region,region_name,nace,year,indicator,value,source\n"
    "PL84,Podlaskie,C10.5,2021,employees,9120,GUS BDL\n"
    "PL84,Podlaskie,C10.5,2021,wages,c,GUS BDL\n"
    "FRK2,Auvergne-Rhône-Alpes,C10.5,2021,employees,31000,ISTAT\n"
)
EUROSTAT = "nace_r2,indic_sb,geo\\time\t2021\nC283,V16110,PL84\t5400 p\nC283,V11110,PL84\t:\n"


def upload(content, name="dane.csv"):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def import_url():
    return reverse("admin:companies_statisticsimport_import")


@pytest.fixture
def podlaskie():
    # Seeded by the migrations.
    return Region.objects.get(code="PL84")


def test_a_dry_run_shows_the_summary_and_changes_nothing(client, roles, podlaskie):
    sign_in(client, EDITOR)

    with translation.override("en"):
        response = client.post(
            reverse("admin:companies_statisticsimport_import"),
            {"file": upload(CSV.encode()), "source": "", "_dry_run": "1"},
        )

    assert response.status_code == 200
    result = response.context["result"]
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    assert result.regions_added == ["FRK2"]
    page = response.content.decode()
    assert "Dry run: nothing was changed" in page
    assert "<td>FRK2</td>" in page
    assert "<td>long CSV</td>" in page
    assert RegionalFigure.objects.count() == 0
    assert StatisticsImport.objects.count() == 0
    assert not Region.objects.filter(code="FRK2").exists()
    assert not LogEntry.objects.exists()


def test_the_import_writes_the_figures_and_the_admin_log(client, roles, podlaskie):
    sign_in(client, EDITOR)

    response = client.post(
        import_url(),
        {"file": upload(gzip.compress(EUROSTAT.encode()), "sbs.tsv.gz"), "_import": "1"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:companies_statisticsimport_changelist")
    statistics_import = StatisticsImport.objects.get()
    assert (statistics_import.file_name, statistics_import.format, statistics_import.source) == (
        "sbs.tsv.gz",
        "eurostat",
        "Eurostat, sbs.tsv.gz",
    )
    assert statistics_import.imported_by.username == EDITOR
    assert statistics_import.summary["created"] == 2
    assert sorted(RegionalFigure.objects.values_list("indicator", "value", "status", "flags")) == [
        ("employees", Decimal("5400.000"), "", "p"),
        ("enterprises", None, "missing", ""),
    ]
    entry = LogEntry.objects.get()
    assert (entry.action_flag, entry.object_id, entry.user.username) == (
        ADDITION,
        str(statistics_import.pk),
        EDITOR,
    )
    listing = client.get(reverse("admin:companies_statisticsimport_changelist"))
    assert "utworzone: 2, zaktualizowane: 0, bez zmian: 0, pominięte: 0" in listing.content.decode()


def test_a_bad_file_lists_every_bad_line_in_polish_and_imports_nothing(client, roles, podlaskie):
    sign_in(client, EDITOR)
    bad = CSV + (
        "PL84,Podlaskie,C10.5,2021,employees,-3,GUS\n"
        "QQ1,Nowy,C10.5,2021,employees,1,\n"
        "PL84,Podlaskie,10.5,2021,wages,10,GUS\n"
    )

    with translation.override("pl"):
        response = client.post(import_url(), {"file": upload(bad.encode()), "_import": "1"})

    assert response.status_code == 200
    assert response.context["result"].errors == [
        (5, "Wartość -3 jest ujemna."),
        (6, "„QQ1” nie może być kodem regionu NUTS."),
        (7, "Dane dla PL84, 10.5, 2021, wages są też w wierszu 3."),
    ]
    page = response.content.decode()
    assert "Nie można zaimportować pliku" in page
    assert "„QQ1” nie może być kodem regionu NUTS." in page
    assert RegionalFigure.objects.count() == 0
    assert StatisticsImport.objects.count() == 0


def test_the_list_links_the_import_page_for_who_may_import(client, roles):
    sign_in(client, EDITOR)

    listing = client.get(reverse("admin:companies_statisticsimport_changelist"))

    assert import_url() in listing.content.decode()


@pytest.mark.parametrize("role", [MODERATOR, TRANSLATOR])
def test_staff_without_the_permission_cannot_import(client, roles, podlaskie, role):
    sign_in(client, role)

    page = client.get(import_url())
    posted = client.post(import_url(), {"file": upload(CSV.encode()), "_import": "1"})

    assert (page.status_code, posted.status_code) == (403, 403)
    assert RegionalFigure.objects.count() == 0
    assert StatisticsImport.objects.count() == 0


def test_a_moderator_sees_the_imports_without_the_import_link(client, roles):
    sign_in(client, MODERATOR)

    listing = client.get(reverse("admin:companies_statisticsimport_changelist"))

    assert listing.status_code == 200
    assert import_url() not in listing.content.decode()


def test_organisations_and_clusters_take_their_region_and_statistics_activity(
    client, admin_user, podlaskie
):
    organisation = OrganisationFactory()
    client.force_login(admin_user)

    page = client.get(reverse("admin:companies_organisation_change", args=[organisation.pk]))
    found = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "companies",
            "model_name": "organisation",
            "field_name": "nuts_region",
            "term": "podla",
        },
    )

    cluster = client.get(
        reverse("admin:companies_cluster_change", args=[Cluster.objects.get(slug="dairy").pk])
    )

    assert 'name="nuts_region"' in page.content.decode()
    assert 'name="statistics_activity"' in cluster.content.decode()
    assert [item["id"] for item in found.json()["results"]] == [str(podlaskie.pk)]
    assert Organisation.objects.get(pk=organisation.pk).nuts_region is None
