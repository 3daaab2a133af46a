from modeltranslation.translator import TranslationOptions, register

from portal.news.models import NewsItem


@register(NewsItem)
class NewsItemTranslationOptions(TranslationOptions):
    fields = ("title", "lead", "body", "image_alt")
