from modeltranslation.translator import TranslationOptions, register

from portal.documents.models import Document


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title", "description")
