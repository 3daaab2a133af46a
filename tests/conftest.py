import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the portal's default language."""
    translation.activate("pl")
    yield
    translation.deactivate()
