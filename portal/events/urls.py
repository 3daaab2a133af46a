from django.urls import path

from portal.common.page_cache import cache_for_visitors
from portal.events import registration_urls, views

# Anonymous visitors' lists are kept in the cache (portal/common/page_cache.py), a
# minute at most: a date passing moves an event from upcoming to past. An event's
# page shows the places left, which every registration changes: it is not kept.
visitors = cache_for_visitors("events", max_seconds=views.LIST_SECONDS)

app_name = "events"

urlpatterns = [
    path("events/", visitors(views.EventListView.as_view()), name="event_list"),
    path("events/past/", visitors(views.PastEventListView.as_view()), name="past_event_list"),
    path("events/calendar.ics", views.calendar_feed, name="calendar_feed"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path("events/<slug:slug>/event.ics", views.event_ics, name="event_ics"),
    *registration_urls.urlpatterns,
]
