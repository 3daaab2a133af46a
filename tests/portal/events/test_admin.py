"""Events in the admin: editors write and publish them, translators only translate them,
and the dashboard's queue counts what awaits a translator."""

import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.events import demo
from portal.events.models import Event
from portal.models import TranslationRecord
from portal.roles import ADMINISTRATOR, EDITOR, TRANSLATOR
from tests.helpers import change_form_data, sign_in
from tests.portal.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_an_editor_writes_an_event_and_its_rich_text_is_cleaned(client, roles):
    sign_in(client, EDITOR)
    url = reverse("admin:events_event_add")
    data = change_form_data(client.get(url))
    data.update(
        kind=Event.Kind.WORKSHOP,
        title_pl="Warsztaty z eksportu",
        slug="warsztaty-z-eksportu",
        description_pl=(
            '<p onclick="steal()">Dla małych firm.<script>alert(1)</script> '
            '<a href="javascript:alert(2)">Więcej</a></p>'
        ),
        starts_at_0="2030-10-25",
        starts_at_1="09:00:00",
        ends_at_0="2030-10-25",
        ends_at_1="11:00:00",
        time_zone="Europe/Bucharest",
        town="Cluj-Napoca",
        country="PL",
        languages_spoken="pl,en",
        capacity="2",
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(slug="warsztaty-z-eksportu")
    assert event.status == Event.Status.DRAFT
    assert event.title_pl == "Warsztaty z eksportu"
    assert "Dla małych firm." in event.description_pl
    for gone in ("onclick", "<script", "alert(1)", "javascript:"):
        assert gone not in event.description_pl
    # Typed as Bucharest's local times (summer time, UTC+3, until 27 October 2030).
    assert event.starts_at.isoformat() == "2030-10-25T06:00:00+00:00"
    assert event.ends_at.isoformat() == "2030-10-25T08:00:00+00:00"
    shown = client.get(reverse("admin:events_event_change", args=[event.pk]))
    assert shown.context["adminform"].form["starts_at"].value().hour == 9


def test_an_event_cannot_take_the_address_of_the_past_events(client, roles):
    sign_in(client, EDITOR)
    url = reverse("admin:events_event_add")
    data = change_form_data(client.get(url))
    data.update(
        kind=Event.Kind.TRAINING,
        title_pl="Minione",
        slug="past",
        starts_at_0="2030-10-25",
        starts_at_1="09:00:00",
        ends_at_0="2030-10-25",
        ends_at_1="11:00:00",
        time_zone="Europe/Warsaw",
    )

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slug"] == [
        "Ten adres należy do listy minionych wydarzeń: wybierz inny."
    ]
    assert not Event.objects.exists()


def test_publishing_and_cancelling_through_the_admins_actions(client, roles):
    draft = EventFactory(status=Event.Status.DRAFT, published_at=None)
    published = EventFactory()
    sign_in(client, EDITOR)
    url = reverse("admin:events_event_changelist")

    client.post(url, {"action": "publish_events", "_selected_action": [draft.pk, published.pk]})
    draft.refresh_from_db()
    first_published_at = draft.published_at
    client.post(url, {"action": "cancel_events", "_selected_action": [draft.pk]})
    client.post(url, {"action": "publish_events", "_selected_action": [draft.pk]})

    draft.refresh_from_db()
    assert draft.status == Event.Status.PUBLISHED
    assert first_published_at is not None
    assert draft.published_at == first_published_at


def test_a_cancelled_event_leaves_no_register_link_and_says_so(client, roles):
    event = EventFactory()
    sign_in(client, EDITOR)
    client.post(
        reverse("admin:events_event_changelist"),
        {"action": "cancel_events", "_selected_action": [event.pk]},
    )
    client.logout()

    page = client.get(event.get_absolute_url()).content.decode()

    assert "To wydarzenie zostało odwołane." in page


