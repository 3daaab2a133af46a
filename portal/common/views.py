"""View helpers shared by the apps' public pages."""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.template.loader import render_to_string

from portal.common.fragments import KeptCount, kept_part


class FilteredListMixin:
    """A public list filtered and paged from the URL, for django-filter's `FilterView`.

    A list has `DIRECTORY_PAGE_SIZE` rows a page; a filter that is not valid shows
    its error rather than an empty list (`strict = False`); the template gets the
    query without its page number (`query_without_page`) for the pager's links.

    Its count (`kept_count`) and its rendered filter form (`filter_fields`) are kept
    as parts of pages of `page_kind` (portal/common/fragments.py) under the query
    without its page number, for `list_seconds` at most.
    """

    strict = False
    page_kind = None
    list_seconds = None

    def get_paginate_by(self, queryset):
        return settings.DIRECTORY_PAGE_SIZE

    def query_without_page(self):
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        return query

    def list_key(self):
        """The list's query without its page number, its parameters sorted by name, as
        a short key (a query may be long)."""
        query = urlencode(sorted(self.query_without_page().lists()), doseq=True)
        return hashlib.sha256(query.encode()).hexdigest()

    def kept_count(self, rows):
        """`rows` for the paginator, their count kept."""
        key = "count:" + self.list_key()
        return KeptCount(rows, self.page_kind, key, seconds=self.list_seconds)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query_without_page"] = self.query_without_page().urlencode()
        filterset = context["filter"]
        # The form shows the options the data holds and the values asked for; it is
        # made only to be rendered (or to check the values asked for).
        context["filter_fields"] = kept_part(
            self.page_kind,
            "filters:" + self.list_key(),
            lambda: render_to_string("includes/filter_fields.html", {"form": filterset.form}),
            seconds=self.list_seconds,
        )
        return context
