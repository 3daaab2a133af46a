"""The filter form of a public list filtered from the URL (django-filter).

A list offers its `SORTS`: a key mapped to its label and its order (None for
"relevance", which ranks a search). Relevance is the order of a search; without
words to search it falls back to the list's own default order.

A filter form's selects hold hundreds of options (countries, NACE activities):
they are written in one pass (`OptionsSelect`), not through a template per
option, and a list shows the options its selector keeps in the cache
(`show_options`) rather than asking the database for them on every request.
"""

import copy

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from portal.common.text import TextFormMixin


def sort_filter(sorts):
    """The `sort` filter offering `sorts` by their labels, applied by the set's `filter_sort`."""
    return django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[(key, label) for key, (label, _order) in sorts.items()],
        method="filter_sort",
        empty_label=None,
    )


def chosen_sort(cleaned_data, default):
    """The order asked for: relevance by default when searching, else `default`."""
    return cleaned_data.get("sort") or ("relevance" if cleaned_data.get("q") else default)


SELECTED = mark_safe(" selected")


class OptionsSelect(forms.Select):
    """A select whose options are written in one pass, without a template per option.

    The HTML is the one Django's templates write: the first option whose value is
    the field's is selected. Options are flat (filters have no groups).
    """

    def render(self, name, value, attrs=None, renderer=None):
        # As Django's template writes them: the name first, True as the bare name.
        attributes = format_html_join(
            "",
            "{}",
            (
                (
                    format_html(" {}", key)
                    if setting is True
                    else format_html(' {}="{}"', key, setting),
                )
                for key, setting in {"name": name, **self.build_attrs(self.attrs, attrs)}.items()
                if setting is not False and setting is not None
            ),
        )
        chosen = self.format_value(value)
        options = []
        selected = False
        for option_value, label in self.choices:
            option_value = "" if option_value is None else str(option_value)
            is_chosen = not selected and option_value in chosen
            selected |= is_chosen
            options.append((option_value, SELECTED if is_chosen else "", label))
        return format_html(
            "<select{}>{}</select>",
            attributes,
            format_html_join("", '<option value="{}"{}>{}</option>', options),
        )


class _FiltersCopiedShallowly(dict):
    """A filter set's filters, copied for each request without deep copies of their
    query sets and choices: each copy gets its own `extra`, which a list may change."""

    def __deepcopy__(self, memo):
        copied = type(self)()
        for name, original in self.items():
            copied[name] = filter_copy = copy.copy(original)
            filter_copy.extra = dict(original.extra)
            if original.method is not None:
                # Bound anew: a filter's method is looked up on its own parent.
                filter_copy.method = original.method
        return copied


class ListFilterSet(django_filters.FilterSet):
    """A public list's filter set (django-filter's), cheaper to make for each request.

    django-filter deep copies every filter for each filter set it makes: with the
    query sets of model choices and long lists of choices, that is hundreds of
    copies per request. The filters never change what they were declared with
    (only their `extra`), so a shallow copy of each, with its own `extra`, will do.

    `options`: a callable that gives what the list's form shows (kept in the cache
    per language), read only when the form is made. A list asked for without
    filters makes no form, and a list whose form is kept rendered reads no
    options; `use_options` and `show_options` apply them before and after the
    form is made.
    """

    def __init__(self, data=None, *args, options=None, **kwargs):
        self._options = options
        super().__init__(data, *args, **kwargs)

    @classmethod
    def get_filters(cls):
        return _FiltersCopiedShallowly(super().get_filters())

    @property
    def form(self):
        if not hasattr(self, "_form"):
            options = self._options() if self._options is not None else None
            self.use_options(options)
            self.show_options(super().form, options)
        return self._form

    def use_options(self, options):
        """Before the form is made: the filters that check values against the options
        (None: the list was made without them)."""

    def show_options(self, form, options):
        """Once the form is made: the options its selects show (None: none given)."""


class CountryCodeField(forms.CharField):
    """Any country, by its ISO code, in a select that shows the options `show_options` gives.

    A choice field of every country would copy its 250 choices for each form.
    """

    widget = OptionsSelect
    default_error_messages = {
        "invalid_choice": forms.ChoiceField.default_error_messages["invalid_choice"]
    }

    def __init__(self, *, empty_label=None, **kwargs):
        self.empty_label = empty_label
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value and value not in countries:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )


class CountryFilter(django_filters.CharFilter):
    """A filter by a country's code, any country (`CountryCodeField`)."""

    field_class = CountryCodeField


# The classes of Bootstrap's form controls, as the site's other forms have them.
CONTROL_CLASSES = {forms.Select: "select form-select", forms.TextInput: "textinput form-control"}


class FilterBoundField(BoundField):
    """A filter's control with Bootstrap's classes, marked invalid when it has errors."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if self.errors:
            attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()
        return attrs


def show_options(field, options):
    """Show `options` ((value, label) pairs) in the field's select, after its empty choice.

    The field still checks a value as before (a model choice by its query set): this
    only spares building and rendering its choices from the database.
    """
    empty_label = getattr(field, "empty_label", None)
    empty = [] if empty_label is None else [("", empty_label)]
    field.widget.choices = [*empty, *options]


class SortedFilterForm(TextFormMixin, forms.Form):
    """A list's filter form; relevance without words to search is `default_sort`.

    Words with a character that cannot be stored are refused, and not echoed back.
    Its selects are `OptionsSelect`s, and its controls have Bootstrap's classes.
    """

    default_sort = None
    bound_field_class = FilterBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if type(widget) is forms.Select:
                field.widget = widget = OptionsSelect(attrs=widget.attrs, choices=widget.choices)
            for kind, classes in CONTROL_CLASSES.items():
                if isinstance(widget, kind):
                    widget.attrs["class"] = classes

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("sort") == "relevance" and not cleaned.get("q"):
            cleaned["sort"] = self.default_sort
        return cleaned
