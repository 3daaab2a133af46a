"""Atom feeds of new offers, in the reader's language: all offers, and per cluster.

Each entry is in the feed's language where the offer has its text in it, else in
the offer's source language (said with xml:lang / lang). An anonymous offer never
names its organisation. Offers past their expiry date are left out when the feed
is read, not by a nightly job.
"""

from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed, add_domain
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import escape, linebreaks
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from companies.models import Cluster
from offers import selectors
from portal.common.feeds import XmlSafeAtom1Feed

FEED_SIZE = 50


class OfferAtomFeed(XmlSafeAtom1Feed):
    """Atom, with xml:lang on an entry whose texts are not in the feed's language."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("text_language") and item["text_language"] != self.feed["language"]:
            attributes["xml:lang"] = item["text_language"]
        return attributes


def _text(offer, field, language):
    """(text, its language): the reader's language if the offer has it, else the source."""
    text = offer.text(field, language)
    if text.strip():
        return text, language
    return offer.text(field, offer.source_language), offer.source_language


def _names_organisation(offer):
    return not offer.is_anonymous and offer.organisation.is_published


class OfferFeed(Feed):
    """The FEED_SIZE newest live offers."""

    feed_type = OfferAtomFeed
    author_name = _("Marshal's Office of the Podlaskie Voivodeship")

    def title(self, obj):
        return _("New co-operation offers – Podlaskie clusters")

    def subtitle(self, obj):
        return _(
            "Offers and requests of firms and institutions of the Podlaskie clusters "
            "and their partners."
        )

    def link(self, obj):
        return reverse("offers:offer_list")

    def feed_url(self, obj):
        return reverse("offers:feed")

    def offers(self, obj):
        return selectors.live_offers(get_language())

    def items(self, obj):
        return self.offers(obj).order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, offer):
        # Atom titles are plain text: no HTML escaping here (the XML writer escapes).
        return _text(offer, "title", get_language())[0]

    def item_description(self, offer):
        # A summary of type "html": the offer's plain text, escaped, in paragraphs.
        language = get_language()
        text, text_language = _text(offer, "summary", language)
        title_language = _text(offer, "title", language)[1]
        html = linebreaks(escape(text))
        if text_language != title_language:
            html = f'<div lang="{text_language}">{html}</div>'
        return html

    def item_extra_kwargs(self, offer):
        return {"text_language": _text(offer, "title", get_language())[1]}

    def item_link(self, offer):
        return offer.get_absolute_url()

    def item_pubdate(self, offer):
        return offer.published_at

    def item_updateddate(self, offer):
        return offer.updated_at

    def item_author_name(self, offer):
        # None: the entry has the feed's author, the office, which brokers the contact.
        return offer.organisation.name if _names_organisation(offer) else None

    def item_author_link(self, offer):
        if _names_organisation(offer):
            return offer.organisation.get_absolute_url()
        return None

    def item_categories(self, offer):
        return [cluster.name for cluster in offer.clusters.all()]

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        # Django makes the entries' links absolute, not their authors' pages.
        domain = get_current_site(request).domain
        for item in feed.items:
            if item["author_link"]:
                item["author_link"] = add_domain(domain, item["author_link"], request.is_secure())
        return feed


class ClusterOfferFeed(OfferFeed):
    """The FEED_SIZE newest live offers of one cluster; 404 for an unknown cluster."""

    def get_object(self, request, cluster):
        return get_object_or_404(Cluster, slug=cluster)

    def title(self, cluster):
        return _("New co-operation offers – %(cluster)s") % {"cluster": cluster.name}

    def subtitle(self, cluster):
        return _("Offers and requests in the cluster %(cluster)s, Podlaskie.") % {
            "cluster": cluster.name
        }

    def link(self, cluster):
        return f"{reverse('offers:offer_list')}?cluster={cluster.slug}"

    def feed_url(self, cluster):
        return reverse("offers:cluster_feed", kwargs={"cluster": cluster.slug})

    def offers(self, cluster):
        return selectors.live_offers(get_language()).filter(clusters=cluster)


urlpatterns = [
    path("offers/feed/", OfferFeed(), name="feed"),
    path("offers/feed/<slug:cluster>/", ClusterOfferFeed(), name="cluster_feed"),
]
