from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Co-operation offers")

    def ready(self):
        from companies.models import Activity, Cluster, Organisation
        from offers import dashboard
        from offers.models import Offer, OfferTranslation
        from offers.translations import OfferTranslatable
        from portal.common import dashboard as staff_dashboard
        from portal.common import demo
        from portal.common.history import keep_history
        from portal.common.translations import register

        register(Offer, OfferTranslatable())
        keep_history(Offer)
        keep_history(OfferTranslation)
        for block in dashboard.BLOCKS:
            staff_dashboard.register(block)
        demo.register("offers.demo.load_demo", app=self.label)

        # The offer list's filters show options kept in the cache: a change to
        # what they list makes them be read again.
        for model in (Offer, Organisation, Cluster, Activity):
            post_save.connect(forget_list_options, sender=model, dispatch_uid=f"{model}-offers")
            post_delete.connect(forget_list_options, sender=model, dispatch_uid=f"{model}-offers")


def forget_list_options(sender, **kwargs):
    from offers.selectors import forget_offer_list_options

    forget_offer_list_options()
