"""The news' block on the admin's start page (portal/common/dashboard.py).

Registered from NewsConfig.ready(): the translation queue of published and
scheduled items, for whoever may translate or change them. Two queries, however
many items (portal/news/selectors.py).
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from portal.common.dashboard import TranslationQueue, queue_rows
from portal.news import selectors


def may_translate_news(user):
    return user.has_perm("news.translate_newsitem") or user.has_perm("news.change_newsitem")


def count_translation_queue(user, now):
    """Per language: how many items' translations are missing, outdated, machine drafts."""
    counted = {}
    for (language, state), items in selectors.translation_queue().items():
        counted.setdefault(language, {})[state] = len(items)
    url = reverse("admin:news_newsitem_changelist")
    return queue_rows(
        counted,
        lambda language, state: f"{url}?{urlencode({'translation_queue': f'{language}-{state}'})}",
    )


TRANSLATION_QUEUE = TranslationQueue(
    caption=_("Translation queue: news published or scheduled"),
    element_id="dashboard-news-translation-queue",
    figure_prefix="news-queue",
    order=20,
    may_see=may_translate_news,
    count=count_translation_queue,
)

BLOCKS = (TRANSLATION_QUEUE,)
