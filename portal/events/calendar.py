"""Events as iCalendar (RFC 5545) files: an event's `.ics`, a language's feed, an attachment.

An event's times are written in its own time zone (DTSTART;TZID=Europe/Warsaw) with
the VTIMEZONE that defines it, so that a calendar shows the right instant on either
side of a change of summer time; an event in UTC is written in UTC. Texts are in
the language asked for, falling back as the pages do (`text_in_language`), and the
rich-text description is sent as plain text: a calendar shows no HTML.
"""

import html
import re
import zoneinfo
from html.parser import HTMLParser
from urllib.parse import urlparse

import icalendar
from django.conf import settings
from django.utils import timezone, translation

from portal.common.mail import absolute
from portal.common.shown_text import text_in_language
from portal.common.text import xml_safe
from portal.events.models import Event

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODUCT_ID = "-//Podlaskie cluster portal//Events//EN"

# Elements followed by an empty line in the plain text of rich text.
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol"}


class _PlainText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(rich_text):
    """The text of sanitised rich text, without its markup: paragraphs on lines of
    their own, list items as "- ", at most one empty line between blocks."""
    parser = _PlainText()
    parser.feed(rich_text or "")
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def event_uid(event):
    """The event's identity in calendars: the same in every file and language, whatever
    its slug or texts become."""
    host = urlparse(settings.PORTAL_URL).hostname or "localhost"
    return f"event-{event.pk}@{host}"


def event_url(event, language):
    with translation.override(language):
        return absolute(event.get_absolute_url())


def _local(moment, zone_name):
    """`moment` in the event's zone; UTC stays UTC (written with a Z)."""
    if zone_name == "UTC":
        return moment.astimezone(zoneinfo.ZoneInfo("UTC"))
    return moment.astimezone(zoneinfo.ZoneInfo(zone_name))


def event_location(event, language):
    """Where the event is, in one line: its venue and address, or "online"."""
    with translation.override(language):
        if event.is_online:
            return translation.gettext("Online")
        country = str(event.country.name) if event.country else ""
        parts = [event.venue, event.street_address, event.town, country]
        return ", ".join(part for part in parts if part)


def event_component(event, *, language, stamp=None):
    """The VEVENT of `event` in `language` (texts fall back as on its page).

    The registration's e-mails attach it in a calendar of their own
    (`calendar_of([event], language=...)`).
    """
    title = str(text_in_language(event, "title", language))
    description = plain_text(str(text_in_language(event, "description", language)))
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", stamp or timezone.now())
    component.add("dtstart", _local(event.starts_at, event.time_zone))
    component.add("dtend", _local(event.ends_at, event.time_zone))
    component.add("summary", xml_safe(title))
    if description:
        component.add("description", xml_safe(description))
    location = event_location(event, language)
    if location:
        component.add("location", xml_safe(location))
    if event.has_position:
        component.add("geo", (float(event.latitude), float(event.longitude)))
    url = event_url(event, language)
    component.add("url", url)
    if event.updated_at:
        component.add("last-modified", event.updated_at)
    component.add("status", "CANCELLED" if event.status == Event.Status.CANCELLED else "CONFIRMED")
    return component


def calendar_of(events, *, language, name=None):
    """A VCALENDAR of `events` in `language`, with the VTIMEZONE of each zone they use."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", xml_safe(name))
    stamp = timezone.now()
    for event in events:
        calendar.add_component(event_component(event, language=language, stamp=stamp))
    calendar.add_missing_timezones()
    return calendar
