"""News in the admin: editors write, schedule and publish items; translators
translate their texts in the workspace (portal/common/translator_admin.py)."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from portal.common.translator_admin import TranslatorAdminMixin
from portal.news import dashboard
from portal.news.forms import NewsItemAdminForm
from portal.news.models import NewsItem


class ShownFilter(admin.SimpleListFilter):
    """Whether readers see an item now, or will at its time."""

    title = _("on the site")
    parameter_name = "shown"

    def lookups(self, request, model_admin):
        return [("now", _("shown now")), ("scheduled", _("scheduled")), ("no", _("not published"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "now":
            return queryset.filter(is_published=True, publish_at__lte=now)
        if self.value() == "scheduled":
            return queryset.filter(is_published=True, publish_at__gt=now)
        if self.value() == "no":
            return queryset.filter(is_published=False)
        return queryset


@admin.register(NewsItem)
class NewsItemAdmin(TranslatorAdminMixin, TabbedTranslationAdmin):
    form = NewsItemAdminForm
    translator_context = ["slug", "image", "publish_at"]
    translator_texts = ["title", "lead", "body", "image_alt"]
    list_display = ["title", "publish_at", "is_published", "shown"]
    list_filter = [ShownFilter, "clusters", dashboard.TranslationQueueFilter]
    search_fields = ["title", "slug"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["clusters", "events", "documents"]
    readonly_fields = ["author", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (
            _("Publication"),
            {
                "fields": ["is_published", "publish_at"],
                "description": _(
                    "A published item appears on the site at its publication time; "
                    "a later time schedules it."
                ),
            },
        ),
        (_("Related"), {"fields": ["clusters", "events", "documents"]}),
        (_("History"), {"fields": ["author", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("on the site"))
    def shown(self, item):
        if not item.is_published:
            return _("not published")
        if item.publish_at > timezone.now():
            return _("scheduled")
        return _("shown now")

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
