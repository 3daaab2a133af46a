"""Saved-search alerts: a partner's search of the offer list, e-mailed as a digest.

An alert is made unconfirmed; the e-mail sent to its address holds a signed link
(valid CONFIRM_LINK_DAYS days) that confirms it, and only confirmed alerts get
digests. A digest lists the live offers published since the last one that match
the alert's filters and words, searched in the alert's language.

Every e-mail carries a one-click unsubscribe link in its body and in the
List-Unsubscribe headers (RFC 8058). The alert's token, a random UUID, is the
secret of that link: whoever has the e-mail may stop the alert.
"""

import dataclasses
import datetime
import email.policy
import logging
from email.headerregistry import HeaderRegistry, UnstructuredHeader

from django import forms
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from offers import selectors
from offers.filters import OfferFilter
from offers.links import LinkExpired, LinkInvalid
from offers.models import Offer, SavedSearch
from portal.common import signed
from portal.common.languages import LANGUAGE_CODES
from portal.common.mail import render_subject

__all__ = [
    "AlertGone",
    "LinkExpired",
    "LinkInvalid",
    "alert_confirm",
    "alert_create",
    "alert_from_token",
    "alert_unsubscribe",
    "alerts_delete_unconfirmed",
    "alerts_send_digests",
]

logger = logging.getLogger(__name__)

# The wording of the alert form's information text and consent
# (templates/offers/alert_form.html and offers/views/alerts.py). A new wording
# gets a new version, stored with every alert.
CONSENT_VERSION = "2026-11"
CONFIRM_SALT = "offers.alert"
CONFIRM_LINK_DAYS = 7
# A digest lists at most so many offers, then links to the list with the search.
DIGEST_MAX_OFFERS = 50
# The list's filters an alert keeps, beside its words ("q"); not the sort or page.
FILTERS = ("kind", "cluster", "cooperation", "country", "target", "activity")


class AlertGone(Exception):
    """The link is genuine, but its alert has been unsubscribed (or never confirmed)."""


@dataclasses.dataclass(frozen=True)
class Search:
    """A search of the offer list as an alert keeps it."""

    query: str
    filters: dict
    # Filters in the URL that are not valid (an unknown cluster, ...): left out.
    dropped: bool = False


@dataclasses.dataclass(frozen=True)
class DigestRun:
    checked: int
    sent: int
    offers: int


def absolute(path):
    return settings.PORTAL_URL.rstrip("/") + path


def _filterset(data, language, queryset=None):
    return OfferFilter(
        data=data,
        queryset=Offer.objects.none() if queryset is None else queryset,
        language=language,
    )


def search_from_data(data, language):
    """The valid, non-empty filters and words of an offer-list URL's query string."""
    form = _filterset(data, language).form
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    filters = {}
    for name in FILTERS:
        value = cleaned.get(name)
        if name not in form.errors and value:
            # The value as the URL gives it: a cluster's slug, an activity's code.
            filters[name] = str(form.fields[name].prepare_value(value))
    query = "" if "q" in form.errors else cleaned.get("q") or ""
    dropped = any(name in form.errors for name in (*FILTERS, "q"))
    return Search(query=query, filters=filters, dropped=dropped)


def describe_search(query, filters, language):
    """The search in words, as (label, value) pairs in `language`; [] for all offers."""
    with translation.override(language):
        form = _filterset({**filters, "q": query}, language).form
        form.is_valid()
        cleaned = getattr(form, "cleaned_data", {})
        described = []
        if cleaned.get("q"):
            described.append((str(_("Words")), cleaned["q"]))
        for name in FILTERS:
            value = cleaned.get(name)
            if not value:
                continue
            field = form.fields[name]
            if isinstance(field, forms.ModelChoiceField):
                shown = str(value)
            else:
                shown = str(dict(field.choices).get(value, value))
            described.append((str(field.label), shown))
        return described


def list_url(alert):
    """The offer list with the alert's search, in the alert's language."""
    with translation.override(alert.language):
        path = reverse("offers:offer_list")
    data = {**alert.filters, **({"q": alert.query} if alert.query else {})}
    return absolute(path) + (f"?{urlencode(data)}" if data else "")


def unsubscribe_url(alert):
    with translation.override(alert.language):
        return absolute(reverse("offers:alert_unsubscribe", kwargs={"token": alert.token}))


def confirmation_token(alert):
    return signing.dumps(str(alert.token), salt=CONFIRM_SALT)


def alert_from_token(token):
    """The alert a confirmation link names.

    Raises LinkInvalid (forged or cut off), LinkExpired (older than
    CONFIRM_LINK_DAYS days) or AlertGone (unsubscribed since).
    """
    alert_token = signed.load(
        token, salt=CONFIRM_SALT, shape=signed.UUID, max_age=CONFIRM_LINK_DAYS * 86400
    )
    alert = SavedSearch.objects.filter(token=alert_token).first()
    if alert is None:
        raise AlertGone
    return alert


@transaction.atomic
def alert_create(*, email, language, query, filters):
    """An unconfirmed alert; the e-mail asking to confirm it goes out on commit.

    `filters` are the offer list's (FILTERS), as in its URL. The same search asked
    again for the same address before it is confirmed reuses the waiting alert
    (and sends its e-mail again), so a form sent twice makes one alert.
    """
    email = email.strip()
    if language not in LANGUAGE_CODES:
        language = settings.LANGUAGE_CODE
    query = " ".join(query.split())
    filters = {name: str(value) for name, value in filters.items() if name in FILTERS and value}
    waiting = SavedSearch.objects.filter(
        email__iexact=email, language=language, query=query, confirmed_at__isnull=True
    )
    alert = next((alert for alert in waiting if alert.filters == filters), None)
    if alert is None:
        alert = SavedSearch.objects.create(
            email=email,
            language=language,
            query=query,
            filters=filters,
            consent_version=CONSENT_VERSION,
        )
    transaction.on_commit(lambda: send_confirmation_request(alert))
    return alert


