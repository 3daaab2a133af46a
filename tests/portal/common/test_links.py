"""Links the portal builds from the request path stay on the portal."""

import re

import pytest

pytestmark = pytest.mark.django_db

LANGUAGES = ["pl", "en", "de", "it", "cs", "hu", "ro", "bg"]


@pytest.mark.parametrize("path", ["//evil.example/", "///evil.example/x", "//evil.example"])
def test_the_language_links_of_a_page_not_found_stay_on_the_portal(client, path):
    # As sent on the wire: a client would read "//evil.example/" as another host.
    response = client.get("/", PATH_INFO=path.split("?")[0], HTTP_ACCEPT_LANGUAGE="it")

    assert response.status_code in (301, 404)
    page = response.content.decode()
    links = re.findall(r'<a href="([^"]*)"\s+hreflang', page)
    alternates = re.findall(r'<link rel="alternate" hreflang="[a-z]+" href="([^"]*)"', page)
    if response.status_code == 404:
        assert len(links) == len(LANGUAGES)
        assert len(alternates) == len(LANGUAGES)
    for link in links:
        assert link.startswith("/") and not link.startswith("//"), link
    for link in alternates:
        assert link.startswith("http://testserver/") and "//evil" not in link, link
    if response.status_code == 301:
        assert response["Location"].startswith("/") and not response["Location"].startswith("//")
