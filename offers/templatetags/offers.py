"""An offer's texts in the reader's language, or in its source language with a note."""

from django import template
from django.utils.translation import get_language

from offers import selectors
from offers.models import OfferTranslation
from portal.common.shown_text import TextInLanguage

register = template.Library()
State = OfferTranslation.State


def _reader_state(offer, language):
    rows = getattr(offer, "reader_translations", None)
    if rows is None:
        rows = [row for row in offer.translations.all() if row.language == language]
    return rows[0].state if rows else State.MISSING


@register.simple_tag
def offer_text(offer, field):
    """The field in the reader's language if the offer has it, else in its source."""
    reader = get_language()
    text = offer.text(field, reader)
    if text.strip():
        state = _reader_state(offer, reader)
        return TextInLanguage(
            text,
            reader,
            reader,
            is_machine=state == State.MACHINE,
            is_outdated=state == State.OUTDATED,
        )
    source = offer.source_language
    return TextInLanguage(offer.text(field, source), source, reader)


class OfferTexts:
    """Several fields of one offer for the reader (`texts.title`), and what to say about them.

    The notes are said once for the texts shown together: a fallback always
    falls back to the offer's source language, and the translation state is
    one per language.
    """

    def __init__(self, texts):
        self.texts = texts

    def __getitem__(self, field):
        return self.texts[field]

    @property
    def shown(self):
        return [text for text in self.texts.values() if text]

    @property
    def fallback(self):
        """The first text shown in the source language instead of the reader's, or None."""
        return next((text for text in self.shown if text.is_fallback), None)

    @property
    def is_machine(self):
        return any(text.is_machine for text in self.shown)

    @property
    def is_outdated(self):
        return any(text.is_outdated for text in self.shown)


@register.simple_tag
def offer_texts(offer, *fields):
    """`{% offer_texts offer "title" "summary" as texts %}`: texts.title, texts.fallback, ..."""
    return OfferTexts({field: offer_text(offer, field) for field in fields})


@register.simple_tag
def live_offers_of(organisation):
    """The organisation's live offers that name it (not the anonymous ones), newest first."""
    return list(selectors.live_offers_of(organisation, get_language()).filter(is_anonymous=False))
