"""A record's change history in the admin (the history is kept by portal/common/history.py)."""

import dataclasses
import datetime

from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import modelform_factory
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

EMPTY = (None, "")


class HistoryAdmin(SimpleHistoryAdmin):
    """A record's history in the admin, as much of it as the staff member may see.

    The history list and each past version open for whoever may view the record
    and holds the historical model's view permission (the roles get it by each
    app's staff-roles migration). The list shows the changes only in
    the fields the record's change page shows that staff member; a past version is
    shown read-only, and nothing is ever reverted from it.
    """

    def history_view(self, request, object_id, extra_context=None):
        _check_id(self.model, unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def has_view_history_or_change_history_permission(self, request, obj=None):
        may_see_record = self.has_view_permission(request, obj) or self.has_change_permission(
            request, obj
        )
        return may_see_record and super().has_view_history_or_change_history_permission(
            request, obj
        )

    def has_change_history_permission(self, request, obj=None):
        return False  # no reverting: changes go through the forms and services

    def revert_disabled(self, request, obj=None):
        return True

    def get_historical_record_context_helper(self, request, historical_record):
        return HistoryChanges(self.model, historical_record)

    def visible_history_fields(self, request, obj):
        return {
            name
            for name in flatten_fieldsets(self.get_fieldsets(request, obj))
            if isinstance(name, str)
        }

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        visible = None
        previous = None
        for current in historical_records:
            if previous is None:
                previous = current
                continue
            if visible is None:
                tracked = {field.name for field in previous.tracked_fields if field.editable}
                visible = tracked & self.visible_history_fields(request, previous.instance)
            delta = previous.diff_against(
                current,
                included_fields=sorted(visible),
                foreign_keys_are_objs=foreign_keys_are_objs,
            )
            # An empty text saved where there was none (NULL) is no change to show.
            delta = dataclasses.replace(
                delta,
                changes=[
                    change
                    for change in delta.changes
                    if change.old not in EMPTY or change.new not in EMPTY
                ],
            )
            helper = self.get_historical_record_context_helper(request, previous)
            previous.history_delta_changes = helper.context_for_delta_changes(delta)
            previous = current

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """One past version, read-only: simple-history's page without its revert form."""
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        _check_id(self.model, object_id)
        _check_id(self.model.history.model, version_id)
        request.current_app = self.admin_site.name
        opts = self.model._meta
        record = get_object_or_404(
            self.model.history.model, **{opts.pk.attname: object_id, "history_id": version_id}
        )
        obj = record.instance
        obj._state.adding = False
        if not self.has_view_history_or_change_history_permission(request, obj):
            raise PermissionDenied
        fieldsets = self.get_fieldsets(request, obj)
        form = modelform_factory(self.model, fields=[])(instance=obj)
        admin_form = helpers.AdminForm(
            form, fieldsets, {}, flatten_fieldsets(fieldsets), model_admin=self
        )
        prefix = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}"
        context = {
            **self.admin_site.each_context(request),
            "title": self.history_form_view_title(request, obj),
            "adminform": admin_form,
            "object_id": object_id,
            "original": obj,
            "is_popup": False,
            "media": self.media + admin_form.media,
            "errors": [],
            "app_label": opts.app_label,
            "original_opts": opts,
            "opts": record._meta,
            "changelist_url": reverse(f"{prefix}_changelist"),
            "change_url": reverse(f"{prefix}_change", args=[obj.pk]),
            "history_url": reverse(f"{prefix}_history", args=[obj.pk]),
            "change_history": False,
            "revert_disabled": True,
            "add": False,
            "change": True,
            "has_add_permission": False,
            "has_view_permission": True,
            "has_change_permission": False,
            "has_delete_permission": False,
            "has_editable_inline_admin_formsets": False,
            "has_file_field": False,
            "has_absolute_url": False,
            "form_url": "",
            "content_type_id": ContentType.objects.get_for_model(self.model).pk,
            "save_as": False,
            "save_on_top": False,
            **(extra_context or {}),
        }
        return self.render_history_view(request, self.object_history_form_template, context)


def _check_id(model, value):
    """An address whose id is no id of `model` (say "abc" for a number) is not found."""
    try:
        model._meta.pk.to_python(value)
    except ValidationError:
        raise Http404 from None


class HistoryChanges(HistoricalRecordContextHelper):
    """The changes in a history as the admin shows values: labels, local times, dashes."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if value in EMPTY:
            return "—"
        if field.choices and isinstance(value, str):
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, datetime.datetime):
            return date_format(localtime(value), "SHORT_DATETIME_FORMAT")
        return super().prepare_delta_change_value(change, value)
