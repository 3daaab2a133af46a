"""The portal's interface languages: their codes, in the portal's order, and names."""

from django.conf import settings
from django.utils.translation import get_language_info

# Every interface language, in the order of settings.LANGUAGES: the order the
# language switcher, the admin's tabs and every per-language list follow.
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def language_name(code):
    """The language's name in the reader's language; the code itself if Django knows no name."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code
