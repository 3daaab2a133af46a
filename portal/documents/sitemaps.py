"""The sitemap's documents: published ones, in every language."""

from django.contrib.sitemaps import Sitemap

from portal.documents.selectors import published_documents


class DocumentSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return published_documents().only("slug", "updated_at").order_by("pk")

    def lastmod(self, document):
        return document.updated_at