def test_a_translator_saves_an_events_translation_but_not_its_other_fields(client, roles):
    event = EventFactory(title_pl="Grupa fokusowa", status=Event.Status.DRAFT)
    sign_in(client, TRANSLATOR)
    url = reverse("admin:events_event_change", args=[event.pk])
    form = client.get(url)
    data = change_form_data(form)
    data.update(
        title_it="Focus group",
        description_it="<p>Incontro con le imprese.</p>",
        status=Event.Status.PUBLISHED,
        capacity="500",
        town="Milano",
    )

    response = client.post(url, data)

    event.refresh_from_db()
    assert response.status_code == 302
    assert (event.title_it, event.description_it) == (
        "Focus group",
        "<p>Incontro con le imprese.</p>",
    )
    assert (event.status, event.capacity, event.town) == (Event.Status.DRAFT, None, "Białystok")
    assert TranslationRecord.objects.filter(object_id=event.pk, language="it").exists()
    assert "capacity" not in form.context["adminform"].form.fields


def test_the_translation_workspace_opens_for_an_event(client, roles):
    event = EventFactory(title_pl="Grupa fokusowa")
    sign_in(client, TRANSLATOR)

    response = client.get(reverse("admin:events_event_translate", args=[event.pk, "hu"]))

    assert response.status_code == 200
    assert "Grupa fokusowa" in response.content.decode()


# The dashboard's queue.


class FigureParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.figures, self._open = {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "data-figure" in attrs:
            self._open = (attrs["data-figure"], attrs["href"])

    def handle_data(self, data):
        if self._open and data.strip():
            self.figures[self._open[0]] = (int(data), self._open[1])
            self._open = None


def event_figures(client):
    parser = FigureParser()
    parser.feed(client.get(reverse("admin:index")).content.decode())
    return {name: value for name, value in parser.figures.items() if name.startswith("event-")}


def listed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return set(response.context["cl"].queryset.values_list("pk", flat=True))


def test_the_queue_counts_the_events_texts_awaiting_a_translator_and_links_them(client, roles):
    polish_only = EventFactory(title_pl="Szkolenie")
    translated = EventFactory(title_pl="Warsztaty", title_it="Workshop")
    EventFactory(title_pl="Odwołane", status=Event.Status.CANCELLED)
    # The Italian text was written from an older Polish one: outdated.
    TranslationRecord.objects.create(
        content_type_id=TranslationRecord.objects.model._meta.get_field("content_type")
        .related_model.objects.get_for_model(Event)
        .pk,
        object_id=translated.pk,
        language="it",
        origin="human",
        source_language="pl",
        source_digest="0" * 64,
    )
    sign_in(client, EDITOR)

    shown = event_figures(client)

    assert shown["event-queue-it-missing"][0] == 1
    assert shown["event-queue-it-outdated"][0] == 1
    assert shown["event-queue-de-missing"][0] == 2
    assert shown["event-queue-pl-missing"][0] == 0
    assert listed(client, shown["event-queue-it-missing"][1]) == {polish_only.pk}
    assert listed(client, shown["event-queue-it-outdated"][1]) == {translated.pk}
    assert listed(client, shown["event-queue-de-missing"][1]) == {polish_only.pk, translated.pk}


def test_the_queue_takes_as_many_queries_for_many_events_as_for_one(client, roles):
    sign_in(client, ADMINISTRATOR)
    EventFactory()
    client.get(reverse("admin:index"))  # the content types, read once and kept
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("admin:index"))
    for _number in range(5):
        EventFactory(title_it="Evento")

    with CaptureQueriesContext(connection) as six:
        figures = event_figures(client)

    assert len(six) == len(one)
    assert figures["event-queue-de-missing"][0] == 6


# Demo data.


def test_the_demo_loads_its_events_once(capsys):
    call_command("load_demo")
    events = {event.slug: event for event in Event.objects.all()}
    call_command("load_demo")

    assert Event.objects.count() == len(events) == 6
    workshop = events[demo.WORKSHOP]
    assert (workshop.capacity, workshop.registration_open, workshop.status) == (
        2,
        True,
        Event.Status.PUBLISHED,
    )
    assert workshop.title_hu and workshop.title_de
    kinds = {event.kind for event in events.values()}
    assert {Event.Kind.FOCUS_GROUP, Event.Kind.CONFERENCE, Event.Kind.STUDY_VISIT} <= kinds
    assert events["grupa-fokusowa-bialystok"].is_milestone
    assert events["konferencja-miedzynarodowa-mediolan"].country == "IT"
    assert re.search(r"Demo data: 6 events \(0 new\)", capsys.readouterr().out)
