import pytest
from django.core.cache import cache
from django.utils import translation

from tests.helpers import add_roles
from tests.machine_translation_servers import (  # noqa: F401 (fixtures)
    deepl_server,
    libretranslate_server,
)


def pytest_collection_modifyitems(items):
    """A transactional test must restore what the migrations wrote.

    Its flush at the end empties every table, and the tests after it would
    miss the clusters, activities and partners the migrations seed; a
    serialized test after it would also meet the content types that the
    flush writes again.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = marker.kwargs if marker else {}
        if kwargs.get("transaction") and not kwargs.get("serialized_rollback"):
            raise pytest.UsageError(
                f"{item.nodeid}: transaction=True needs serialized_rollback=True"
            )


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the portal's default language."""
    translation.activate("pl")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache, and with it no rate-limit counts."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Pages are built for each request (their query counts are pinned so) unless a
    test keeps them with `page_cache`."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def page_cache(settings):
    """Anonymous visitors' pages kept in the cache, as in production."""
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture(autouse=True)
def _no_fragment_cache(settings):
    """Parts of pages are rendered for each request unless a test keeps them with
    `fragment_cache`."""
    settings.FRAGMENT_CACHE_SECONDS = 0


@pytest.fixture(params=["pages", "parts"])
def kept(request, settings):
    """Each test twice: with whole pages kept, and with their parts kept."""
    if request.param == "pages":
        settings.PAGE_CACHE_SECONDS = 300
    else:
        settings.FRAGMENT_CACHE_SECONDS = 300
    return request.param


@pytest.fixture
def fragment_cache(settings):
    """Parts of pages (cards, page bodies, counts) kept rendered, as in production."""
    settings.FRAGMENT_CACHE_SECONDS = 300


@pytest.fixture
def roles():
    """The staff groups: made by the migrations, and again here after a test that flushed them."""
    add_roles()
