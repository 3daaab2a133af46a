"""The sitemap's directory: published organisations, clusters and the clusters' analyses,
in every language."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

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


class ClusterAnalysisSitemap(Sitemap):
    """The analysis of each cluster that names the industry its statistics read."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return (
            Cluster.objects.filter(statistics_activity__isnull=False).only("slug").order_by("slug")
        )

    def location(self, cluster):
        return reverse("companies:cluster_analysis", kwargs={"slug": cluster.slug})
