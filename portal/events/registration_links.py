"""Signed links in the e-mails about a registration: confirm the address, cancel.

Both carry the registration's id, signed with a salt of their own, so that a
confirmation link cannot cancel and the other way round. A confirmation link is
valid `CONFIRM_LINK_DAYS` days; a cancellation link `CANCEL_LINK_DAYS` days (it
is in the reminder too, a long while after the registration).
"""

from django.core import signing
from django.urls import reverse
from django.utils import translation

from portal.common import signed
from portal.common.mail import absolute
from portal.events.models import Registration

CONFIRM_SALT = "events.registration.confirm"
CONFIRM_LINK_DAYS = 7
CANCEL_SALT = "events.registration.cancel"
CANCEL_LINK_DAYS = 400

LinkExpired = signed.Expired
LinkInvalid = signed.Invalid


class RegistrationGone(Exception):
    """The link is genuine, but its registration no longer exists (erased or deleted)."""


def confirm_token(registration):
    return signing.dumps(registration.pk, salt=CONFIRM_SALT)


def cancel_token(registration):
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def _registration(token, *, salt, days):
    pk = signed.load(token, salt=salt, shape=signed.ID, max_age=days * 86400)
    registration = Registration.objects.select_related("event").filter(pk=pk).first()
    if registration is None:
        raise RegistrationGone
    return registration


def registration_from_confirm_token(token):
    """The registration a confirmation link names; LinkInvalid, LinkExpired or RegistrationGone."""
    return _registration(token, salt=CONFIRM_SALT, days=CONFIRM_LINK_DAYS)


def registration_from_cancel_token(token):
    """The registration a cancellation link names; LinkInvalid, LinkExpired or RegistrationGone."""
    return _registration(token, salt=CANCEL_SALT, days=CANCEL_LINK_DAYS)


def confirm_url(registration):
    """The confirmation link, in the registration's language."""
    with translation.override(registration.language):
        path = reverse("events:registration_confirm", kwargs={"token": confirm_token(registration)})
    return absolute(path)


def cancel_url(registration):
    """The cancellation link, in the registration's language."""
    with translation.override(registration.language):
        path = reverse("events:registration_cancel", kwargs={"token": cancel_token(registration)})
    return absolute(path)
