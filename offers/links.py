"""Links in e-mails about offers: renewing an offer, confirming and stopping an alert.

The renewal and confirmation links are signed and expire; an alert's unsubscribe
link carries the alert's own random token, which does not expire.
"""

from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from offers.models import SavedSearch
from portal.common import signed
from portal.common.mail import absolute

RENEW_SALT = "offers.renew"
RENEW_LINK_DAYS = 60
CONFIRM_SALT = "offers.alert"
CONFIRM_LINK_DAYS = 7


LinkExpired = signed.Expired
LinkInvalid = signed.Invalid


class AlertGone(Exception):
    """The link is genuine, but its alert has been unsubscribed (or never confirmed)."""


def renew_token(offer):
    return signing.dumps(offer.reference, salt=RENEW_SALT)


def reference_from_renew_token(token):
    """The reference of the offer a renewal link names; LinkExpired or LinkInvalid."""
    return signed.load(token, salt=RENEW_SALT, shape=signed.TEXT, max_age=RENEW_LINK_DAYS * 86400)


def confirmation_token(alert):
    """The signed token of the link that confirms `alert`."""
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


def list_url(alert):
    """The offer list with the alert's search, in the alert's language."""
    with translation.override(alert.language):
        path = reverse("offers:offer_list")
    data = {**alert.filters, **({"q": alert.query} if alert.query else {})}
    return absolute(path) + (f"?{urlencode(data)}" if data else "")


def unsubscribe_url(alert):
    """The one-click link that deletes `alert`, in the alert's language."""
    with translation.override(alert.language):
        return absolute(reverse("offers:alert_unsubscribe", kwargs={"token": alert.token}))
