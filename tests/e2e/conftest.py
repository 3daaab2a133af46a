"""Browser tests: Playwright driving Debian's chromium against the live server."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connections

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser(django_db_setup, django_db_blocker):
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does)")
    # Playwright's sync API runs an event loop in this thread, while the tests
    # still talk to the database synchronously.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # Its event loop also makes Django look up database connections in another
    # storage: the connection found there must still know the data that tests with
    # serialized_rollback restore after each flush (reference data of migrations).
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    try:
        with sync_playwright() as playwright:
            for alias, contents in serialized.items():
                connections[alias]._test_serialized_contents = contents
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser, live_server, settings):
    """A page whose requests may only go to the live server.

    The CSP is bypassed only so that axe-core can be injected; every request to
    another host is refused and recorded.
    """
    settings.MAP_TILE_URL = live_server.url + "/static/tiles/{z}/{x}/{y}.png"
    context = browser.new_context(bypass_csp=True, locale="it-IT")
    page = context.new_page()
    page.foreign_requests = []
    server_host = urlsplit(live_server.url).netloc

    def guard(route):
        if urlsplit(route.request.url).netloc == server_host:
            route.continue_()
        else:
            page.foreign_requests.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    yield page
    context.close()


def axe_violations(page):
    """WCAG 2.1 A and AA violations that axe-core finds on the page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
        })"""
    )
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


def choose_language(page, name):
    """Switch the page to the language named `name` (in that language) with the header's
    language menu: open it, follow the language's link."""
    page.locator("header .language-menu summary").click()
    page.locator("header .language-menu").get_by_role("link", name=name, exact=True).click()