def alert_confirm(*, alert, now=None):
    """Confirm the alert (once; confirming again changes nothing). Digests start now."""
    SavedSearch.objects.filter(pk=alert.pk, confirmed_at__isnull=True).update(
        confirmed_at=now or timezone.now()
    )
    alert.refresh_from_db(fields=["confirmed_at"])
    return alert


def alert_unsubscribe(token):
    """Delete the alert of this token; False when there is none (already gone)."""
    deleted, _rows = SavedSearch.objects.filter(token=token).delete()
    return bool(deleted)


def alerts_delete_unconfirmed(*, now=None):
    """Delete alerts whose confirmation link has expired unused; return how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=CONFIRM_LINK_DAYS)
    deleted, _rows = SavedSearch.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


def alert_new_offers(alert, now):
    """Live offers published since the alert's last digest that match its search.

    None when the stored search no longer validates (a cluster deleted, ...): an
    alert never silently widens to every offer.
    """
    since = alert.last_sent_at or alert.confirmed_at
    queryset = selectors.live_offers(alert.language, now).filter(
        published_at__gt=since, published_at__lte=now
    )
    filterset = _filterset(
        {**alert.filters, "q": alert.query, "sort": "newest"}, alert.language, queryset
    )
    if not filterset.is_valid():
        return None
    return list(filterset.qs)


def alerts_send_digests(*, now=None):
    """E-mail each confirmed alert the new offers that match it; safe to run daily.

    An alert with nothing new gets no e-mail and keeps its date, so that the next
    digest starts where the last one ended.
    """
    now = now or timezone.now()
    checked = sent = listed = 0
    for alert in SavedSearch.objects.filter(confirmed_at__isnull=False).order_by("pk"):
        checked += 1
        offers = alert_new_offers(alert, now)
        if offers is None:
            logger.warning("Alert %s: its search is no longer valid; no digest.", alert.pk)
            continue
        if not offers:
            continue
        try:
            send_digest(alert, offers)
        except Exception:  # one address refused must not stop the others
            logger.exception("Alert %s: the digest could not be sent.", alert.pk)
            continue
        SavedSearch.objects.filter(pk=alert.pk).update(last_sent_at=now)
        sent += 1
        listed += min(len(offers), DIGEST_MAX_OFFERS)
    return DigestRun(checked=checked, sent=sent, offers=listed)


# E-mails -----------------------------------------------------------------------


class OneLineHeader(UnstructuredHeader):
    """A header written on one line, as it is (RFC 5322 allows up to 998 characters).

    Python folds a header longer than 78 characters, and a word as long as an
    unsubscribe URL it turns into an RFC 2047 encoded word, which mail clients do
    not read as a URL.
    """

    def fold(self, *, policy):
        return f"{self.name}: {self}{policy.linesep}"


ONE_LINE_HEADERS = HeaderRegistry()
ONE_LINE_HEADERS.map_to_type("list-unsubscribe", OneLineHeader)


class AlertEmail(EmailMessage):
    """An e-mail whose List-Unsubscribe header stays one line, whatever the backend's policy."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(header_factory=ONE_LINE_HEADERS))


def _send(*, alert, template, context):
    """One e-mail about an alert, in its language, with the one-click unsubscribe."""
    unsubscribe = unsubscribe_url(alert)
    with translation.override(alert.language):
        context = {
            "alert": alert,
            "search": describe_search(alert.query, alert.filters, alert.language),
            "list_link": list_url(alert),
            "unsubscribe_link": unsubscribe,
            "contact": settings.PORTAL_CONTACT,
            "portal_url": settings.PORTAL_URL,
            **context,
        }
        subject = render_subject(f"offers/email/{template}_subject.txt", context)
        body = render_to_string(f"offers/email/{template}.txt", context)
    AlertEmail(
        subject,
        body,
        to=[alert.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    ).send()


def send_confirmation_request(alert):
    with translation.override(alert.language):
        path = reverse("offers:alert_confirm", kwargs={"token": confirmation_token(alert)})
    _send(
        alert=alert,
        template="alert_confirm",
        context={"link": absolute(path), "days": CONFIRM_LINK_DAYS},
    )


def digest_lines(offers, language):
    """Reference, title (in `language`, else the source language) and link of each offer."""
    lines = []
    with translation.override(language):
        for offer in offers[:DIGEST_MAX_OFFERS]:
            title_language = language if offer.text("title", language).strip() else None
            title_language = title_language or offer.source_language
            lines.append(
                {
                    "reference": offer.reference,
                    "title": offer.text("title", title_language),
                    "other_language": str(get_language_info(title_language)["name_translated"])
                    if title_language != language
                    else None,
                    "link": absolute(
                        reverse("offers:offer_detail", kwargs={"reference": offer.reference})
                    ),
                }
            )
    return lines


def send_digest(alert, offers):
    _send(
        alert=alert,
        template="alert_digest",
        context={
            "offers": digest_lines(offers, alert.language),
            "count": len(offers),
            "more": max(len(offers) - DIGEST_MAX_OFFERS, 0),
        },
    )
