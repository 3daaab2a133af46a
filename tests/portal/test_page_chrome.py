"""The head's links, the header and the footer: rendered once per process for a language
and an address, the same as rendered for each page, and for each page in development."""

import re

import pytest
from django.test.signals import template_rendered

from portal.templatetags import portal as portal_tags

pytestmark = pytest.mark.django_db

CHROME = ("includes/site_head.html", "includes/site_header.html", "includes/site_footer.html")


@pytest.fixture
def rendered():
    """The names of the chrome's templates rendered, in order."""
    portal_tags._CHROME.clear()
    names = []

    def record(sender, template, context, **kwargs):
        if template.name in CHROME:
            names.append(template.name)

    template_rendered.connect(record)
    yield names
    template_rendered.disconnect(record)
    portal_tags._CHROME.clear()


def test_the_chrome_is_rendered_once_for_a_language_and_an_address(client, rendered):
    first = client.get("/it/privacy/")
    again = client.get("/it/privacy/")

    assert rendered == list(CHROME)
    assert again.content == first.content
    assert 'hreflang="de" href="http://testserver/de/privacy/"' in first.content.decode()


def test_another_language_query_or_host_has_its_own_chrome(client, rendered, settings):
    settings.ALLOWED_HOSTS = ["testserver", "klastry.example"]
    client.get("/it/offers/")
    client.get("/de/offers/")
    filtered = client.get("/it/offers/?kind=request").content.decode()
    other_host = client.get("/it/offers/", HTTP_HOST="klastry.example").content.decode()

    assert rendered == list(CHROME) * 4
    # The switcher keeps the query; the alternates name the host asked for.
    assert 'href="/de/offers/?kind=request"' in filtered
    assert 'href="http://klastry.example/pl/offers/"' in other_host


def test_the_page_that_names_the_current_section_is_its_own(client, rendered):
    offers = client.get("/pl/offers/").content.decode()
    directory = client.get("/pl/directory/").content.decode()

    def current(page):
        return re.findall(r'href="([^"]+)"\s+aria-current="page"', page)

    assert current(offers) == ["/pl/offers/"]
    assert current(directory) == ["/pl/directory/"]
    assert rendered == list(CHROME) * 2


def test_in_development_the_chrome_is_rendered_for_each_page(client, rendered, settings):
    settings.DEBUG = True
    client.get("/it/privacy/")
    client.get("/it/privacy/")

    assert rendered == list(CHROME) * 2
