import pytest


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """The storage's files in a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
