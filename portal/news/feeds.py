"""Atom feeds of the news in the reader's language: all items, and per cluster.

An entry is in the feed's language where the item has its title in it, else in
Polish or the first language that has it (said with xml:lang, as the offers'
feeds do). A scheduled item enters the feeds at its time, when they are read.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext_lazy as _

from companies.models import Cluster
from offers.feeds import OfferAtomFeed
from portal.common.shown_text import text_in_language
from portal.news import selectors

FEED_SIZE = 50


class NewsFeed(Feed):
    """The FEED_SIZE newest published items."""

    feed_type = OfferAtomFeed
    author_name = _("Marshal's Office of the Podlaskie Voivodeship")

    def title(self, obj):
        return _("News – Podlaskie clusters")

    def subtitle(self, obj):
        return _("News of the project Development of Industrial Clusters and its clusters.")

    def link(self, obj):
        return reverse("news:news_list")

    def feed_url(self, obj):
        return reverse("news:feed")

    def news(self, obj):
        return selectors.news_list()

    def items(self, obj):
        return self.news(obj)[:FEED_SIZE]

    def item_title(self, item):
        # Atom titles are plain text: the XML writer escapes them.
        return text_in_language(item, "title").text

    def item_description(self, item):
        # A summary of type "html": the lead, escaped, in paragraphs, in its language.
        lead = text_in_language(item, "lead")
        html = linebreaks(escape(lead.text))
        if lead and lead.language != text_in_language(item, "title").language:
            html = f'<div lang="{lead.language}">{html}</div>'
        return html

    def item_extra_kwargs(self, item):
        return {"text_language": text_in_language(item, "title").language}

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.publish_at)

    def item_categories(self, item):
        return [cluster.name for cluster in item.clusters.all()]


class ClusterNewsFeed(NewsFeed):
    """The FEED_SIZE newest published items of one cluster; 404 for an unknown cluster."""

    def get_object(self, request, cluster):
        return get_object_or_404(Cluster, slug=cluster)

    def title(self, cluster):
        return _("News – %(cluster)s") % {"cluster": cluster.name}

    def subtitle(self, cluster):
        return _("News of the cluster %(cluster)s, Podlaskie.") % {"cluster": cluster.name}

    def link(self, cluster):
        return f"{reverse('news:news_list')}?cluster={cluster.slug}"

    def feed_url(self, cluster):
        return reverse("news:cluster_feed", kwargs={"cluster": cluster.slug})

    def news(self, cluster):
        return selectors.news_list(cluster)


urlpatterns = [
    path("news/feed/", NewsFeed(), name="feed"),
    path("news/feed/<slug:cluster>/", ClusterNewsFeed(), name="cluster_feed"),
]
