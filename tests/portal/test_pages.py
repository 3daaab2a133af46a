import re

import pytest
from django.db import DatabaseError, connection

from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_health_page_answers_with_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"].startswith("max-age=0")


def test_health_page_is_503_when_the_database_does_not_answer(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = client.get("/healthz")

    assert response.status_code == 503


PRIVACY_TITLES = {
    "pl": "Informacja o przetwarzaniu danych osobowych",
    "en": "Privacy notice",
    "de": "Datenschutzhinweise",
    "it": "Informativa sulla privacy",
    "cs": "Informace o zpracování osobních údajů",
    "hu": "Adatkezelési tájékoztató",
    "ro": "Notă de informare privind protecția datelor cu caracter personal",
    "bg": "Информация за обработването на лични данни",
}
ACCESSIBILITY_TITLES = {
    "pl": "Deklaracja dostępności",
    "en": "Accessibility statement",
    "de": "Erklärung zur Barrierefreiheit",
    "it": "Dichiarazione di accessibilità",
    "cs": "Prohlášení o přístupnosti",
    "hu": "Akadálymentesítési nyilatkozat",
    "ro": "Declarație de accesibilitate",
    "bg": "Декларация за достъпност",
}


@pytest.mark.parametrize("language", PRIVACY_TITLES)
def test_privacy_notice_is_written_in_each_language(client, language):
    page = client.get(f"/{language}/privacy/").content.decode()

    assert f"<h1>{PRIVACY_TITLES[language]}" in page
    # The supervisory authority, the controller's data protection officer.
    assert "ul. Stawki 2, 00-193 Warszawa" in page
    assert 'href="mailto:iod@podlaskie.eu"' in page


@pytest.mark.parametrize("language", ACCESSIBILITY_TITLES)
def test_accessibility_statement_is_written_in_each_language(client, language):
    page = client.get(f"/{language}/accessibility/").content.decode()

    assert f"<h1>{ACCESSIBILITY_TITLES[language]}" in page
    assert "WCAG" in page and "2.1" in page
    assert 'href="mailto:klastry@podlaskie.eu"' in page
    assert '<time datetime="2026-11-28">' in page


def test_footer_links_the_privacy_notice_and_accessibility_statement(client):
    page = client.get("/hu/").content.decode()

    assert 'href="/hu/privacy/"' in page
    assert 'href="/hu/accessibility/"' in page


def test_content_security_policy_with_nonce_and_security_headers(client):
    OrganisationFactory()

    response = client.get("/pl/directory/map/")

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert re.search(r"script-src 'self'( 'nonce-[\w+/=-]+')?;", policy)
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize(
    "address",
    ["/pl/", "/pl/directory/", "/pl/directory/map/", "/pl/clusters/", "/pl/privacy/"],
)
def test_pages_have_no_inline_script_or_style_and_nothing_from_another_host(client, address):
    page = client.get(address).content.decode()

    for tag in re.findall(r"<script[^>]*>", page):
        assert 'src="/static/' in tag, tag
    assert "<style" not in page
    assert " style=" not in page
    for link in re.findall(r'(?:src|href)="(https?://[^"]+)"', page):
        assert link.startswith("http://testserver/"), link


def test_favicon_is_served_from_our_static_files(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.svg"
    assert 'rel="icon" href="/static/favicon.svg"' in client.get("/pl/").content.decode()
