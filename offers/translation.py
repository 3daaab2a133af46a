from modeltranslation.translator import TranslationOptions, register

from offers.models import Offer


@register(Offer)
class OfferTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "partner_sought")
