"""The sitemap's news: published items, in every language."""

from django.contrib.sitemaps import Sitemap

from portal.news import selectors


class NewsSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return selectors.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at
