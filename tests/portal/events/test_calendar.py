import datetime
import zoneinfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from portal.events import calendar
from portal.events.models import Event
from tests.portal.events.factories import EventFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def local(zone, *args):
    return datetime.datetime(*args, tzinfo=zoneinfo.ZoneInfo(zone))


def url(name, language="pl", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def read_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def only_event(parsed):
    events = parsed.walk("VEVENT")
    assert len(events) == 1
    return events[0]


@pytest.mark.parametrize(
    ("zone", "day", "utc_start", "utc_end"),
    [
        # The day summer time ends: 09:00 is already winter time (UTC+1).
        ("Europe/Warsaw", (2026, 10, 25), (2026, 10, 25, 8), (2026, 10, 25, 10)),
        # The day summer time begins: 09:00 is already summer time (UTC+2).
        ("Europe/Warsaw", (2027, 3, 28), (2027, 3, 28, 7), (2027, 3, 28, 9)),
        ("Europe/Rome", (2026, 10, 25), (2026, 10, 25, 8), (2026, 10, 25, 10)),
        ("Europe/Rome", (2027, 3, 28), (2027, 3, 28, 7), (2027, 3, 28, 9)),
    ],
)
def test_an_events_file_gives_the_right_instants_across_summer_time(
    client, zone, day, utc_start, utc_end
):
    event = EventFactory(
        time_zone=zone, starts_at=local(zone, *day, 9), ends_at=local(zone, *day, 11)
    )

    parsed = read_calendar(client.get(url("events:event_ics", slug=event.slug)))

    vevent = only_event(parsed)
    start, end = vevent.decoded("dtstart"), vevent.decoded("dtend")
    assert vevent["dtstart"].params["TZID"] == zone
    assert (start.hour, start.minute) == (9, 0)
    assert start.astimezone(UTC) == datetime.datetime(*utc_start, tzinfo=UTC)
    assert end.astimezone(UTC) == datetime.datetime(*utc_end, tzinfo=UTC)
    assert [str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")] == [zone]


def test_an_event_in_utc_is_written_in_utc(client):
    event = EventFactory(
        time_zone="UTC",
        starts_at=datetime.datetime(2026, 10, 25, 9, tzinfo=UTC),
        ends_at=datetime.datetime(2026, 10, 25, 11, tzinfo=UTC),
    )

    response = client.get(url("events:event_ics", slug=event.slug))

    assert b"DTSTART:20261025T090000Z" in response.content
    vevent = only_event(read_calendar(response))
    assert vevent.decoded("dtstart") == datetime.datetime(2026, 10, 25, 9, tzinfo=UTC)


def test_an_events_file_has_its_texts_in_the_urls_language_as_plain_text(client, settings):
    settings.PORTAL_URL = "https://klastry.example"
    event = EventFactory(
        slug="konferencja-mediolan",
        kind=Event.Kind.CONFERENCE,
        title_pl="Konferencja międzynarodowa",
        title_it="Conferenza internazionale",
        description_pl="<p>Opis po polsku.</p>",
        description_it=(
            "<h2>Programma</h2><p>Benvenuti a <strong>Milano</strong> &amp; dintorni.</p>"
            "<ul><li>Latte</li><li>Macchine</li></ul>"
        ),
        venue="Palazzo delle Stelline",
        street_address="Corso Magenta 61",
        town="Milano",
        country="IT",
        latitude="45.46538",
        longitude="9.17321",
        time_zone="Europe/Rome",
    )

    vevent = only_event(read_calendar(client.get(url("events:event_ics", "it", slug=event.slug))))

    assert str(vevent["summary"]) == "Conferenza internazionale"
    assert str(vevent["description"]) == (
        "Programma\n\nBenvenuti a Milano & dintorni.\n\n- Latte\n- Macchine"
    )
    assert "<" not in str(vevent["description"])
    assert str(vevent["location"]) == "Palazzo delle Stelline, Corso Magenta 61, Milano, Italia"
    assert str(vevent["url"]) == "https://klastry.example/it/events/konferencja-mediolan/"
    assert str(vevent["uid"]) == f"event-{event.pk}@klastry.example"
    assert (vevent["geo"].latitude, vevent["geo"].longitude) == (45.46538, 9.17321)
    assert str(vevent["status"]) == "CONFIRMED"


def test_a_text_missing_in_the_language_falls_back_to_polish(client):
    event = EventFactory(title_pl="Grupa fokusowa", title_hu="")

    vevent = only_event(read_calendar(client.get(url("events:event_ics", "hu", slug=event.slug))))

    assert str(vevent["summary"]) == "Grupa fokusowa"


def test_a_cancelled_event_is_marked_cancelled(client):
    event = EventFactory(status=Event.Status.CANCELLED)

    vevent = only_event(read_calendar(client.get(url("events:event_ics", slug=event.slug))))

    assert str(vevent["status"]) == "CANCELLED"


def test_an_online_event_is_located_online_and_has_no_position(client):
    event = EventFactory(is_online=True, venue="", town="", country="")

    vevent = only_event(read_calendar(client.get(url("events:event_ics", "de", slug=event.slug))))

    assert str(vevent["location"]) == "Online"
    assert "geo" not in vevent


def test_a_draft_has_no_file(client):
    event = EventFactory(status=Event.Status.DRAFT)

    assert client.get(url("events:event_ics", slug=event.slug)).status_code == 404


def test_the_feed_lists_upcoming_public_events_in_its_language(client):
    soon = EventFactory(title_pl="Szkolenie", title_en="Training", time_zone="Europe/Warsaw")
    rome = EventFactory(
        title_pl="Wizyta studyjna",
        title_en="Study visit",
        time_zone="Europe/Rome",
        starts_at=local("Europe/Rome", 2027, 3, 28, 9),
        ends_at=local("Europe/Rome", 2027, 3, 28, 17),
    )
    EventFactory(title_pl="Szkic", status=Event.Status.DRAFT)
    EventFactory(
        title_pl="Minione",
        starts_at=local("Europe/Warsaw", 2025, 5, 1, 9),
        ends_at=local("Europe/Warsaw", 2025, 5, 1, 11),
    )

    parsed = read_calendar(client.get(url("events:calendar_feed", "en")))

    events = {str(vevent["uid"]): vevent for vevent in parsed.walk("VEVENT")}
    assert {str(vevent["summary"]) for vevent in events.values()} == {"Training", "Study visit"}
    assert events[calendar.event_uid(rome)].decoded("dtstart").astimezone(UTC) == datetime.datetime(
        2027, 3, 28, 7, tzinfo=UTC
    )
    assert calendar.event_uid(soon) in events
    assert {str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")} == {
        "Europe/Warsaw",
        "Europe/Rome",
    }


def test_plain_text_drops_markup_and_scripts_text_stays_text():
    assert calendar.plain_text("<p>Jeden<br>dwa</p><p>trzy &lt;b&gt;</p>") == (
        "Jeden\ndwa\n\ntrzy <b>"
    )
