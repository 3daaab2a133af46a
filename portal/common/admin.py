"""Filtering and searching an admin list only by what the staff member can see.

Django's admin filters a list by any field of its model (`?email=…`) and searches
every field in `search_fields`, whether or not the staff member's form shows that
field: a translator, who sees no contact data, could still find an organisation
by its e-mail address. With `VisibleFieldsOnlyMixin` a lookup or a search reaches
only the fields the staff member sees for the model: those of its change form for
them (read-only ones included), the list's columns and its date drill-down. A
lookup on any other field is refused (the admin answers 400), and search fields
and list filters on such a field are left out. The first field of a lookup
decides, so a lookup through a relation (`contact_persons__email`) needs the
relation to be visible, and Django's own rule (only the relations of the list's
filters) still holds beyond it.

With `TextCheckedFormsMixin` every form of a ModelAdmin (a record's, its inlines',
the list's editable rows) checks the text posted to it as every form of the portal
does (portal/common/text.py).

The portal's admin site mixes both into every ModelAdmin it registers.

`ReadOnlyAdminMixin` is for the records staff read and never add, edit or delete in
the admin (logs, and what members propose, which staff decide through buttons).
"""

from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import FieldDoesNotExist
from django.db.models.constants import LOOKUP_SEP

from portal.common.text import TextFormMixin

SEARCH_PREFIXES = "^=@"


class ReadOnlyAdminMixin:
    """A ModelAdmin whose records are read, never added, changed or deleted there."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class VisibleFieldsOnlyMixin:
    # A method that shows a model field (as a column or a read-only field) names it
    # here, {"formatted_traceback": "traceback"}: whoever sees the method sees the field.
    display_fields = {}

    def visible_fields(self, request):
        """Names of the model's fields this staff member sees in the admin."""
        record = self.model()  # the change form's fields, not the add form's
        names = {
            name
            for name in flatten_fieldsets(self.get_fieldsets(request, record))
            if isinstance(name, str)
        }
        names |= {name for name in self.get_list_display(request) if isinstance(name, str)}
        if self.date_hierarchy:
            names.add(self.date_hierarchy)
        names |= {self.display_fields[name] for name in names if name in self.display_fields}
        visible = set()
        for name in names:
            field = self._first_field(name)
            if field is None:
                continue
            visible.add(field.name)
            # A language's column of a translated text (modeltranslation) shows its field.
            original = getattr(field, "translated_field", None)
            if original is not None:
                visible.add(original.name)
        return visible

    def _first_field(self, lookup):
        try:
            return self.opts.get_field(lookup.split(LOOKUP_SEP)[0])
        except FieldDoesNotExist:
            return None

    def _may_see(self, request, lookup):
        field = self._first_field(lookup)
        return field is not None and (
            getattr(field, "primary_key", False) or field.name in self.visible_fields(request)
        )

    def lookup_allowed(self, lookup, value, request):
        if self._first_field(lookup) is not None and not self._may_see(request, lookup):
            return False
        # Not a field: a list filter's own parameter, which Django handles.
        return super().lookup_allowed(lookup, value, request)

    def get_search_fields(self, request):
        return [
            name
            for name in super().get_search_fields(request)
            if self._may_see(request, name.lstrip(SEARCH_PREFIXES))
        ]

    def get_list_filter(self, request):
        return [
            item
            for item in super().get_list_filter(request)
            if _filtered_field(item) is None or self._may_see(request, _filtered_field(item))
        ]


def _filtered_field(list_filter):
    """The field path a list filter filters by; None for a filter class of its own."""
    if isinstance(list_filter, list | tuple):
        list_filter = list_filter[0]
    return list_filter if isinstance(list_filter, str) else None


def text_checked(form_class):
    """`form_class`, checking the text posted to it (portal/common/text.py)."""
    if issubclass(form_class, TextFormMixin):
        return form_class
    return type(
        form_class.__name__, (TextFormMixin, form_class), {"__module__": form_class.__module__}
    )


class TextCheckedFormsMixin:
    def get_form(self, request, *args, **kwargs):
        return text_checked(super().get_form(request, *args, **kwargs))

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            formset.form = text_checked(formset.form)
            yield formset, inline

    def get_changelist_form(self, request, **kwargs):
        return text_checked(super().get_changelist_form(request, **kwargs))


# What the portal's admin site mixes into every ModelAdmin it registers.
ADMIN_MIXINS = (VisibleFieldsOnlyMixin, TextCheckedFormsMixin)
