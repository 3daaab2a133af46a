"""Signed links in e-mails about offers: renewing an offer about to expire."""

from django.core import signing

from portal.common import signed

RENEW_SALT = "offers.renew"
RENEW_LINK_DAYS = 60


LinkExpired = signed.Expired
LinkInvalid = signed.Invalid


def renew_token(offer):
    return signing.dumps(offer.reference, salt=RENEW_SALT)


def reference_from_renew_token(token):
    """The reference of the offer a renewal link names; LinkExpired or LinkInvalid."""
    return signed.load(token, salt=RENEW_SALT, shape=signed.TEXT, max_age=RENEW_LINK_DAYS * 86400)
