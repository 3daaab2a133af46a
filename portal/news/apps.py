from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "portal.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from portal.common.translations import RecordTranslatable, register
        from portal.news.models import NewsItem

        register(NewsItem, RecordTranslatable("title", "lead", "body", "image_alt"))
