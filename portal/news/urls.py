from django.urls import path

from portal.common.page_cache import cache_for_visitors
from portal.news import feeds, views

# Anonymous visitors' pages are kept in the cache (portal/common/page_cache.py)
# until a news write, and no later than the next scheduled item's time.
visitors = cache_for_visitors("news")

app_name = "news"

urlpatterns = [
    path("news/", visitors(views.NewsListView.as_view()), name="news_list"),
    *feeds.urlpatterns,
    path("news/<slug:slug>/", visitors(views.NewsDetailView.as_view()), name="news_detail"),
]
