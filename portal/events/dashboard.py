"""The events' translation queue on the admin's start page (portal/common/dashboard.py).

Registered from EventsConfig.ready(), for staff who may translate or change
events: events that are not cancelled whose texts in a language are missing,
outdated or machine drafts not reviewed. Two queries, however many events
(portal/common/translation_queue.py).
"""

from django.utils.translation import gettext_lazy as _

from portal.common.translation_queue import record_queue
from portal.events.models import Event

TRANSLATION_QUEUE, TranslationQueueFilter = record_queue(
    rows=lambda: Event.objects.exclude(status=Event.Status.CANCELLED),
    caption=_("Translation queue: events"),
    element_id="dashboard-event-translation-queue",
    figure_prefix="event-queue",
    order=30,
    permissions=["events.translate_event", "events.change_event"],
)

BLOCKS = (TRANSLATION_QUEUE,)
