"""The public pages of events: upcoming and past lists, an event's page, its calendar files."""

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.generic import DetailView
from django_filters.views import FilterView

from portal.common.languages import language_name
from portal.common.views import FilteredListMixin
from portal.events import calendar, selectors
from portal.events.filters import EventFilter

# The lists show what a date passing changes (an event moves from upcoming to
# past) without a write: their counts and forms are kept this long at most.
LIST_SECONDS = 60


class EventListView(FilteredListMixin, FilterView):
    """Upcoming events, soonest first, filtered and paged from the URL."""

    template_name = "events/event_list.html"
    filterset_class = EventFilter
    page_kind = "events"
    list_seconds = LIST_SECONDS
    past = False

    def events(self):
        now = timezone.now()
        return selectors.past_events(now) if self.past else selectors.upcoming_events(now)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["options"] = lambda: selectors.list_options(self.events())
        return kwargs

    def get_queryset(self):
        return self.events().prefetch_related(*selectors.card_related())

    def paginate_queryset(self, queryset, page_size):
        return super().paginate_queryset(self.kept_count(queryset), page_size)

    def list_key(self):
        return ("past:" if self.past else "upcoming:") + super().list_key()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["past"] = self.past
        return context


class PastEventListView(EventListView):
    """Events that are over, the latest first."""

    past = True


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_object(self, queryset=None):
        event = selectors.event_for_page(self.kwargs["slug"])
        if event is None:
            raise Http404
        return event

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        now = timezone.now()
        context["is_past"] = event.ends_at < now
        context["languages_spoken"] = [language_name(code) for code in event.language_codes]
        context["places_left"] = None if context["is_past"] else selectors.places_left(event)
        context["registration_is_open"] = selectors.registration_is_open(event, now)
        return context


def calendar_response(calendar_object, filename):
    response = HttpResponse(calendar_object.to_ical(), content_type=calendar.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, slug):
    """One event as an `.ics` file, in the URL's language."""
    event = selectors.public_events().filter(slug=slug).first()
    if event is None:
        raise Http404
    return calendar_response(
        calendar.calendar_of([event], language=get_language()), f"{event.slug}.ics"
    )


def calendar_feed(request):
    """The upcoming events as a calendar to subscribe to, in the URL's language."""
    name = gettext("Events of the Podlaskie cluster portal")
    events = selectors.calendar_events()
    return calendar_response(
        calendar.calendar_of(events, language=get_language(), name=name), "events.ics"
    )
