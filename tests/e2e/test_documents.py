"""The documents' list and a document's page in a browser: no WCAG 2.1 A/AA violation."""

import pytest
from playwright.sync_api import expect

from portal.documents.models import Document
from tests.e2e.conftest import axe_violations
from tests.factories import ClusterFactory
from tests.portal.documents.factories import make_document

# serialized_rollback keeps the reference data of migrations for the tests after these.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def documents(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    dairy = ClusterFactory(
        slug="dairy", name_pl="Przemysł mleczarski", name_it="Industria lattiero-casearia"
    )
    study = make_document(
        slug="studium-wykonalnosci",
        title_pl="Pilotażowe studium wykonalności centrum rozwoju klastrów",
        title_it="Studio pilota di fattibilità di un centro di sviluppo dei cluster",
        description_pl="Czy opłaca się utworzyć centrum rozwoju klastrów.",
        files=("pl", "en"),
        clusters=[dairy],
    )
    make_document(
        slug="prezentacja-grupy-fokusowej",
        kind=Document.Kind.PRESENTATION,
        title_pl="Prezentacja z grupy fokusowej w Białymstoku",
        files=("pl",),
        file_format="odt",
        clusters=[dairy],
    )
    return study


@pytest.mark.parametrize("language", ["pl", "it"])
@pytest.mark.parametrize(
    "path",
    ["/documents/", "/documents/?cluster=dairy&language=pl", "/documents/studium-wykonalnosci/"],
)
def test_no_wcag_violations(page, live_server, documents, language, path):
    page.goto(f"{live_server.url}/{language}{path}")
    page.wait_for_load_state("networkidle")

    assert axe_violations(page) == []
    assert page.foreign_requests == []


def test_an_italian_reader_finds_the_study_and_its_files(page, live_server, documents):
    page.goto(f"{live_server.url}/it/documents/")
    page.get_by_role("link", name="Studio pilota di fattibilità").click()

    expect(page.locator("h1")).to_have_text(
        "Studio pilota di fattibilità di un centro di sviluppo dei cluster"
    )
    expect(page.locator(".document-files [hreflang]")).to_have_count(2)
    with page.expect_download() as download:
        page.locator('.document-files [hreflang="pl"]').click()
    assert download.value.suggested_filename == "studium-wykonalnosci-pl.pdf"
