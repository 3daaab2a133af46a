"""The news in a browser: axe-core finds no WCAG 2.1 A/AA violation on its pages, and
an editor writes an item in the admin's rich-text editor under the portal's CSP."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from companies.models import Cluster
from portal.news.models import NewsItem
from portal.roles import EDITOR
from tests.e2e.conftest import axe_violations
from tests.helpers import add_roles

# serialized_rollback keeps the reference data of migrations for the tests after these.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def news():
    dairy = Cluster.objects.get(slug="dairy")
    for number in range(3):
        item = NewsItem.objects.create(
            slug=f"wiadomosc-{number}",
            title_pl=f"Grupa fokusowa {number}",
            lead_pl="Przedstawiciele firm mleczarskich spotkali się w Białymstoku.",
            body_pl="<p>Rozmawiano o <strong>potrzebach</strong> firm.</p>",
            is_published=True,
            publish_at=timezone.now() - datetime.timedelta(hours=number + 1),
        )
        item.clusters.set([dairy])
    item = NewsItem.objects.create(
        slug="rusza-projekt",
        title_pl="Rusza projekt „Rozwój klastrów przemysłowych”",
        title_it="Parte il progetto “Sviluppo dei cluster industriali”",
        lead_pl="Urząd bierze udział w projekcie.",
        body_pl="<h2>Cztery grupy działań</h2><ul><li><p>analiza branż</p></li></ul>"
        '<p><a href="https://example.org/">Interreg</a></p>',
        is_published=True,
    )
    item.clusters.set([dairy])
    return item


@pytest.mark.parametrize("language", ["pl", "it"])
@pytest.mark.parametrize("path", ["/news/", "/news/?cluster=dairy", "/news/rusza-projekt/"])
def test_no_wcag_violations(page, live_server, news, language, path):
    page.goto(f"{live_server.url}/{language}{path}")
    page.wait_for_load_state("networkidle")

    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


def test_an_editor_writes_an_item_in_the_rich_text_editor(browser, live_server):
    add_roles()
    editor = User.objects.create_user("redakcja", "redakcja@urzad.example", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    signed_in = Client()
    signed_in.force_login(editor)
    session = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
    # The portal's CSP applies here (the `page` fixture bypasses it for axe-core).
    context = browser.new_context()
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    page = context.new_page()

    page.goto(live_server.url + "/pl/admin/news/newsitem/add/")
    page.wait_for_load_state("networkidle")
    editor_area = page.locator(".ProseMirror:visible").first
    white_space = editor_area.evaluate("node => getComputedStyle(node).whiteSpace")
    page.fill("#id_title_pl", "Rusza projekt")
    page.fill("#id_slug", "rusza-projekt")
    editor_area.click()
    page.keyboard.type("Cel  projektu.")
    page.check("#id_is_published")
    page.click("input[name=_save]")
    page.wait_for_load_state("networkidle")
    context.close()

    item = NewsItem.objects.get()
    assert white_space == "pre-wrap"  # our admin CSS, as the editor's own style is refused
    assert item.body_pl == "<p>Cel  projektu.</p>"
    assert item.author == editor
