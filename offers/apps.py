from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Co-operation offers")

    def ready(self):
        from offers.models import Offer
        from offers.translations import OfferTranslatable
        from portal.common.translations import register

        register(Offer, OfferTranslatable())
