"""Writes to saved-search alerts: made, confirmed, unsubscribed, their digests sent.

An alert is made unconfirmed; the e-mail sent to its address holds a signed link
(valid `links.CONFIRM_LINK_DAYS` days) that confirms it, and only confirmed alerts
get digests. A digest lists the live offers published since the last one that
match the alert's filters and words, searched in the alert's language
(`selectors.alert_new_offers`).

Every e-mail carries a one-click unsubscribe link in its body and in the
List-Unsubscribe headers (RFC 8058). The alert's token, a random UUID, is the
secret of that link: whoever has the e-mail may stop the alert.
"""

import dataclasses
import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from offers import emails, links, selectors
from offers.models import SavedSearch
from portal.common.languages import LANGUAGE_CODES

__all__ = [
    "alert_change",
    "alert_confirm",
    "alert_create",
    "alert_create_confirmed",
    "alert_delete",
    "alert_unsubscribe",
    "alerts_delete_unconfirmed",
    "alerts_send_digests",
]

logger = logging.getLogger(__name__)

# The wording of the alert form's information text and consent
# (templates/offers/alert_form.html and offers/views/alerts.py). A new wording
# gets a new version, stored with every alert.
CONSENT_VERSION = "2026-11"


@dataclasses.dataclass(frozen=True)
class DigestRun:
    """What one run of the digests did: alerts checked, e-mails sent, offers listed."""

    checked: int
    sent: int
    offers: int


@transaction.atomic
def alert_create(*, email, language, query, filters):
    """An unconfirmed alert; the e-mail asking to confirm it goes out on commit.

    `filters` are the offer list's (`selectors.FILTERS`), as in its URL. The same search asked
    again for the same address before it is confirmed reuses the waiting alert
    (and sends its e-mail again), so a form sent twice makes one alert.
    """
    email = email.strip()
    language, query, filters = _search(language, query, filters)
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
    transaction.on_commit(lambda: emails.send_alert_confirmation_request(alert))
    return alert


def _search(language, query, filters):
    """(language, words, filters) as an alert keeps them: a known language, the
    words on one line, only the list's filters that hold a value."""
    if language not in LANGUAGE_CODES:
        language = settings.LANGUAGE_CODE
    query = " ".join(query.split())
    filters = {
        name: str(value) for name, value in filters.items() if name in selectors.FILTERS and value
    }
    return language, query, filters


@transaction.atomic
def alert_create_confirmed(*, email, language, query, filters, now=None):
    """An alert for an address known to be the person's (a signed-in member's): it is
    confirmed at once and no e-mail asks to confirm it.

    The same search already kept for the address is reused (confirmed if it was
    waiting), so a form sent twice makes one alert.
    """
    email = email.strip()
    language, query, filters = _search(language, query, filters)
    same = SavedSearch.objects.filter(email__iexact=email, language=language, query=query)
    alert = next((alert for alert in same if alert.filters == filters), None)
    if alert is None:
        return SavedSearch.objects.create(
            email=email,
            language=language,
            query=query,
            filters=filters,
            consent_version=CONSENT_VERSION,
            confirmed_at=now or timezone.now(),
        )
    return alert_confirm(alert=alert, now=now)


@transaction.atomic
def alert_change(*, alert, language, query, filters, now=None):
    """A member's alert searches anew: its words, filters and language change; a
    waiting alert is confirmed (the member's address is). Digests go on from the
    last one."""
    alert.language, alert.query, alert.filters = _search(language, query, filters)
    alert.confirmed_at = alert.confirmed_at or now or timezone.now()
    alert.save(update_fields=["language", "query", "filters", "confirmed_at"])
    return alert


def alert_delete(*, alert):
    """Delete the alert (a member's, from their list); deleting it again does nothing."""
    SavedSearch.objects.filter(pk=alert.pk).delete()


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
    cutoff = (now or timezone.now()) - datetime.timedelta(days=links.CONFIRM_LINK_DAYS)
    deleted, _rows = SavedSearch.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


def alerts_send_digests(*, now=None):
    """E-mail each confirmed alert the new offers that match it; safe to run daily.

    An alert with nothing new gets no e-mail and keeps its date, so that the next
    digest starts where the last one ended.
    """
    now = now or timezone.now()
    checked = sent = listed = 0
    for alert in SavedSearch.objects.filter(confirmed_at__isnull=False).order_by("pk"):
        checked += 1
        offers = selectors.alert_new_offers(alert, now)
        if offers is None:
            logger.warning("Alert %s: its search is no longer valid; no digest.", alert.pk)
            continue
        if not offers:
            continue
        try:
            emails.send_digest(alert, offers)
        except Exception:  # one address refused must not stop the others
            logger.exception("Alert %s: the digest could not be sent.", alert.pk)
            continue
        SavedSearch.objects.filter(pk=alert.pk).update(last_sent_at=now)
        sent += 1
        listed += min(len(offers), emails.DIGEST_MAX_OFFERS)
    return DigestRun(checked=checked, sent=sent, offers=listed)
