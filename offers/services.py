"""Writes to co-operation offers."""

from django.db import transaction
from django.utils import timezone

from offers.models import Offer


def _next_reference():
    """A public reference such as OF-2026-00042: the year and a sequence."""
    year = timezone.now().year
    prefix = f"OF-{year}-"
    last = (
        Offer.objects.select_for_update()
        .filter(reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:05d}"


@transaction.atomic
def offer_create(
    *,
    organisation,
    kind,
    language,
    title,
    summary,
    description="",
    partner_sought="",
    cooperation_types=(),
    target_countries=(),
    clusters=(),
    activities=(),
    keywords="",
    is_anonymous=False,
    status=Offer.Status.DRAFT,
    by=None,
):
    """Create an offer whose texts are written in `language` (its source language)."""
    offer = Offer(
        organisation=organisation,
        reference=_next_reference(),
        kind=kind,
        source_language=language,
        cooperation_types=list(cooperation_types),
        target_countries=list(target_countries),
        keywords=keywords,
        is_anonymous=is_anonymous,
        status=status,
    )
    texts = {
        "title": title,
        "summary": summary,
        "description": description,
        "partner_sought": partner_sought,
    }
    for field, text in texts.items():
        setattr(offer, f"{field}_{language}", text)
    offer.save()
    offer.clusters.set(clusters)
    offer.activities.set(activities)
    return offer
