from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from offers.models import Offer


@admin.register(Offer)
class OfferAdmin(TabbedTranslationAdmin):
    list_display = ["reference", "title", "organisation", "kind", "status", "source_language"]
    list_filter = ["status", "kind", "source_language", "clusters"]
    search_fields = ["reference", "title", "organisation__name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["clusters", "activities"]
    readonly_fields = ["reference", "created_at", "updated_at"]
