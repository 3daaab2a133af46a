"""Offers and expressions of interest made through the services, and the public form's answers."""

import time

from django.core import signing
from django.urls import reverse
from django.utils import translation

from offers import services
from offers.models import Offer
from offers.services import interest
from portal.common.humans import RENDERED_FIELD, RENDERED_SALT
from tests.factories import OrganisationFactory

# The firm that makes the offers, with what an anonymous offer must not show.
FIRM = {
    "name": "Mleczarnia Narwiańska",
    "email": "biuro@mleczarnia.example",
    "phone": "+48856543210",
}


def make_offer(*, anonymous=True, open_for_interest=True, organisation=None):
    """A published offer of `FIRM` (or `organisation`), anonymous unless told."""
    organisation = organisation or OrganisationFactory(**FIRM)
    offer = services.offer_create(
        organisation=organisation,
        kind=Offer.Kind.BUSINESS_OFFER,
        language="pl",
        title="Sery dojrzewające dla dystrybutorów",
        summary="Szukamy dystrybutorów serów we Włoszech i w Czechach.",
        is_anonymous=anonymous,
        status=Offer.Status.SUBMITTED,
    )
    offer = services.offer_publish(offer=offer, by=None)
    if not open_for_interest:
        Offer.objects.filter(pk=offer.pk).update(open_for_interest=False)
        offer.refresh_from_db()
    return offer


def rendered(seconds_ago=10):
    """The signed time a form was shown, `seconds_ago`."""
    return signing.dumps(time.time() - seconds_ago, salt=RENDERED_SALT)


def answers(**changes):
    """What a visitor posts to express interest in an offer."""
    return {
        "name": "Jana Nováková",
        "organisation_name": "Mlékárna Vysočina s.r.o.",
        "country": "CZ",
        "email": "jana@mlekarna.example",
        "phone": "+420 777 123 456",
        "message": "Hledáme dodavatele zrajících sýrů pro náš obchod v Brně.",
        "consent": "on",
        RENDERED_FIELD: rendered(),
        **changes,
    }


def form_url(offer, language="en"):
    with translation.override(language):
        return reverse("offers:interest_create", kwargs={"reference": offer.reference})


def make_interest(offer=None, **fields):
    """An expression of interest stored by the service, in an offer of its own unless given."""
    return interest.interest_create(
        offer=offer or make_offer(),
        name=fields.get("name", "Jana Nováková"),
        organisation_name=fields.get("organisation_name", "Mlékárna Vysočina s.r.o."),
        country=fields.get("country", "CZ"),
        email=fields.get("email", "jana@mlekarna.example"),
        phone=fields.get("phone", "+420 777 123 456"),
        message=fields.get("message", "Hledáme dodavatele zrajících sýrů."),
        language=fields.get("language", "cs"),
    )
