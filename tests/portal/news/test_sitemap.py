"""The sitemap lists the news readers see, in every language, and nothing else."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.utils import timezone

from tests.portal.news.factories import news_item

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_the_sitemap_lists_published_news_in_every_language(client):
    shown = news_item(slug="rusza-projekt")
    news_item(slug="szkic", published=False)
    news_item(slug="zaplanowana", at=timezone.now() + datetime.timedelta(days=1))

    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own output)
    locations = [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]
    news = sorted(location for location in locations if "/news/" in location)

    assert news == sorted(
        f"http://testserver/{code}/news/{shown.slug}/" for code, _name in settings.LANGUAGES
    )
