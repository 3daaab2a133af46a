"""Two confirmations racing for the last place, on a transactional database.

Each thread confirms in its own connection; a barrier lets them start together.
The event's row is locked while the places are counted and taken, so the second
waits for the first and finds the event full.
"""

import contextlib
import threading
import time

import pytest
from django.db import connection

from portal.events import registration_services as services
from portal.events.models import Registration
from tests.portal.events.registrations import make_event, register, registered

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def slow_count(monkeypatch):
    """Counting the places takes a while, as on a busy server: without the lock
    both racers would count the same free place."""
    count = services.places_taken

    def slowly(event):
        taken = count(event)
        time.sleep(0.3)
        return taken

    monkeypatch.setattr(services, "places_taken", slowly)


Status = Registration.Status


def race(work, arguments):
    """Run `work(argument)` in one thread per argument, started together."""
    barrier = threading.Barrier(len(arguments))
    errors = []

    def run(argument):
        try:
            barrier.wait(timeout=10)
            work(argument)
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors


def test_two_confirmations_racing_for_the_last_place_never_exceed_the_capacity():
    event = make_event(capacity=2)
    registered(event, email="first@example.com")
    racers = [register(event, email=f"racer{number}@example.com") for number in range(2)]

    race(lambda registration: services.registration_confirm(registration=registration), racers)

    statuses = sorted(
        Registration.objects.filter(email__startswith="racer").values_list("status", flat=True)
    )
    assert statuses == [Status.CONFIRMED, Status.WAITING]
    assert services.places_taken(event) == 2


def test_a_cancellation_racing_a_confirmation_keeps_the_count_right():
    event = make_event(capacity=1)
    holder = registered(event, email="holder@example.com")
    waiting = registered(event, email="waiting@example.com")
    newcomer = register(event, email="newcomer@example.com")

    def act(what):
        if what == "cancel":
            services.registration_cancel(registration=holder)
        else:
            services.registration_confirm(registration=newcomer)

    race(act, ["cancel", "confirm"])

    assert services.places_taken(event) == 1
    waiting.refresh_from_db()
    newcomer.refresh_from_db()
    # The waiting registrant got the freed place; the newcomer queues behind.
    assert waiting.status == Status.CONFIRMED
    assert newcomer.status == Status.WAITING


def test_the_same_form_sent_twice_at_once_makes_one_registration():
    event = make_event()

    def send(_number):
        with contextlib.suppress(services.AlreadyRegistered):
            register(event, email="eva@tej.example")

    race(send, [1, 2])

    assert Registration.objects.filter(email="eva@tej.example").count() == 1
