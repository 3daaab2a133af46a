from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Co-operation offers")

    def ready(self):
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
