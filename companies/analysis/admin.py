"""The admin of cluster analysis: NUTS regions, regional figures and their imports.

Staff who may `companies.import_statistics` import a file from the imports' list:
a dry run shows what it would change (or every bad line), the import writes it in
one transaction and the admin's log records it. Figures and imports are read
here, never edited: a correction is a new import.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from companies.analysis.imports import import_statistics
from companies.analysis.models import Region, RegionalFigure, StatisticsImport
from portal.common.admin import ReadOnlyAdminMixin
from portal.common.text import TextFormMixin
from portal.common.translator_admin import TranslatorAdminMixin

# Enough for a Eurostat table of every NUTS 2 region, or a long CSV of 100,000 figures.
# The import page's requests are also limited by settings.LARGE_UPLOAD_MAX_REQUEST_BYTES
# (portal/common/request_size.py).
STATISTICS_FILE_MAX_BYTES = 10 * 1024 * 1024


def statistics_file_limit():
    return min(STATISTICS_FILE_MAX_BYTES, settings.LARGE_UPLOAD_MAX_REQUEST_BYTES)


@admin.register(Region)
class RegionAdmin(TranslatorAdminMixin, TabbedTranslationAdmin):
    translator_context = ["code", "level", "country"]
    translator_texts = ["name"]
    list_display = ["code", "name", "level", "country", "parent"]
    list_filter = ["level", "country"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent"]
    readonly_fields = ["added_by"]
    list_select_related = ["parent"]


class StatisticsImportForm(TextFormMixin, forms.Form):
    file = forms.FileField(label=capfirst(_("file")))
    source = forms.CharField(
        label=capfirst(_("source")),
        required=False,
        max_length=300,
        help_text=_(
            "Leave it empty to keep the file's own: the CSV's source column, or "
            "“Eurostat” and the file's name."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "A long CSV (region, region_name, nace, year, indicator, value, source) or "
            "a Eurostat regional SBS table (TSV, gzipped or not), up to %(size)s."
        ) % {"size": filesizeformat(statistics_file_limit())}

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > statistics_file_limit():
            raise forms.ValidationError(
                _("The file is larger than %(size)s.")
                % {"size": filesizeformat(statistics_file_limit())}
            )
        return file


@admin.register(StatisticsImport)
class StatisticsImportAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["file_name", "format", "source", "imported_by", "imported_at", "counts"]
    list_filter = ["format"]
    list_select_related = ["imported_by"]
    search_fields = ["file_name", "source"]
    date_hierarchy = "imported_at"
    fields = readonly_fields = [
        "file_name",
        "format",
        "source",
        "imported_by",
        "imported_at",
        "counts",
        "regions",
    ]
    display_fields = {"counts": "summary", "regions": "summary"}

    @admin.display(description=_("figures"))
    def counts(self, obj):
        summary = obj.summary or {}
        return gettext(
            "%(created)s created, %(updated)s updated, %(unchanged)s unchanged, %(skipped)s skipped"
        ) % {name: summary.get(name, 0) for name in ["created", "updated", "unchanged", "skipped"]}

    @admin.display(description=_("regions added"))
    def regions(self, obj):
        return ", ".join((obj.summary or {}).get("regions_added", [])) or "–"

    def has_import_permission(self, request):
        return request.user.has_perm("companies.import_statistics")

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="companies_statisticsimport_import",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra = {"can_import": self.has_import_permission(request)}
        return super().changelist_view(request, {**extra, **(extra_context or {})})

    def import_view(self, request):
        """A file checked with a dry run, then imported."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        post = request.method == "POST"
        form = StatisticsImportForm(request.POST if post else None, request.FILES if post else None)
        result = None
        if form.is_bound and form.is_valid():
            file = form.cleaned_data["file"]
            result = import_statistics(
                data=file,
                file_name=file.name,
                source=form.cleaned_data["source"],
                by=request.user,
                dry_run="_import" not in request.POST,
            )
            if result.statistics_import is not None:
                self.log_addition(request, result.statistics_import, [{"added": {}}])
                self.message_user(
                    request,
                    gettext(
                        "%(file)s imported: %(created)s figures created, %(updated)s "
                        "updated, %(unchanged)s unchanged."
                    )
                    % {
                        "file": file.name,
                        "created": result.created,
                        "updated": result.updated,
                        "unchanged": result.unchanged,
                    },
                    messages.SUCCESS,
                )
                return redirect("admin:companies_statisticsimport_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import regional statistics"),
            "form": form,
            "result": result,
        }
        return TemplateResponse(request, "admin/companies/statisticsimport/import.html", context)


@admin.register(RegionalFigure)
class RegionalFigureAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["region", "nace", "year", "indicator", "value", "status", "flags", "source"]
    list_filter = ["indicator", "year", "status"]
    list_select_related = ["region"]
    search_fields = ["region__code", "nace"]
    fields = readonly_fields = [
        "region",
        "nace",
        "year",
        "indicator",
        "value",
        "status",
        "flags",
        "source",
        "statistics_import",
    ]
