"""The news' translation queue on the admin's start page (portal/common/dashboard.py).

Registered from NewsConfig.ready(), for staff who may translate or change news:
published and scheduled items whose texts in a language are missing, outdated or
machine drafts not reviewed. Two queries, however many items
(portal/common/translation_queue.py).
"""

from django.utils.translation import gettext_lazy as _

from portal.common.translation_queue import record_queue
from portal.news.models import NewsItem

TRANSLATION_QUEUE, TranslationQueueFilter = record_queue(
    rows=lambda: NewsItem.objects.filter(is_published=True),
    caption=_("Translation queue: news published or scheduled"),
    element_id="dashboard-news-translation-queue",
    figure_prefix="news-queue",
    order=20,
    permissions=["news.translate_newsitem", "news.change_newsitem"],
)

BLOCKS = (TRANSLATION_QUEUE,)
