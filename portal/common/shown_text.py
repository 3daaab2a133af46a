"""A translated text as a reader is shown it, with what a page says about it."""

from django.conf import settings
from django.utils.translation import get_language

from portal.common.languages import LANGUAGE_CODES, language_name


class TextInLanguage:
    """A translated field's text, the language it is actually in, and its notes.

    It is a fallback when it is not in the reader's language; `is_machine` and
    `is_outdated` say that a text in the reader's language was machine translated,
    or translated from a source that has changed since.
    """

    def __init__(self, text, language, reader_language, *, is_machine=False, is_outdated=False):
        self.text = text
        self.language = language
        self.is_fallback = language != reader_language
        self.is_machine = not self.is_fallback and is_machine
        self.is_outdated = not self.is_fallback and is_outdated

    def __str__(self):
        return self.text

    def __bool__(self):
        return bool(self.text.strip())

    @property
    def language_name(self):
        return language_name(self.language)


def text_in_language(obj, field, reader=None):
    """The translated field in the reader's language, else the first language that has it.

    Polish comes first among the fallbacks (it is the source of most texts),
    then the other languages in the portal's order. `reader`: the active language
    unless given.
    """
    reader = reader or get_language()
    order = [reader, settings.LANGUAGE_CODE, *LANGUAGE_CODES]
    for code in dict.fromkeys(order):
        text = getattr(obj, f"{field}_{code}", "") or ""
        if text.strip():
            return TextInLanguage(text, code, reader)
    return TextInLanguage("", reader, reader)
