"""The sort order of a public list filtered from the URL (django-filter).

A list offers its `SORTS`: a key mapped to its label and its order (None for
"relevance", which ranks a search). Relevance is the order of a search; without
words to search it falls back to the list's own default order.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

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


class SortedFilterForm(TextFormMixin, forms.Form):
    """A list's filter form; relevance without words to search is `default_sort`.

    Words with a character that cannot be stored are refused, and not echoed back.
    """

    default_sort = None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("sort") == "relevance" and not cleaned.get("q"):
            cleaned["sort"] = self.default_sort
        return cleaned
