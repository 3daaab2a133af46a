from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from portal.common.translator_admin import TranslatorAdminMixin
from portal.project import dashboard
from portal.project.models import Partner


@admin.register(Partner)
class PartnerAdmin(TranslatorAdminMixin, TabbedTranslationAdmin):
    """The project's partners: editors keep them, translators translate their names and
    descriptions."""

    translator_context = ["country", "website"]
    translator_texts = ["name", "description"]
    list_display = ["name", "country", "is_lead", "order"]
    list_filter = ["is_lead", "country", dashboard.TranslationQueueFilter]
    search_fields = ["name"]
    fields = [
        "name",
        "description",
        ("country", "is_lead"),
        "website",
        ("latitude", "longitude"),
        "order",
    ]
