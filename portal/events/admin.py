"""Events in the admin: editors write and publish them, translators translate their texts.

An editor (events.change_event) has the whole form, a prose editor per language
for the rich texts, and the actions that publish and cancel; a translator
(events.translate_event) gets only the translated texts and the translation
workspace (portal/common/translator_admin.py); a moderator reads them.
"""

import zoneinfo

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from portal.common.text import TextFormMixin
from portal.common.translator_admin import TranslatorAdminMixin
from portal.events import dashboard, services
from portal.events.models import Event

LANGUAGE_NAMES = dict(settings.LANGUAGES)
# The addresses under /events/ that are no event's (portal/events/urls.py).
RESERVED_SLUGS = {"past"}
# The times an editor types as the event's local times.
LOCAL_TIMES = ("starts_at", "ends_at")


class EventAdminForm(TextFormMixin, forms.ModelForm):
    """The start and end are typed as the event's local times, in its own time zone
    (not the office's), and shown so."""

    class Meta:
        model = Event
        # The admin's fieldsets choose the fields (with each language's texts).
        fields = [*LOCAL_TIMES, "time_zone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = zoneinfo.ZoneInfo(self.instance.time_zone or settings.TIME_ZONE)
        for name in LOCAL_TIMES:
            moment = getattr(self.instance, name, None)
            if name in self.fields and moment is not None:
                self.initial[name] = moment.astimezone(zone).replace(tzinfo=None)
                self.fields[name].help_text = _("In the event's time zone.")

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(
                _("This address is the list of past events: choose another one.")
            )
        return slug

    def clean(self):
        cleaned_data = super().clean()
        name = cleaned_data.get("time_zone") or self.instance.time_zone
        if name:
            zone = zoneinfo.ZoneInfo(name)
            for field in LOCAL_TIMES:
                moment = cleaned_data.get(field)
                if field in self.fields and moment is not None:
                    wall_time = timezone.localtime(moment).replace(tzinfo=None)
                    cleaned_data[field] = timezone.make_aware(wall_time, zone)
        return cleaned_data


@admin.register(Event)
class EventAdmin(TranslatorAdminMixin, TabbedTranslationAdmin):
    form = EventAdminForm
    translator_context = ["kind", "starts_at", "time_zone"]
    translator_texts = ["title", "description", "programme", "report", "organiser"]
    list_display = ["title", "kind", "starts_at", "town", "country", "status", "is_milestone"]
    list_filter = [
        "status",
        "kind",
        "is_milestone",
        "clusters",
        "country",
        dashboard.TranslationQueueFilter,
    ]
    search_fields = ["title", "slug", "town", "venue"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["clusters", "documents"]
    readonly_fields = ["status", "published_at", "created_at", "updated_at"]
    actions = ["publish_events", "cancel_events"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "status", "is_milestone"]}),
        (_("Texts"), {"fields": ["description", "programme", "report", "organiser"]}),
        (_("Time"), {"fields": [("starts_at", "ends_at"), "time_zone"]}),
        (
            _("Place"),
            {
                "fields": [
                    ("is_online", "online_url"),
                    "venue",
                    "street_address",
                    ("town", "country"),
                    ("latitude", "longitude"),
                    "languages_spoken",
                ]
            },
        ),
        (
            _("Registration"),
            {"fields": ["registration_open", "capacity", "registration_deadline"]},
        ),
        (_("Related"), {"fields": ["clusters", "documents"]}),
        (_("Dates"), {"fields": ["published_at", "created_at", "updated_at"]}),
    ]

    def has_publish_permission(self, request):
        """Whoever may change an event (an editor), not one who only translates it."""
        return request.user.has_perm("events.change_event")

    @admin.action(description=_("Publish the selected events"), permissions=["publish"])
    def publish_events(self, request, queryset):
        changed = services.events_publish(queryset=queryset, by=request.user)
        message = ngettext("%(count)d event published.", "%(count)d events published.", changed)
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)

    @admin.action(description=_("Cancel the selected events"), permissions=["publish"])
    def cancel_events(self, request, queryset):
        changed = services.events_cancel(queryset=queryset, by=request.user)
        message = ngettext("%(count)d event cancelled.", "%(count)d events cancelled.", changed)
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)
