"""The offer list's filters, read from the URL (and stored as they are in alerts)."""

import django_filters
from django.db import connection
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from companies.models import Activity, Cluster
from offers.models import Offer
from offers.search import search_offers
from portal.common.filters import (
    CountryFilter,
    ListFilterSet,
    SortedFilterForm,
    chosen_sort,
    show_options,
    sort_filter,
)
from portal.common.search import SearchResults

# Relevance comes first, so that a search sent from the form (which always sends
# a sort) is ranked; without words it means newest first (OfferFilterForm.clean).
SORTS = {
    "relevance": (_("relevance"), None),
    # Live offers always have a publication date: the (status, published_at) index
    # serves this order without sorting every live offer.
    "newest": (_("newest first"), ["-published_at", "-pk"]),
    "expiring": (_("expiring soon"), ["expires_at", "pk"]),
}


def country_options(codes):
    """(code, name) of these countries in the reader's language, in the order of their names."""
    return [(code, str(name)) for code, name in countries if code in codes]


FILTER_NAMES = ("q", "kind", "cluster", "cooperation", "country", "target", "activity", "sort")


class OfferFilterForm(SortedFilterForm):
    """Words with a character that cannot be stored are refused, and not echoed back."""

    default_sort = "newest"

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())


class OfferFilter(ListFilterSet):
    """Filters of live offers; `language` is the reader's, for search."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_text", max_length=200)
    kind = django_filters.ChoiceFilter(
        label=_("Kind of offer"), choices=Offer.Kind.choices, empty_label=_("all kinds")
    )
    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"),
        queryset=Cluster.objects.all(),
        to_field_name="slug",
        field_name="clusters",
        empty_label=_("all clusters"),
    )
    cooperation = django_filters.ChoiceFilter(
        label=_("Co-operation sought"),
        choices=Offer.CooperationType.choices,
        method="filter_cooperation",
        empty_label=_("all kinds of co-operation"),
    )
    country = CountryFilter(
        label=_("Country of the offering organisation"),
        field_name="organisation__country",
        empty_label=_("all countries"),
    )
    target = CountryFilter(
        label=_("Country of interest"),
        method="filter_target",
        empty_label=_("all countries"),
    )
    activity = django_filters.ModelChoiceFilter(
        label=_("Activity (NACE)"),
        queryset=Activity.objects.filter(level=Activity.Level.CLASS).order_by("code"),
        to_field_name="code",
        field_name="activities",
        empty_label=_("all activities"),
    )
    sort = sort_filter(SORTS)

    class Meta:
        model = Offer
        fields = []
        form = OfferFilterForm

    def __init__(self, data=None, *args, language="pl", **kwargs):
        """`options`: what the list's form shows (selectors.offer_list_options).

        Without them (alerts) the form is not shown. The countries shown are those
        of live offers, and the one asked for; any country is still a valid filter.
        """
        self.language = language
        super().__init__(data, *args, **kwargs)

    def show_options(self, form, options):
        if options is None:
            return
        fields = form.fields
        show_options(fields["cluster"], options["clusters"])
        show_options(fields["activity"], options["activities"])
        for name in ("country", "target"):
            shown = options[name]
            chosen = (self.data or {}).get(name)
            if chosen and chosen in countries and chosen not in dict(shown):
                shown = country_options({chosen, *dict(shown)})
            show_options(fields[name], shown)

    def filter_text(self, queryset, name, value):
        return search_offers(queryset, value, self.language)

    def filter_cooperation(self, queryset, name, value):
        if connection.vendor == "postgresql":
            return queryset.filter(cooperation_types__contains=[value])
        # SQLite has no JSON containment: the list is stored as '["commercial", ...]'.
        return queryset.filter(cooperation_types__icontains=f'"{value}"')

    def filter_target(self, queryset, name, value):
        # A CountryField(multiple=True) is stored as "AT,CZ,IT".
        return queryset.filter(target_countries__regex=rf"(^|,){value}(,|$)")

    def filter_sort(self, queryset, name, value):
        return queryset  # applied in `qs`, after every filter

    @property
    def qs(self):
        if not hasattr(self, "_sorted_qs"):
            self._sorted_qs = self.apply_sort(super().qs)
        return self._sorted_qs

    @property
    def sort_key(self):
        """The order asked for: relevance by default when searching, else newest."""
        return chosen_sort(self.form.cleaned_data if self.is_bound else {}, "newest")

    def results(self, queryset):
        """The rows of the list's pages: a search's are counted up to a limit and
        ranked over its newest matches (portal.common.search.SearchResults)."""
        if "rank" not in queryset.query.annotations:
            return queryset
        if self.sort_key == "relevance":
            newest = SORTS["newest"][1]
            return SearchResults(queryset.order_by(*newest), ("-rank", *newest), rows=self.queryset)
        return SearchResults(queryset)

    def apply_sort(self, queryset):
        """Order after every filter; relevance only when a search ranked the offers."""
        if self.sort_key == "relevance" and "rank" in queryset.query.annotations:
            return queryset.order_by("-rank", *SORTS["newest"][1])
        return queryset.order_by(
            *(SORTS.get(self.sort_key, SORTS["newest"])[1] or SORTS["newest"][1])
        )
