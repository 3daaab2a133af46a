"""The demo registrations: people of the partner regions at the events to come, once."""

import pytest
from django.core import mail

from portal.common import demo
from portal.events import registration_services as services
from portal.events.models import Event, Registration
from portal.events.registration_demo import PEOPLE, load_demo
from tests.portal.events.registrations import DAY, make_event

pytestmark = pytest.mark.django_db

Status = Registration.Status


def test_the_demo_fills_the_events_to_come_once_without_emails():
    small = make_event(slug="warsztaty", capacity=4)
    large = make_event(slug="konferencja", capacity=None, starts_in=DAY * 30)
    make_event(slug="past", starts_in=-DAY)
    make_event(slug="draft", status=Event.Status.DRAFT)

    lines = list(load_demo())
    again = list(load_demo())

    assert lines == [f"Event registrations: {len(PEOPLE) * 2}."]
    assert again == []
    assert services.places_taken(small) == 4
    assert Registration.objects.filter(event=small, status=Status.WAITING).count() == 2
    assert services.places_taken(large) == len(PEOPLE)
    assert set(Registration.objects.values_list("event__slug", flat=True)) == {
        "warsztaty",
        "konferencja",
    }
    assert {r.language for r in Registration.objects.all()} == {
        "pl",
        "it",
        "de",
        "hu",
        "cs",
        "ro",
    }
    assert mail.outbox == []


def test_the_demo_registrations_load_after_the_events():
    names = [loader.load for loader in demo.loaders() if loader.app == "events"]

    assert names[-1] == "portal.events.registration_demo.load_demo"
