"""View helpers shared by the apps' public pages."""

from django.conf import settings


class FilteredListMixin:
    """A public list filtered and paged from the URL, for django-filter's `FilterView`.

    A list has `DIRECTORY_PAGE_SIZE` rows a page; a filter that is not valid shows
    its error rather than an empty list (`strict = False`); the template gets the
    query without its page number (`query_without_page`) for the pager's links.
    """

    strict = False

    def get_paginate_by(self, queryset):
        return settings.DIRECTORY_PAGE_SIZE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context["query_without_page"] = query.urlencode()
        return context
