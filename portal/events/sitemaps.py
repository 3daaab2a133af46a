"""The sitemap's events: every public one (upcoming, past, cancelled), in every language."""

from django.contrib.sitemaps import Sitemap

from portal.events import selectors


class EventSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return selectors.public_events().only("slug", "updated_at").order_by("pk")

    def lastmod(self, event):
        return event.updated_at
