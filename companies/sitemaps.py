"""The sitemap's directory: published organisations and clusters, in every language."""

from django.contrib.sitemaps import Sitemap

from companies.models import Cluster, Organisation


class OrganisationSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Organisation.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, organisation):
        return organisation.updated_at


class ClusterSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Cluster.objects.only("slug").order_by("slug")
