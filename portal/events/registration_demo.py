"""Demo registrations for `make run`: people from the partner regions at the events to come.

Registered after the events' own demo data (portal/events/apps.py), so that it
finds the upcoming published events; each gets a few confirmed registrants, in
their own languages, and the first event with a capacity a waiting list. Rows
are written directly, so that loading the demo sends no e-mail; a second run
adds nothing.
"""

from django.utils import timezone

from portal.events import registration_services as services
from portal.events.models import Event, Registration

PEOPLE = [
    ("Anna Kowalska", "Spółdzielnia Mleczarska Mlekpol", "PL", "pl"),
    ("Giulia Rossi", "Caseificio Valle Padana", "IT", "it"),
    ("Klaus Berger", "Käserei Berger GmbH", "AT", "de"),
    ("Kovács Éva", "Alföldi Tejüzem Kft.", "HU", "hu"),
    ("Petr Novák", "Mlékárna Vysočina s.r.o.", "CZ", "cs"),
    ("Ioana Popescu", "Lactate Carpați SRL", "RO", "ro"),
]
EVENTS = 3


def _address(name):
    return (
        name.lower().replace(" ", ".").replace("ö", "o").replace("é", "e").replace("á", "a")
        + "@demo.example"
    )


def load_demo():
    now = timezone.now()
    events = Event.objects.filter(
        status=Event.Status.PUBLISHED, starts_at__gt=now, registration_open=True
    ).order_by("starts_at", "pk")[:EVENTS]
    made = 0
    for event in events:
        for name, organisation, country, language in PEOPLE:
            email = _address(name)
            if Registration.objects.filter(event=event, email=email).exists():
                continue
            full = event.capacity is not None and services.places_taken(event) >= event.capacity
            Registration.objects.create(
                event=event,
                name=name,
                organisation_name=organisation,
                country=country,
                email=email,
                language=language,
                consent_version=services.CONSENT_VERSION,
                consented_at=now,
                confirmed_at=now,
                status=Registration.Status.WAITING if full else Registration.Status.CONFIRMED,
                waiting_since=now if full else None,
            )
            made += 1
    if made:
        yield f"Event registrations: {made}."
