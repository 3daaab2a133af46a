"""The sitemap's offers: every live offer's page, in every language, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap

from offers.models import Offer


class OfferSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        # Live when the sitemap is read: an offer past its date is left out at once.
        return Offer.objects.live().only("reference", "updated_at").order_by("published_at", "pk")

    def lastmod(self, offer):
        return offer.updated_at
