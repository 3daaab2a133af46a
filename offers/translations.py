"""Offers' translations as the translation-state engine sees them.

Offers keep their states in OfferTranslation, written by offers.services; the
engine's workspace reads them and asks those services to write.
"""

from offers import services
from offers.models import TRANSLATED_FIELDS, OfferTranslation
from portal.common.languages import LANGUAGE_CODES
from portal.common.translations import Translatable, machine_may_write

State = OfferTranslation.State


class OfferTranslatable(Translatable):
    """The workspace on offers: their states and drafts are offers.services'."""

    fields = TRANSLATED_FIELDS

    def source_choices(self, offer):
        return [offer.source_language]

    def _rows(self, offer):
        return {row.language: row for row in offer.translations.all()}

    def states(self, offer, source):
        rows = self._rows(offer)
        return {
            code: rows[code].state if code in rows else State.MISSING for code in LANGUAGE_CODES
        }

    def machine_may_fill(self, offer, language, source):
        row = self._rows(offer).get(language)
        return language != source and row is not None and machine_may_write(row.state, row.origin)

    def fill_from_machine(self, offer, *, language, source, by):
        return language in services.offer_machine_translate(
            offer=offer, languages=[language], by=by
        )

    def save_review(self, offer, *, language, source, texts, by):
        services.offer_review_translation(offer=offer, language=language, texts=texts, by=by)
