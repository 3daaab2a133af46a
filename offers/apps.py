from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Co-operation offers")

    def ready(self):
        from companies.models import Activity, Cluster, Organisation
        from offers import dashboard
        from offers.models import Offer, OfferTranslation
        from offers.profile import offer_parts
        from offers.translations import OfferTranslatable
        from portal.common import cluster_profile, demo
        from portal.common import dashboard as staff_dashboard
        from portal.common.cache import forget_on_change
        from portal.common.history import keep_history
        from portal.common.translations import register
        from portal.models import TranslationRecord

        register(Offer, OfferTranslatable())
        keep_history(Offer)
        keep_history(OfferTranslation)
        for block in dashboard.BLOCKS:
            staff_dashboard.register(block)
        demo.register("offers.demo.load_demo", app=self.label)
        cluster_profile.register("offers", 20, offer_parts)

        # The offer list's filters show options kept in the cache: a change to
        # what they list makes them be read again.
        forget_on_change(
            (Offer, Organisation, Cluster, Activity), forget_list_options, uid="offer-list-options"
        )

        # Anonymous visitors' offer pages are kept in the cache: a change to what
        # they show retires them. An offer is also listed on its organisation's
        # page in the directory; the offers show their organisation's name, its
        # clusters (for an anonymous offer), cluster and activity names.
        forget_on_change(
            (Offer, OfferTranslation, Offer.clusters.through, Offer.activities.through),
            forget_offer_and_directory_pages,
            uid="offer-pages",
        )
        forget_on_change(
            (Organisation, Organisation.clusters.through, Cluster, Activity, TranslationRecord),
            forget_offer_pages,
            uid="offer-pages-of-related",
        )


def forget_list_options(sender, **kwargs):
    from offers.selectors import forget_offer_list_options

    forget_offer_list_options()


def forget_offer_pages(sender, **kwargs):
    from portal.common.page_cache import forget_pages

    forget_pages("offers")


def forget_offer_and_directory_pages(sender, **kwargs):
    from portal.common.page_cache import forget_pages

    forget_pages("offers", "directory")
