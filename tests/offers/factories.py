"""Offers made the way the portal makes them: through offers.services."""

import datetime

import factory
from django.utils import timezone

from offers import services
from offers.models import Offer
from tests.factories import OrganisationFactory


class OfferFactory(factory.Factory):
    """A published offer written in `language` (Polish unless told).

    `published=False` leaves it a draft; `published_at` publishes it at that
    moment (a date long ago gives an offer past its expiry date that no job has
    yet marked expired).
    """

    class Meta:
        model = Offer

    organisation = factory.SubFactory(OrganisationFactory)
    kind = Offer.Kind.BUSINESS_OFFER
    language = "pl"
    title = factory.Sequence(lambda n: f"Oferta współpracy {n}")
    summary = "Szukamy partnerów handlowych."
    description = ""
    partner_sought = ""
    cooperation_types = ("commercial",)
    target_countries = ()
    clusters = ()
    activities = ()
    keywords = ""
    is_anonymous = False
    published = True
    published_at = None

    @classmethod
    def _create(cls, model_class, *args, published=True, published_at=None, **kwargs):
        offer = services.offer_create(**kwargs)
        if not published:
            return offer
        services.offer_submit(offer=offer)
        return services.offer_publish(offer=offer, by=None, now=published_at)


def expired_offer(**kwargs):
    """Published thirteen months ago: past its date, status still published."""
    long_ago = timezone.now() - datetime.timedelta(days=400)
    return OfferFactory(published_at=long_ago, **kwargs)


def add_translation(offer, language, *, machine=False, **texts):
    """Write the offer's texts in another language, as a person (or a machine) did."""
    return services.offer_set_translation(
        offer=offer, language=language, texts=texts, machine=machine
    )
