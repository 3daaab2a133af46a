"""The event lists' filters, read from the URL so that a result can be shared."""

import contextlib
import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from companies.models import Cluster
from portal.common.filters import CountryFilter, ListFilterSet, SortedFilterForm, show_options
from portal.events import selectors
from portal.events.models import Event


class MonthField(forms.CharField):
    """A month as the URL gives it, `2026-10`; its first day once cleaned."""

    widget = forms.Select
    default_error_messages = {"invalid": _("Choose a month from the list.")}

    def __init__(self, *, empty_label=None, **kwargs):
        self.empty_label = empty_label
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class MonthFilter(django_filters.Filter):
    field_class = MonthField


class EventFilterForm(SortedFilterForm):
    """Every filter is optional; a value that is no option is refused with a message."""


def month_value(month):
    return month.strftime("%Y-%m")


def month_label(month):
    return formats.date_format(month, "YEAR_MONTH_FORMAT")


class EventFilter(ListFilterSet):
    """Filters of a list of events; `options` (selectors.list_options): what its selects offer."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind of event"), choices=Event.Kind.choices, empty_label=_("all kinds")
    )
    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"),
        queryset=Cluster.objects.all(),
        to_field_name="slug",
        field_name="clusters",
        empty_label=_("all clusters"),
    )
    country = CountryFilter(label=_("Country"), empty_label=_("all countries"))
    month = MonthFilter(label=_("Month"), method="filter_month", empty_label=_("any month"))

    class Meta:
        model = Event
        fields = []
        form = EventFilterForm

    def show_options(self, form, options):
        if options is None:
            return
        fields = form.fields
        show_options(fields["cluster"], options["clusters"])
        show_options(fields["country"], options["countries"])
        months = set(options["months"])
        chosen = form["month"].data
        if chosen:
            with contextlib.suppress(ValidationError):
                months.add(fields["month"].to_python(chosen))
        show_options(
            fields["month"], [(month_value(month), month_label(month)) for month in sorted(months)]
        )

    def filter_month(self, queryset, name, value):
        start, following = selectors.month_range(value)
        return queryset.filter(starts_at__gte=start, starts_at__lt=following)
