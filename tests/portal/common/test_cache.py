"""Values kept in the cache per language: read once, forgotten in every language,
and built anyway when the cache server is down."""

import logging

from django.test import override_settings
from django.utils import translation

from portal.common.cache import cached_per_language, forget
from tests import unreachable_cache


def keep(name, builds, timeout=60):
    """The value kept as `name`, counting in `builds` how often it was built."""

    def build():
        builds.append(translation.get_language())
        return f"{name} in {translation.get_language()} #{len(builds)}"

    return cached_per_language(name, build, timeout=timeout)


def test_a_value_is_built_once_per_language():
    builds = []
    with translation.override("it"):
        first = keep("options", builds)
        again = keep("options", builds)
    with translation.override("de"):
        german = keep("options", builds)

    assert (first, again, german) == ("options in it #1", "options in it #1", "options in de #2")
    assert builds == ["it", "de"]


def test_forgetting_a_value_forgets_it_in_every_language_and_no_other():
    builds = []
    for language in ("pl", "bg"):
        with translation.override(language):
            keep("options", builds)
            keep("other", builds)

    forget("options")
    for language in ("pl", "bg"):
        with translation.override(language):
            keep("options", builds)
            keep("other", builds)

    assert builds == ["pl", "pl", "bg", "bg", "pl", "bg"]


def test_with_the_cache_down_the_value_is_built_and_a_warning_logged(caplog):
    builds = []
    with override_settings(CACHES=unreachable_cache.SETTINGS), caplog.at_level(logging.WARNING):
        with translation.override("cs"):
            first = keep("options", builds)
            again = keep("options", builds)
        forget("options")

    assert (first, again) == ("options in cs #1", "options in cs #2")
    warnings = [record.getMessage() for record in caplog.records]
    assert "options not read from the cache: it does not answer." in warnings
    assert "options not forgotten: the cache does not answer." in warnings
