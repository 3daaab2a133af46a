from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "portal.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from portal.common import demo
        from portal.common.translations import RecordTranslatable, register
        from portal.events import admin_registrations  # noqa: F401
        from portal.events.models import Event

        register(
            Event,
            RecordTranslatable("title", "description", "programme", "report", "organiser"),
        )
        # After the events' own demo data, whose upcoming events it fills.
        demo.register("portal.events.registration_demo.load_demo", app=self.label)
