"""Events and registrations for the registration tests, and what the public form posts."""

import datetime
import re
import time

from django.core import signing
from django.utils import timezone

from portal.common.humans import RENDERED_FIELD, RENDERED_SALT
from portal.events import registration_services as services
from portal.events.models import Event

DAY = datetime.timedelta(days=1)


def make_event(*, slug="warsztaty-serowarskie", capacity=10, starts_in=DAY * 20, **fields):
    """A published workshop in Białystok, starting `starts_in` from now, for three hours."""
    starts_at = timezone.now() + starts_in
    values = {
        "slug": slug,
        "kind": Event.Kind.WORKSHOP,
        "status": Event.Status.PUBLISHED,
        "title_pl": "Warsztaty serowarskie",
        "title_de": "Käserei-Workshop",
        "title_hu": "Sajtkészítő műhely",
        "starts_at": starts_at,
        "ends_at": starts_at + datetime.timedelta(hours=3),
        "time_zone": "Europe/Warsaw",
        "venue": "Podlaska Fundacja Rozwoju Regionalnego",
        "town": "Białystok",
        "country": "PL",
        "capacity": capacity,
        **fields,
    }
    return Event.objects.create(**values)


def register(event, *, email, name="Anna Kowalska", language="pl", country="PL", **fields):
    """An UNCONFIRMED registration made by the service."""
    return services.registration_create(
        event=event, name=name, email=email, country=country, language=language, **fields
    )


def registered(event, *, email, language="pl", **fields):
    """A registration made and confirmed by the services (a place, or the waiting list)."""
    registration = register(event, email=email, language=language, **fields)
    return services.registration_confirm(registration=registration)


def rendered(seconds_ago=10):
    """The signed time a form was shown, `seconds_ago`."""
    return signing.dumps(time.time() - seconds_ago, salt=RENDERED_SALT)


def answers(**changes):
    """What a visitor posts to register."""
    return {
        "name": "Kovács Éva",
        "organisation_name": "Alföldi Tejfeldolgozó Kft.",
        "country": "HU",
        "email": "eva.kovacs@tej.example",
        "phone": "+36 30 123 4567",
        "needs": "Vegetáriánus étel",
        "consent": "on",
        RENDERED_FIELD: rendered(),
        **changes,
    }


def link_in(message, kind):
    """The confirm or cancel link in an e-mail's body."""
    match = re.search(rf"http://testserver(/\S+/events/registration/{kind}/\S+/)", message.body)
    assert match, message.body
    return match.group(1)
