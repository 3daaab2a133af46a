"""The demo news: Polish items, some translated, one scheduled; a second load adds none."""

import pytest
from django.utils import timezone

from portal.news import demo, selectors
from portal.news.models import NewsItem

pytestmark = pytest.mark.django_db


def test_the_demo_news_load_once_with_one_scheduled_and_some_translated():
    first = demo.load_demo_data()
    second = demo.load_demo_data()

    items = NewsItem.objects.all()
    shown = set(selectors.published().values_list("slug", flat=True))
    assert (first["news_created"], second["news_created"]) == (5, 0)
    assert all(item.title_pl and item.clusters.exists() for item in items)
    assert {item.slug for item in items if item.title_it} >= {
        "projekt-rozwoj-klastrow-przemyslowych"
    }
    assert [item.slug for item in items if item.publish_at > timezone.now()] == [
        "studium-wykonalnosci-centrum-klastrowego"
    ]
    assert "studium-wykonalnosci-centrum-klastrowego" not in shown
    assert len(shown) == 4
    assert (
        "<strong>identyfikacja potencjalnych klastrów</strong>"
        in NewsItem.objects.get(slug="projekt-rozwoj-klastrow-przemyslowych").body_pl
    )
