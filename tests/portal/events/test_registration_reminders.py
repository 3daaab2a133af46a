"""`send_event_reminders`: each confirmed registrant once, in their language."""

import datetime
import io
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext

from portal.events import registration_services as services
from portal.events.models import Event, Registration
from tests.portal.events.registrations import DAY, link_in, make_event, register, registered

Status = Registration.Status


def reminders():
    out = io.StringIO()
    call_command("send_event_reminders", stdout=out)
    return out.getvalue()


def near_event_with_registrants():
    """An event tomorrow: a German and an Italian confirmed, others not to remind."""
    event = make_event(capacity=2, starts_in=DAY, title_it="Laboratorio caseario")
    registered(event, email="klaus@kaese.example", language="de")
    registered(event, email="marco@latte.example", language="it")
    registered(event, email="waiting@example.com")  # the event is full: waiting
    register(event, email="unconfirmed@example.com")
    cancelled = registered(make_event(slug="other", starts_in=DAY), email="gone@example.com")
    services.registration_cancel(registration=cancelled)
    registered(make_event(slug="later", starts_in=DAY * 10), email="later@example.com")
    mail.outbox.clear()
    return event


@pytest.mark.django_db
def test_the_command_reminds_confirmed_registrants_once_however_often_it_runs():
    near_event_with_registrants()

    output = reminders()
    for _run in range(3):
        reminders()

    assert "Reminders sent: 2." in output
    by_address = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 2
    assert set(by_address) == {"klaus@kaese.example", "marco@latte.example"}
    for address, language, title in [
        ("klaus@kaese.example", "de", "Käserei-Workshop"),
        ("marco@latte.example", "it", "Laboratorio caseario"),
    ]:
        message = by_address[address]
        with translation.override(language):
            assert message.subject == gettext("Reminder: %(title)s") % {"title": title}
        assert link_in(message, "cancel").startswith(f"/{language}/")
    assert Registration.objects.filter(reminder_sent_at__isnull=False).count() == 2


@pytest.mark.django_db
def test_the_reminder_window_is_a_setting(settings):
    near_event_with_registrants()
    settings.EVENT_REMINDER_DAYS = 14

    reminders()

    assert {message.to[0] for message in mail.outbox} == {
        "klaus@kaese.example",
        "marco@latte.example",
        "later@example.com",
    }


@pytest.mark.django_db
def test_a_cancelled_event_sends_no_reminder():
    event = near_event_with_registrants()
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED)

    reminders()

    assert mail.outbox == []


@pytest.mark.django_db
def test_a_failed_email_is_tried_again_next_time(monkeypatch):
    near_event_with_registrants()
    real = services.emails.send_reminder

    def refuse_klaus(registration):
        if registration.email.startswith("klaus"):
            raise OSError("refused")
        real(registration)

    monkeypatch.setattr(services.emails, "send_reminder", refuse_klaus)
    first = services.reminders_send()
    monkeypatch.setattr(services.emails, "send_reminder", real)
    second = services.reminders_send()

    assert (first.sent, first.failed, second.sent) == (1, 1, 1)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "klaus@kaese.example",
        "marco@latte.example",
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_at_once_send_each_reminder_once():
    event = make_event(capacity=None, starts_in=DAY)
    for number in range(6):
        registered(event, email=f"person{number}@example.com", language="de")
    mail.outbox.clear()
    barrier = threading.Barrier(2)
    runs = []

    def run():
        try:
            barrier.wait(timeout=10)
            runs.append(services.reminders_send(now=timezone.now()))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sum(run.sent for run in runs) == 6
    assert sorted(message.to[0] for message in mail.outbox) == [
        f"person{number}@example.com" for number in range(6)
    ]
    assert not Registration.objects.filter(reminder_sent_at__isnull=True).exists()
    assert all(
        registration.reminder_sent_at < timezone.now() + datetime.timedelta(seconds=1)
        for registration in Registration.objects.all()
    )
