"""The events' translation queue on the admin's start page (portal/common/dashboard.py).

Registered from EventsConfig.ready(), for staff who may translate or change
events. Events keep no table of translation states: each language's state is
worked out from the texts and their TranslationRecords (`RecordTranslatable`),
for every event that is not cancelled, in two queries however many there are
(`RecordTranslatable.states_of_many`).
"""

from collections import defaultdict

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from portal.common import translations
from portal.common.dashboard import QUEUE_STATES, TranslationQueue, queue_rows
from portal.events.models import Event


def may_translate_events(user):
    return user.has_perm("events.translate_event") or user.has_perm("events.change_event")


def waiting_translations():
    """{(language, state): [event ids]} of the events' texts that await a translator."""
    events = Event.objects.exclude(status=Event.Status.CANCELLED).order_by("pk")
    states = translations.translatable_for(Event).states_of_many(events)
    waiting = defaultdict(list)
    for pk, by_language in states.items():
        for language, state in by_language.items():
            if state in QUEUE_STATES:
                waiting[language, state].append(pk)
    return waiting


def count_translation_queue(user, now):
    counted = defaultdict(dict)
    for (language, state), events in waiting_translations().items():
        counted[language][state] = len(events)
    url = reverse("admin:events_event_changelist")
    return queue_rows(
        counted,
        lambda language, state: f"{url}?{urlencode({'translation_queue': f'{language}-{state}'})}",
    )


TRANSLATION_QUEUE = TranslationQueue(
    caption=_("Translation queue: events"),
    element_id="dashboard-event-translation-queue",
    figure_prefix="event-queue",
    order=30,
    may_see=may_translate_events,
    count=count_translation_queue,
)

BLOCKS = (TRANSLATION_QUEUE,)
