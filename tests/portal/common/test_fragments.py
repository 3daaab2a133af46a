"""Parts of pages kept rendered: read back in one cache call, per language, retired with
their kind's pages, kept briefly just after a write, and not needed when the cache
server is down."""

import datetime
import logging

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone, translation

from portal.common.fragments import KeptCount, kept_part, kept_parts, kept_value
from portal.common.page_cache import forget_pages
from tests import unreachable_cache


class Renderer:
    """Renders `<p>key n</p>` for each key asked, counting the keys rendered."""

    def __init__(self):
        self.rendered = []

    def __call__(self, keys):
        parts = {}
        for key in keys:
            self.rendered.append(key)
            parts[key] = f"<p>{key} {len(self.rendered)}</p>"
        return parts


def test_a_part_is_rendered_once_and_read_back_with_the_others(settings):
    settings.FRAGMENT_CACHE_SECONDS = 300
    render = Renderer()

    first = kept_parts("offers", ["a", "b"], render)
    again = kept_parts("offers", ["b", "c", "a"], render)

    assert render.rendered == ["a", "b", "c"]
    assert list(again) == ["b", "c", "a"]
    assert again["a"] == first["a"] == "<p>a 1</p>"
    assert str(again["c"]) == "<p>c 3</p>"
    # Read back as HTML, not escaped again.
    assert hasattr(again["a"], "__html__")


def test_nothing_is_kept_when_the_setting_is_zero(settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    render = Renderer()

    kept_parts("offers", ["a"], render)
    kept_parts("offers", ["a"], render)

    assert render.rendered == ["a", "a"]


def test_each_language_has_its_own_parts(settings):
    settings.FRAGMENT_CACHE_SECONDS = 300
    render = Renderer()

    with translation.override("pl"):
        polish = kept_part("offers", "a", lambda: render(["a"])["a"])
    with translation.override("it"):
        italian = kept_part("offers", "a", lambda: render(["a"])["a"])
    with translation.override("pl"):
        polish_again = kept_part("offers", "a", lambda: render(["a"])["a"])

    assert (polish, italian, polish_again) == ("<p>a 1</p>", "<p>a 2</p>", "<p>a 1</p>")


def test_forgetting_a_kind_retires_its_parts_and_no_others(settings):
    settings.FRAGMENT_CACHE_SECONDS = 300
    render = Renderer()
    kept_parts("offers", ["a"], render)
    kept_parts("directory", ["a"], render)

    forget_pages("offers")
    kept_parts("offers", ["a"], render)
    kept_parts("directory", ["a"], render)

    assert render.rendered == ["a", "a", "a"]


def test_a_part_lives_at_most_its_seconds_and_briefly_just_after_a_write(settings):
    settings.FRAGMENT_CACHE_SECONDS = 300
    render = Renderer()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        kept_parts("offers", ["short"], render, seconds=60)
        traveller.shift(datetime.timedelta(seconds=61))
        kept_parts("offers", ["short"], render, seconds=60)
        assert render.rendered == ["short", "short"]

        forget_pages("offers")  # a write: what is rendered now is kept 5 seconds
        kept_parts("offers", ["settling"], render)
        traveller.shift(datetime.timedelta(seconds=6))
        kept_parts("offers", ["settling"], render)
        traveller.shift(datetime.timedelta(seconds=30))  # long after the write
        kept_parts("offers", ["settling"], render)
        kept_parts("offers", ["settling"], render)

    assert render.rendered == ["short", "short", "settling", "settling", "settling"]


def test_a_part_its_renderer_leaves_out_is_not_shown(settings):
    settings.FRAGMENT_CACHE_SECONDS = 300

    parts = kept_parts("offers", ["here", "gone"], lambda keys: {"here": "<p>here</p>"})

    assert parts == {"here": "<p>here</p>"}


@pytest.mark.django_db
def test_a_count_is_kept_and_retired_with_its_kind(settings, django_user_model):
    settings.FRAGMENT_CACHE_SECONDS = 300
    django_user_model.objects.create_user("first")
    counted = KeptCount(django_user_model.objects.order_by("pk"), "directory", "count:users")

    before = counted.count()
    django_user_model.objects.create_user("second")
    still = counted.count()
    forget_pages("directory")

    assert (before, still, counted.count(), len(counted)) == (1, 1, 2, 2)
    assert [user.username for user in counted[0:2]] == ["first", "second"]


def test_with_the_cache_down_parts_are_rendered_and_a_warning_logged(settings, caplog):
    settings.FRAGMENT_CACHE_SECONDS = 300
    render = Renderer()

    with override_settings(CACHES=unreachable_cache.SETTINGS), caplog.at_level(logging.WARNING):
        first = kept_parts("offers", ["a"], render)
        again = kept_parts("offers", ["a"], render)
        value = kept_value("offers", "count", lambda: 7)

    assert (first["a"], again["a"], value) == ("<p>a 1</p>", "<p>a 2</p>", 7)
    warnings = [record.getMessage() for record in caplog.records]
    assert "Parts of offers not read from the cache: it does not answer." in warnings
