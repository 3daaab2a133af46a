"""The document list's filters, read from the URL so that a result can be shared."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from companies.models import Cluster
from portal.common.filters import ListFilterSet, SortedFilterForm
from portal.documents.models import Document, DocumentFile


class DocumentFilter(ListFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind of document"), choices=Document.Kind.choices, empty_label=_("all kinds")
    )
    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"),
        queryset=Cluster.objects.all(),
        to_field_name="slug",
        method="filter_cluster",
        empty_label=_("all clusters"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Available in"),
        choices=settings.LANGUAGES,
        method="filter_language",
        empty_label=_("any language"),
    )

    class Meta:
        model = Document
        fields = []
        form = SortedFilterForm

    def filter_cluster(self, queryset, name, value):
        return queryset.filter(pk__in=value.documents.values("pk"))

    def filter_language(self, queryset, name, value):
        return queryset.filter(
            pk__in=DocumentFile.objects.filter(language=value).values("document_id")
        )
