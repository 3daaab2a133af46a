from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "portal.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from companies.models import Cluster
        from portal.common import dashboard as staff_dashboard
        from portal.common import demo
        from portal.common.cache import forget_on_change
        from portal.common.translations import RecordTranslatable, register
        from portal.events import (
            admin_registrations,  # noqa: F401
            dashboard,
        )
        from portal.events.models import Event
        from portal.models import TranslationRecord

        register(
            Event,
            RecordTranslatable("title", "description", "programme", "report", "organiser"),
        )
        for block in dashboard.BLOCKS:
            staff_dashboard.register(block)
        demo.register("portal.events.demo.load_demo", app=self.label)
        # After the events' own demo data, whose upcoming events it fills.
        demo.register("portal.events.registration_demo.load_demo", app=self.label)

        # Anonymous visitors' event lists are kept in the cache: a change to what
        # they show retires them.
        forget_on_change(
            (Event, Event.clusters.through, Cluster, TranslationRecord),
            forget_event_pages,
            uid="event-pages",
        )


def forget_event_pages(sender, **kwargs):
    from portal.common.page_cache import forget_pages

    forget_pages("events")
