"""Expressions of interest in offers: received, forwarded to the firm, closed.

A partner's expression of interest reaches the office first; staff forward it to
the offering firm, which only then learns who the partner is. The partner never
learns from the portal who the firm behind an anonymous offer is: the e-mail the
partner gets names the offer by its reference and title only.

Every e-mail goes out once the transaction commits, in the language of the
person who gets it.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from offers.forms import CONSENT_VERSION
from offers.models import ExpressionOfInterest, Offer
from offers.services import TransitionError
from portal.common.mail import render_subject

__all__ = [
    "InterestClosed",
    "NoFirmAddress",
    "TransitionError",
    "interest_create",
    "interest_forward",
    "interest_set_status",
]

Status = ExpressionOfInterest.Status

TRANSITIONS = {
    Status.NEW: {Status.FORWARDED, Status.DECLINED},
    Status.FORWARDED: {Status.DECLINED, Status.AGREEMENT},
    Status.DECLINED: set(),
    Status.AGREEMENT: set(),
}
# The same message to the same offer from the same address within this time is
# taken for the form sent twice.
RESENT_WITHIN = datetime.timedelta(minutes=30)
# Set by interest_set_status; forwarding has its own service.
CLOSING_STATUSES = {Status.DECLINED, Status.AGREEMENT}


class InterestClosed(Exception):
    """The offer is not live, or does not take expressions of interest."""


class NoFirmAddress(Exception):
    """Neither a contact person nor the organisation has an e-mail address."""


def is_open_for_interest(offer, now=None):
    return Offer.objects.live(now).filter(pk=offer.pk, open_for_interest=True).exists()


@transaction.atomic
def interest_create(*, offer, name, organisation_name, country, email, phone, message, language):
    """Record a partner's expression of interest, with the consent given now.

    E-mails on commit: a confirmation to the partner (in `language`, the page's)
    and a notice to the staff who forward expressions of interest (in Polish).
    """
    # The offer's row is locked so that the same form sent twice at once makes one.
    if not Offer.objects.live().select_for_update().filter(pk=offer.pk, open_for_interest=True):
        raise InterestClosed(offer.reference)
    now = timezone.now()
    sent_before = ExpressionOfInterest.objects.filter(
        offer=offer,
        email__iexact=email,
        message=message,
        created_at__gte=now - RESENT_WITHIN,
    ).first()
    if sent_before is not None:
        return sent_before  # a reload or a double click: nothing more to do
    interest = ExpressionOfInterest.objects.create(
        offer=offer,
        name=name,
        organisation_name=organisation_name,
        country=country,
        email=email,
        phone=phone,
        message=message,
        language=language,
        consent_version=CONSENT_VERSION,
        consent_at=now,
    )
    transaction.on_commit(lambda: send_confirmation_to_partner(interest))
    transaction.on_commit(lambda: notify_staff_of_interest(interest))
    return interest


def _locked(interest):
    return ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)


def _check_transition(interest, to_status):
    if to_status not in TRANSITIONS[interest.status]:
        raise TransitionError(f"{interest.status} → {to_status}")


def firm_contact(offer):
    """The contact person a forwarded expression of interest goes to, or None."""
    return offer.organisation.contacts.exclude(email="").order_by("pk").first()


def firm_recipient(offer, contact=None):
    """Where a forwarded expression of interest goes: (address, language), or None.

    The organisation's first contact person (by pk) with an e-mail address (or the
    `contact` already found by `firm_contact`), in that person's language; failing
    that, the organisation's general address, in Polish.
    """
    organisation = offer.organisation
    contact = contact or firm_contact(offer)
    if contact is not None:
        return contact.email, contact.language
    if organisation.email:
        return organisation.email, settings.LANGUAGE_CODE
    return None


@transaction.atomic
def interest_forward(*, interest, by, note=""):
    """Pass the partner's details and message to the offering firm.

    Raises NoFirmAddress when the firm has no e-mail address and TransitionError
    when the expression of interest is no longer new.
    """
    interest = _locked(interest)
    _check_transition(interest, Status.FORWARDED)
    recipient = firm_recipient(interest.offer)
    if recipient is None:
        raise NoFirmAddress(interest.offer.organisation_id)
    interest.status = Status.FORWARDED
    interest.staff_note = note
    interest.forwarded_at = timezone.now()
    interest.forwarded_by = by
    interest.save()
    address, language = recipient
    transaction.on_commit(lambda: send_to_firm(interest, address=address, language=language))
    return interest


@transaction.atomic
def interest_set_status(*, interest, status, by):
    """Close an expression of interest: declined, or led to an agreement.

    `by` is the member of staff; the admin logs the change in its history.
    """
    interest = _locked(interest)
    if status not in CLOSING_STATUSES:
        raise TransitionError(f"{interest.status} → {status}")
    _check_transition(interest, status)
    interest.status = status
    interest.save()
    return interest


# E-mails.


def absolute(path):
    return settings.PORTAL_URL.rstrip("/") + path


def offer_title(offer, language):
    """The offer's title in `language`, else in its source language."""
    return offer.text("title", language) or offer.text("title", offer.source_language)


def _send(*, to, language, template, context, reply_to=()):
    with translation.override(language):
        context = {"contact": settings.PORTAL_CONTACT, "portal_url": settings.PORTAL_URL, **context}
        subject = render_subject(f"offers/email/{template}_subject.txt", context)
        body = render_to_string(f"offers/email/{template}.txt", context)
    EmailMessage(subject, body, to=to, reply_to=list(reply_to)).send()


def send_confirmation_to_partner(interest):
    """The partner's receipt: the offer by reference and title, never the firm."""
    offer = interest.offer
    with translation.override(interest.language):
        link = absolute(offer.get_absolute_url())
    _send(
        to=[interest.email],
        language=interest.language,
        template="interest_received",
        context={
            "interest": interest,
            "reference": offer.reference,
            "title": offer_title(offer, interest.language),
            "link": link,
        },
    )


def notify_staff_of_interest(interest):
    """Tell the staff who forward expressions of interest, in Polish."""
    forwarders = (
        get_user_model()
        .objects.with_perm("offers.forward_interest")
        .filter(is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    recipients = sorted({*forwarders, *settings.QUESTIONNAIRE_NOTIFY_EMAILS})
    if not recipients:
        return
    language = settings.LANGUAGE_CODE
    with translation.override(language):
        path = reverse("admin:offers_expressionofinterest_change", args=[interest.pk])
    _send(
        to=recipients,
        language=language,
        template="interest_staff",
        context={
            "interest": interest,
            "offer": interest.offer,
            "title": offer_title(interest.offer, language),
            "link": absolute(path),
        },
    )


def send_to_firm(interest, *, address, language):
    """The partner's details and message, for the firm; replies go to the partner."""
    offer = interest.offer
    _send(
        to=[address],
        language=language,
        template="interest_forward",
        context={
            "interest": interest,
            "offer": offer,
            "title": offer_title(offer, language),
        },
        reply_to=[interest.email],
    )
