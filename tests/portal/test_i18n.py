import re

import pytest
from django.urls import reverse
from django.utils import translation

from portal.common.languages import LANGUAGE_CODES
from tests.factories import ClusterFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("it-IT,it;q=0.9,en;q=0.8", "/it/"),
        ("cs,en;q=0.5", "/cs/"),
        ("fr-FR,fr;q=0.9,de;q=0.8", "/de/"),
        ("ja", "/pl/"),
        ("", "/pl/"),
    ],
)
def test_root_sends_the_visitor_to_the_best_browser_language(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected


def test_every_page_has_a_prefix_lang_attribute_and_alternates(client):
    organisation = OrganisationFactory(slug="mleczarnia-narew")
    cluster = ClusterFactory(slug="dairy")
    names = [
        ("home", {}),
        ("privacy", {}),
        ("accessibility", {}),
        ("companies:organisation_list", {}),
        ("companies:organisation_map", {}),
        ("companies:organisation_detail", {"slug": organisation.slug}),
        ("companies:cluster_list", {}),
        ("companies:cluster_detail", {"slug": cluster.slug}),
    ]
    for language in LANGUAGE_CODES:
        for name, kwargs in names:
            with translation.override(language):
                address = reverse(name, kwargs=kwargs)
            assert address.startswith(f"/{language}/")
            response = client.get(address)
            page = response.content.decode()
            assert response.status_code == 200, address
            assert f'<html lang="{language}">' in page, address
            alternates = re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', page)
            assert [code for code, _href in alternates] == LANGUAGE_CODES, address
            assert all(href.startswith("http://testserver/") for _c, href in alternates)
            assert page.count("<h1") == 1, address
            assert '<main id="main"' in page and 'href="#main"' in page


def test_switcher_keeps_the_firm_and_the_filters(client):
    OrganisationFactory(slug="mleczarnia-narew")

    detail = client.get("/it/directory/mleczarnia-narew/").content.decode()
    filtered = client.get("/it/directory/?cluster=dairy&sort=-name&page=1").content.decode()

    assert re.search(r'href="/de/directory/mleczarnia-narew/"\s+hreflang="de"\s+lang="de"', detail)
    assert 'href="/cs/directory/?cluster=dairy&amp;sort=-name&amp;page=1"' in filtered
    assert re.search(r'href="/it/directory/mleczarnia-narew/"[^>]+aria-current="true">', detail)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_interface_is_translated(client, language):
    response = client.get(f"/{language}/directory/")
    page = response.content.decode()
    expected = {
        "pl": "Katalog firm i instytucji",
        "en": "Directory of firms and institutions",
        "de": "Verzeichnis",
        "it": "Elenco",
        "cs": "Katalog",
        "hu": "Cégek és intézmények",
        "ro": "Catalogul",
        "bg": "Каталог",
    }[language]
    assert expected in page
    if language != "en":
        assert "Directory of firms and institutions" not in page


def test_unknown_page_is_a_translated_404(client):
    response = client.get("/it/no-such-page/")

    assert response.status_code == 404
    assert '<html lang="it">' in response.content.decode()


def test_switcher_on_a_missing_page_points_to_the_other_languages(client):
    page = client.get("/it/no-such-page/?a=1").content.decode()

    assert 'href="http://testserver/de/no-such-page/?a=1"' in page
    assert re.search(r'href="/cs/no-such-page/\?a=1"\s+hreflang="cs"', page)


def test_a_forged_host_header_is_a_400_not_a_500(client):
    response = client.get("/en/directory/", headers={"host": "evil.example"})

    assert response.status_code == 400
    assert '<html lang="en">' in response.content.decode()
    assert "evil.example" not in response.content.decode()
