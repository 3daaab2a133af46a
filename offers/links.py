"""Signed links in e-mails about offers: renewing an offer about to expire."""

from django.core import signing

RENEW_SALT = "offers.renew"
RENEW_LINK_DAYS = 60


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def renew_token(offer):
    return signing.dumps(offer.reference, salt=RENEW_SALT)


def reference_from_renew_token(token):
    try:
        return signing.loads(token, salt=RENEW_SALT, max_age=RENEW_LINK_DAYS * 86400)
    except signing.SignatureExpired:
        raise LinkExpired from None
    except (signing.BadSignature, ValueError, UnicodeError):
        raise LinkInvalid from None
