"""The directory's filters, read from the URL so that a result can be shared."""

import django_filters
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from companies.models import Activity, Certification, Cluster, Organisation
from companies.search import search_organisations
from portal.common.filters import (
    CountryFilter,
    ListFilterSet,
    SortedFilterForm,
    chosen_sort,
    show_options,
    sort_filter,
)

SORTS = {
    "name": (_("name (A–Z)"), ["name"]),
    "-name": (_("name (Z–A)"), ["-name"]),
    "newest": (_("newest first"), ["-created_at", "name"]),
    "relevance": (_("relevance"), None),
}


class DirectoryFilterForm(SortedFilterForm):
    """Words with a character that cannot be stored are refused, and not echoed back."""

    default_sort = "name"


class OrganisationFilter(ListFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_text", max_length=200, strip=True
    )
    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"),
        queryset=Cluster.objects.all(),
        to_field_name="slug",
        method="filter_cluster",
        empty_label=_("all clusters"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of organisation"),
        choices=Organisation.Kind.choices,
        empty_label=_("all kinds"),
    )
    activity = django_filters.ModelChoiceFilter(
        label=_("NACE activity"),
        queryset=Activity.objects.all(),
        to_field_name="code",
        method="filter_activity",
        empty_label=_("all activities"),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=[], empty_label=_("all countries")
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=[], empty_label=_("all regions")
    )
    size = django_filters.ChoiceFilter(
        label=_("Size"),
        field_name="size_class",
        choices=Organisation.SizeClass.choices,
        empty_label=_("all sizes"),
    )
    certification = django_filters.ModelChoiceFilter(
        label=_("Certification"),
        queryset=Certification.objects.all(),
        to_field_name="slug",
        method="filter_certification",
        empty_label=_("any certification"),
    )
    market = CountryFilter(
        label=_("Export market"),
        method="filter_market",
        empty_label=_("any export market"),
    )
    sort = sort_filter(SORTS)

    class Meta:
        model = Organisation
        fields = []
        form = DirectoryFilterForm

    # `options`: selectors.directory_choices; countries and regions are those the
    # directory holds, the other lists are shown from it.

    def use_options(self, options):
        choices = options or {}
        self.filters["country"].extra["choices"] = choices.get("countries", [])
        self.filters["region"].extra["choices"] = choices.get("regions", [])

    def show_options(self, form, options):
        choices = options or {}
        fields = form.fields
        fields["sort"].required = False
        fields["sort"].initial = "name"
        show_options(
            fields["market"], choices.get("markets") or [(code, name) for code, name in countries]
        )
        for name, options in (
            ("cluster", "clusters"),
            ("activity", "activities"),
            ("certification", "certifications"),
        ):
            if options in choices:
                show_options(fields[name], choices[options])

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("sort"):
            queryset = self.filter_sort(
                queryset, "sort", chosen_sort(self.form.cleaned_data, "name")
            )
        return queryset

    def filter_text(self, queryset, name, value):
        return search_organisations(queryset, value, get_language())

    def filter_cluster(self, queryset, name, value):
        return queryset.filter(pk__in=value.organisations.values("pk"))

    def filter_activity(self, queryset, name, value):
        if value.level == Activity.Level.SECTION:
            codes = Activity.objects.filter(
                Q(pk=value.pk)
                | Q(parent=value)
                | Q(parent__parent=value)
                | Q(parent__parent__parent=value)
            )
        else:
            codes = Activity.objects.filter(code__startswith=value.code)
        return queryset.filter(
            pk__in=Organisation.activities.through.objects.filter(activity__in=codes).values(
                "organisation_id"
            )
        )

    def filter_certification(self, queryset, name, value):
        return queryset.filter(pk__in=value.organisations.values("pk"))

    def filter_market(self, queryset, name, value):
        return queryset.filter(export_markets__regex=rf"(^|,){value}(,|$)")

    def filter_sort(self, queryset, name, value):
        if value == "relevance":
            if self.form.cleaned_data.get("q"):
                return queryset.order_by(F("rank").desc(nulls_last=True), "name")
            value = "name"
        return queryset.order_by(*SORTS[value][1])
