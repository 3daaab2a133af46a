"""Reads of offers shared by pages, feeds and sitemaps."""

from django.db.models import Prefetch
from django.utils import timezone

from offers.models import Offer, OfferTranslation


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
