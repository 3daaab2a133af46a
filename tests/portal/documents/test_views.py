import re

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from companies.models import Cluster
from portal.documents import services
from portal.documents.models import Document
from tests.helpers import count_queries
from tests.portal.documents import files
from tests.portal.documents.factories import make_document

pytestmark = pytest.mark.django_db


def url(name, reader="pl", **kwargs):
    with translation.override(reader):
        return reverse(f"documents:{name}", kwargs=kwargs or None)


def listed(response):
    return [document.slug for document in response.context["object_list"]]


def routes_exist(*names):
    try:
        for name in names:
            reverse(name, kwargs={"slug": "x"})
    except NoReverseMatch:
        return False
    return True


@pytest.fixture
def documents():
    dairy = Cluster.objects.get(slug="dairy")
    machinery = Cluster.objects.get(slug="agricultural-machinery")
    return {
        "study": make_document(slug="studium", files=("pl", "en"), clusters=[dairy, machinery]),
        "presentation": make_document(
            slug="prezentacja", kind=Document.Kind.PRESENTATION, files=("pl",), clusters=[dairy]
        ),
        "methodology": make_document(
            slug="metodologia",
            kind=Document.Kind.METHODOLOGY,
            files=("de",),
            file_format="odt",
            clusters=[machinery],
        ),
        "draft": make_document(slug="szkic", is_published=False, clusters=[dairy]),
        "scheduled": make_document(
            slug="pozniej", published_at=timezone.now() + timezone.timedelta(days=3)
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["studium", "prezentacja", "metodologia"]),
        ("?kind=presentation", ["prezentacja"]),
        ("?cluster=dairy", ["studium", "prezentacja"]),
        ("?cluster=agricultural-machinery", ["studium", "metodologia"]),
        ("?language=en", ["studium"]),
        ("?language=de&cluster=agricultural-machinery", ["metodologia"]),
        ("?language=it", []),
    ],
)
def test_the_list_shows_published_documents_by_the_filters(client, documents, query, expected):
    response = client.get(url("document_list") + query)

    assert response.status_code == 200
    assert listed(response) == expected


def test_the_list_says_what_each_document_is_and_its_languages(client, documents):
    page = client.get(url("document_list", "en")).content.decode()

    assert "3 documents found" in page
    assert 'href="/en/documents/studium/" lang="pl">Dokument' in page
    assert re.search(r"Polish \(PDF\),\s+English \(PDF\)", page)
    assert "German (ODT)" in page
    assert "Szkic" not in page and "/documents/szkic/" not in page
    assert 'action=""' not in page


@pytest.mark.parametrize("query", ["?kind=poem", "?cluster=none", "?language=xx"])
def test_a_bad_filter_shows_its_error_not_an_empty_list(client, documents, query):
    response = client.get(url("document_list", "en") + query)

    assert response.status_code == 200
    assert response.context["filter"].form.errors
    assert b'class="invalid-feedback"' in response.content


def test_the_list_pages(client, settings, documents):
    settings.DIRECTORY_PAGE_SIZE = 2

    first = client.get(url("document_list"))
    second = client.get(url("document_list") + "?page=2")
    beyond = client.get(url("document_list") + "?page=3")

    assert listed(first) == ["studium", "prezentacja"]
    assert listed(second) == ["metodologia"]
    assert 'href="?page=2"' in first.content.decode()
    assert beyond.status_code == 404


def test_the_page_shows_the_document_and_its_languages_the_readers_first(client, documents):
    study = documents["study"]
    study.title_en = "Feasibility study"
    study.description_en = ""
    study.save()

    page = client.get(url("document_detail", "en", slug="studium")).content.decode()

    assert '<h1 lang="en">Feasibility study</h1>' in page
    assert '<div lang="pl"><p>Opis dokumentu.</p></div>' in page
    assert "Language of the text shown: Polish" in page
    assert "This document exists in 2 languages:" in page
    links = re.findall(
        r'<a href="(/en/documents/studium/\w+/)"\s+hreflang="(\w+)"\s+type="([^"]+)"\s+download>'
        r"(\w+)</a>\s*<span[^>]*>\(PDF, ([^)]+)\)",
        page,
    )
    size = f"{study.files.get(language='en').size}\xa0bytes"
    assert [link[:4] for link in links] == [
        ("/en/documents/studium/en/", "en", "application/pdf", "English"),
        ("/en/documents/studium/pl/", "pl", "application/pdf", "Polish"),
    ]
    assert links[0][4].replace(",", ".") == size or links[0][4].endswith("KB")
    assert "Study" in page
    assert 'href="/en/clusters/dairy/"' in page


