"""Exports from the admin: a list, as it is filtered, to CSV or XLSX.

django-import-export does the work, for export only (nothing is imported). A
ModelAdmin mixes in `StaffExportMixin` and names its resources: the columns
without personal data (`export_resource`) and, where the records hold some, the
columns with it (`export_personal_resource`), which only a user with every one of
`personal_data_permissions` gets. Whoever exports needs `<app>.export_<model>`
(IMPORT_EXPORT_EXPORT_PERMISSION_CODE); the export page, its file and the admin
action "export_admin_action" are refused to everyone else.

Resources are plain `Resource` classes that declare each column, so a field added
to a model later is not exported until someone adds its column here. Headers are
the fields' verbose names, read in the staff member's language at export time.

Every text cell that a spreadsheet would run as a formula (=, +, -, @, tab or
carriage return first) is prefixed with an apostrophe, in CSV and in XLSX: a
phone number in international form too ("'+48 85 654 32 10"), which a
spreadsheet would otherwise read as a number and strip of its plus.
"""

import logging

import tablib
from django.contrib import admin
from django.contrib.admin.options import IS_POPUP_VAR, ActionLocation, IncorrectLookupParameters
from django.contrib.admin.views.main import ERROR_FLAG
from django.http import HttpResponseRedirect
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ExportActionMixin
from import_export.fields import Field
from import_export.formats import base_formats
from import_export.forms import ExportForm
from import_export.resources import Resource
from import_export.widgets import BooleanWidget, DateTimeWidget, IntegerWidget

from portal.common.links import local_path
from portal.common.text import xml_safe

logger = logging.getLogger(__name__)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "


def spreadsheet_safe(value):
    """A text that a spreadsheet shows as text: formulas lose their power, and
    characters an XLSX file (XML) cannot carry are dropped."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        value = xml_safe(value)
        if value.startswith(FORMULA_STARTS):
            return "'" + value
    return value


def _safe_dataset(dataset):
    safe = tablib.Dataset(headers=[spreadsheet_safe(str(name)) for name in dataset.headers or []])
    for row in dataset:
        safe.append([spreadsheet_safe(value) for value in row])
    return safe


class CSV(base_formats.CSV):
    def export_data(self, dataset, **kwargs):
        # The byte order mark tells spreadsheets that the file is UTF-8.
        return "\ufeff" + super().export_data(_safe_dataset(dataset), **kwargs)


class XLSX(base_formats.XLSX):
    def export_data(self, dataset, **kwargs):
        return super().export_data(_safe_dataset(dataset), **kwargs)


# Columns.


def verbose_name(model, name):
    return capfirst(model._meta.get_field(name).verbose_name)


def column(model, name, **kwargs):
    """A model field's column, headed by its verbose name."""
    return Field(attribute=name, column_name=verbose_name(model, name), readonly=True, **kwargs)


def display_column(model, name):
    """A field with choices, as its label in the staff member's language."""
    return Field(
        attribute=f"get_{name}_display", column_name=verbose_name(model, name), readonly=True
    )


def number_column(model, name):
    return column(model, name, widget=IntegerWidget())


def boolean_column(model, name):
    return column(model, name, widget=BooleanWidget())


def datetime_column(model, name):
    return column(model, name, widget=DateTimeWidget())


def names(objects):
    return LIST_SEPARATOR.join(str(item) for item in objects)


def yes_no(value):
    if value is None:
        return ""
    return gettext("yes") if value else gettext("no")


class StaffResource(Resource):
    """Columns declared one by one; nothing else is exported."""

    display_name = ""

    @classmethod
    def get_display_name(cls):
        return cls.display_name or cls.__name__

    def get_export_headers(self, selected_fields=None):
        return [str(name) for name in super().get_export_headers(selected_fields)]


class StaffExportMixin(ExportActionMixin):
    export_resource = None
    export_personal_resource = None
    personal_data_permissions = ()

    formats = [CSV, XLSX]
    export_form_class = ExportForm  # all the role's columns; no per-column choice
    import_export_change_list_template = "admin/export_change_list.html"
    change_form_template = None
    show_change_form_export = False

    @admin.action(description=_("Export selected %(verbose_name_plural)s"), permissions=["export"])
    def export_admin_action(self, request, queryset):
        return super().export_admin_action(request, queryset)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        # ExportActionMixin.get_actions predates Django's action locations: the
        # admin's own, and the export action beside them on the list.
        actions = super(ExportActionMixin, self).get_actions(request, action_location)
        if self.actions is None or IS_POPUP_VAR in request.GET:
            return actions
        export = self.get_action("export_admin_action", action_location)
        if export is not None and self.has_export_permission(request):
            actions[export.name] = export
        return actions

    def export_action(self, request):
        # The export page filters as the list does; a filter the list does not know
        # sends back to the list with the admin's "errors in the filters" notice.
        try:
            return super().export_action(request)
        except IncorrectLookupParameters:
            return HttpResponseRedirect(
                f"{local_path(request.path.removesuffix('export/'))}?{ERROR_FLAG}=1"
            )

    def get_valid_export_item_pks(self, request):
        """The records an export from the action may name: those of the user's list."""
        return self.get_queryset(request).values_list("pk", flat=True)

    def may_see_personal_data(self, request):
        return self.export_personal_resource is not None and request.user.has_perms(
            self.personal_data_permissions
        )

    def get_export_resource_classes(self, request):
        if self.may_see_personal_data(request):
            return [self.export_personal_resource]
        return [self.export_resource]

    def get_export_data(self, file_format, request, queryset, **kwargs):
        data = super().get_export_data(file_format, request, queryset, **kwargs)
        logger.info(
            "%s exported %s as %s%s",
            request.user.get_username(),
            self.opts.label,
            file_format.get_title(),
            " with personal data" if self.may_see_personal_data(request) else "",
        )
        return data
