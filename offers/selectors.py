"""Reads of offers shared by pages, feeds and sitemaps."""

import datetime

from django.db.models import F, Prefetch, Q
from django.utils import timezone

from offers.models import Offer, OfferTranslation

EXPIRING_WITHIN = datetime.timedelta(days=14)
# The states of a translation that wait for a translator: a machine draft waits
# for a person's review.
QUEUE_STATES = (
    OfferTranslation.State.MISSING,
    OfferTranslation.State.OUTDATED,
    OfferTranslation.State.MACHINE,
)


def reader_translation(language):
    """Prefetch of the translation state in the reader's language, as `reader_translations`."""
    return Prefetch(
        "translations",
        queryset=OfferTranslation.objects.filter(language=language),
        to_attr="reader_translations",
    )


def live_offers(language, now=None):
    """Published offers not past their date (checked at query time), ready to list."""
    return (
        Offer.objects.live(now)
        .select_related("organisation")
        .prefetch_related("clusters", reader_translation(language))
    )


def offer_for_page(reference, language):
    """One offer in any status (its page says when it is not live), or None."""
    return (
        Offer.objects.filter(reference=reference)
        .exclude(status__in=[Offer.Status.DRAFT, Offer.Status.SUBMITTED, Offer.Status.REJECTED])
        .select_related("organisation")
        .prefetch_related("clusters", "activities", reader_translation(language))
        .first()
    )


def live_offers_of(organisation, language):
    return live_offers(language).filter(organisation=organisation).order_by("-published_at")


def now():
    return timezone.now()


def expiring_soon(now=None):
    """Published offers whose date falls within the next 14 days (not yet past), as a Q."""
    now = now or timezone.now()
    return Q(
        status=Offer.Status.PUBLISHED, expires_at__gt=now, expires_at__lte=now + EXPIRING_WITHIN
    )


def translation_queue():
    """Translations awaiting a translator, of offers published or awaiting publication.

    Missing, outdated, or machine drafts not yet reviewed; never the source language.
    """
    return OfferTranslation.objects.filter(
        offer__status__in=[Offer.Status.PUBLISHED, Offer.Status.SUBMITTED],
        state__in=QUEUE_STATES,
    ).exclude(language=F("offer__source_language"))
