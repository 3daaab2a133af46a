"""The news' public pages: the list (by cluster, in pages) and an item's page."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from companies.models import Cluster
from portal.common.page_cache import keep_until
from portal.common.text import TextFormMixin
from portal.news import selectors


class ClusterFilterForm(TextFormMixin, forms.Form):
    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=Cluster.objects.only("pk", "slug", "name").order_by("slug"),
        to_field_name="slug",
        required=False,
        empty_label=_("All clusters"),
    )


class ScheduledMixin:
    """A kept page (portal/common/page_cache.py) lasts no later than the next
    scheduled item's time: it appears then, with nothing to run."""

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        moment = selectors.next_publication()
        if moment is not None:
            keep_until(response, moment)
        return response


class NewsListView(ScheduledMixin, ListView):
    template_name = "news/news_list.html"
    context_object_name = "items"

    def get_paginate_by(self, queryset):
        return settings.DIRECTORY_PAGE_SIZE

    def get_queryset(self):
        self.form = ClusterFilterForm(self.request.GET or None)
        cluster = self.form.cleaned_data["cluster"] if self.form.is_valid() else None
        self.cluster = cluster
        return selectors.news_list(cluster)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        # The options read once (a form's field would count them, then read them).
        context["cluster_choices"] = [
            (cluster.slug, cluster.name) for cluster in self.form.fields["cluster"].queryset
        ]
        context["cluster"] = self.cluster
        return context


class NewsDetailView(ScheduledMixin, DetailView):
    template_name = "news/news_detail.html"
    context_object_name = "item"

    def get_queryset(self):
        return selectors.news_detail()
