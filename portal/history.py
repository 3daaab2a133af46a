"""Change history of organisations, contact persons, offers and submissions.

django-simple-history keeps a historical row for every save: the record's values,
who (`history_user`), when and how (created, changed, deleted). The models are
registered here, from PortalConfig.ready(), after modeltranslation has added each
language's columns (`description_it`, ...), so that the history keeps them; the
untranslated originals (`description`) are left out, as they repeat the default
language's column.

Who changed a record: in a request, the signed-in user (HistoryRequestMiddleware);
a service records its `by=` with `record_by()`, so a moderator's publishing or a
background task started by a translator names them. Bulk updates and
`bulk_create` write no history: services use them only where history is not kept
or call `bulk_create_with_history`.
"""

from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.forms import modelform_factory
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from modeltranslation.translator import NotRegistered, translator
from simple_history import register
from simple_history.admin import SimpleHistoryAdmin


def _translated_fields(model):
    try:
        return list(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []


def history_models():
    from companies.models import ContactPerson, Organisation
    from offers.models import Offer, OfferTranslation
    from questionnaire.models import Submission

    return [Organisation, ContactPerson, Offer, OfferTranslation, Submission]


# Not kept in the history: a submission's answers and raw form data are written
# once, when it is sent, and copies of them in every status change would only keep
# personal data longer (questionnaire/retention.py removes them).
EXCLUDED_FIELDS = {"questionnaire.submission": ["answers", "form_data"]}


def register_models():
    for model in history_models():
        if hasattr(model, "history"):
            continue
        excluded = _translated_fields(model) + EXCLUDED_FIELDS.get(model._meta.label_lower, [])
        register(model, excluded_fields=excluded, user_related_name="+")


def record_by(instance, by):
    """Name `by` as the author of the instance's next saves (when someone is known)."""
    if by is not None:
        instance._history_user = by
    return instance


class HistoryAdmin(SimpleHistoryAdmin):
    """A record's history in the admin, as much of it as the staff member may see.

    The history list and each past version open for whoever may view the record
    and holds the historical model's view permission (the roles get it by
    portal/migrations/0003_history_roles.py). The list shows the changes only in
    the fields the record's change page shows that staff member; a past version is
    shown read-only, and nothing is ever reverted from it.
    """

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
            helper = self.get_historical_record_context_helper(request, previous)
            previous.history_delta_changes = helper.context_for_delta_changes(delta)
            previous = current

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """One past version, read-only: simple-history's page without its revert form."""
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
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