def test_the_page_in_polish_lists_the_polish_file_first(client, documents):
    page = client.get(url("document_detail", "pl", slug="studium")).content.decode()

    assert page.index('hreflang="pl"') < page.index('hreflang="en"')
    assert "Język tekstu" not in page  # the Polish texts are the reader's


@pytest.mark.parametrize("slug", ["szkic", "pozniej", "nie-ma"])
def test_a_document_not_published_has_no_page_and_no_file(client, documents, slug):
    assert client.get(url("document_detail", slug=slug)).status_code == 404
    assert client.get(url("document_download", slug=slug, language="pl")).status_code == 404


def test_the_file_is_downloaded_as_an_attachment_from_the_storage(client, documents):
    response = client.get(url("document_download", "it", slug="studium", language="en"))
    stored = documents["study"].files.get(language="en")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="studium-en.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert int(response["Content-Length"]) == stored.size
    with stored.file.open("rb") as original:
        assert b"".join(response.streaming_content) == original.read()


def test_an_odf_file_has_its_own_type(client, documents):
    response = client.get(url("document_download", slug="metodologia", language="de"))

    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert response["Content-Disposition"] == 'attachment; filename="metodologia-de.odt"'


@pytest.mark.parametrize("language", ["it", "xx", "PL"])
def test_a_language_without_a_file_is_not_found(client, documents, language):
    assert (
        client.get(url("document_download", slug="studium", language=language)).status_code == 404
    )


def test_a_file_gone_from_the_storage_is_not_found(client, documents):
    stored = documents["study"].files.get(language="pl")
    stored.file.storage.delete(stored.file.name)

    assert client.get(url("document_download", slug="studium", language="pl")).status_code == 404


@pytest.mark.skipif(
    not routes_exist("events:event_detail"), reason="the events' pages are not routed yet"
)
def test_the_page_links_the_published_events_that_name_it(client, documents):
    from portal.events.models import Event

    start = timezone.now() + timezone.timedelta(days=10)
    event = Event.objects.create(
        slug="grupa-fokusowa",
        kind=Event.Kind.FOCUS_GROUP,
        status=Event.Status.PUBLISHED,
        title_pl="Grupa fokusowa w Białymstoku",
        starts_at=start,
        ends_at=start,
    )
    draft = Event.objects.create(
        slug="szkic-wydarzenia",
        kind=Event.Kind.WORKSHOP,
        title_pl="Szkic",
        starts_at=start,
        ends_at=start,
    )
    for related in (event, draft):
        related.documents.add(documents["study"])

    page = client.get(url("document_detail", slug="studium")).content.decode()

    assert f'<a href="{event.get_absolute_url()}" lang="pl">Grupa fokusowa w Białymstoku' in page
    assert "szkic-wydarzenia" not in page


def test_the_page_links_the_published_news_that_name_it(client, documents):
    from portal.news.models import NewsItem

    published = NewsItem.objects.create(
        slug="studium-gotowe", title_pl="Studium gotowe", is_published=True
    )
    scheduled = NewsItem.objects.create(
        slug="studium-jutro",
        title_pl="Studium jutro",
        is_published=True,
        publish_at=timezone.now() + timezone.timedelta(days=1),
    )
    draft = NewsItem.objects.create(slug="studium-szkic", title_pl="Szkic", is_published=False)
    for related in (published, scheduled, draft):
        related.documents.add(documents["study"])

    page = client.get(url("document_detail", "it", slug="studium")).content.decode()

    assert "Notizie correlate" in page
    assert f'<a href="{published.get_absolute_url()}" lang="pl">Studium gotowe</a>' in page
    assert "studium-jutro" not in page and "studium-szkic" not in page


# Queries: the list and a page take a fixed number, however many documents, files
# and clusters there are.
LIST_QUERIES = 5
DETAIL_QUERIES = 5


def test_the_list_and_page_take_a_fixed_number_of_queries(client, documents):
    address = {
        "list": url("document_list"),
        "filtered": url("document_list") + "?cluster=dairy&language=pl&kind=study",
        "detail": url("document_detail", slug="studium"),
    }
    few = {name: count_queries(client, path) for name, path in address.items()}
    dairy = Cluster.objects.get(slug="dairy")
    for _number in range(12):
        make_document(files=("pl", "en", "de"), clusters=[dairy])
    for language in ("de", "it", "cs"):
        services.document_file_store(
            document=documents["study"], language=language, content=files.pdf(), name="s.pdf"
        )
    many = {name: count_queries(client, path) for name, path in address.items()}

    assert few == many
    assert many == {"list": LIST_QUERIES, "filtered": LIST_QUERIES + 1, "detail": DETAIL_QUERIES}
