from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "portal.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from companies.models import Cluster
        from portal.common import dashboard as staff_dashboard
        from portal.common import demo
        from portal.common.cache import forget_on_change
        from portal.common.translations import RecordTranslatable, register
        from portal.documents.models import Document
        from portal.events.models import Event
        from portal.models import TranslationRecord
        from portal.news import dashboard
        from portal.news.models import NewsItem

        register(NewsItem, RecordTranslatable("title", "lead", "body", "image_alt"))
        for block in dashboard.BLOCKS:
            staff_dashboard.register(block)
        demo.register("portal.news.demo.load_demo", app=self.label)

        # Anonymous visitors' news pages are kept in the cache: a change to what
        # they show retires them (a scheduled item appears at its time by itself).
        forget_on_change(
            (
                NewsItem,
                NewsItem.clusters.through,
                NewsItem.events.through,
                NewsItem.documents.through,
                Cluster,
                Event,
                Document,
                TranslationRecord,
            ),
            forget_news_pages,
            uid="news-pages",
        )


def forget_news_pages(sender, **kwargs):
    from portal.common.page_cache import forget_pages

    forget_pages("news")
