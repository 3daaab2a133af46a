from modeltranslation.translator import TranslationOptions, register

from portal.project.models import Partner


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name", "description")
