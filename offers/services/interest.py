"""Expressions of interest in offers: received, forwarded to the firm, and what came of them.

A partner's expression of interest reaches the office first; staff forward it to
the offering firm, which only then learns who the partner is. The partner never
learns from the portal who the firm behind an anonymous offer is: the e-mail the
partner gets names the offer by its reference and title only.

The office declines one it does not forward. Once forwarded, its outcome
(contacted, meeting held, negotiating, agreement signed, no deal) is recorded by
the firm's member, or by staff who hear of it (`interest_set_outcome`).

Every e-mail goes out once the transaction commits, in the language of the
person who gets it. What a person (`by`) does is logged in the admin's history
of the expression of interest.
"""

import datetime

from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django.utils import timezone

from offers import emails
from offers.forms import CONSENT_VERSION
from offers.models import ExpressionOfInterest, Offer
from offers.services.offers import TransitionError

__all__ = [
    "InterestClosed",
    "NoFirmAddress",
    "TransitionError",
    "interest_create",
    "interest_forward",
    "interest_set_outcome",
    "interest_set_status",
]

Status = ExpressionOfInterest.Status
Outcome = ExpressionOfInterest.Outcome

TRANSITIONS = {
    Status.NEW: {Status.FORWARDED, Status.DECLINED},
    # What follows is an outcome, not a status.
    Status.FORWARDED: set(),
    Status.DECLINED: set(),
}
# The same message to the same offer from the same address within this time is
# taken for the form sent twice.
RESENT_WITHIN = datetime.timedelta(minutes=30)
# Set by interest_set_status; forwarding has its own service.
CLOSING_STATUSES = {Status.DECLINED}


class InterestClosed(Exception):
    """The offer is not live, or does not take expressions of interest."""


class NoFirmAddress(Exception):
    """Neither a contact person nor the organisation has an e-mail address."""


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
    transaction.on_commit(lambda: emails.send_confirmation_to_partner(interest))
    transaction.on_commit(lambda: emails.notify_staff_of_interest(interest))
    return interest


def _locked(interest):
    return ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)


def _check_transition(interest, to_status):
    if to_status not in TRANSITIONS[interest.status]:
        raise TransitionError(f"{interest.status} → {to_status}")


def _log(interest, *, by, message):
    """Write the change into the admin's history of the expression of interest."""
    if by is not None:
        LogEntry.objects.log_actions(
            user_id=by.pk,
            queryset=[interest],
            action_flag=CHANGE,
            change_message=message,
            single_object=True,
        )


@transaction.atomic
def interest_forward(*, interest, by, note=""):
    """Pass the partner's details and message to the offering firm.

    Raises NoFirmAddress when the firm has no e-mail address and TransitionError
    when the expression of interest is no longer new.
    """
    interest = _locked(interest)
    _check_transition(interest, Status.FORWARDED)
    recipient = emails.offer_recipient(interest.offer)
    if recipient is None:
        raise NoFirmAddress(interest.offer.organisation_id)
    interest.status = Status.FORWARDED
    interest.staff_note = note
    interest.forwarded_at = timezone.now()
    interest.forwarded_by = by
    interest.save()
    _log(interest, by=by, message="Forwarded to the firm.")
    address, language = recipient
    transaction.on_commit(lambda: emails.send_to_firm(interest, address=address, language=language))
    return interest


@transaction.atomic
def interest_set_status(*, interest, status, by):
    """Decline a new expression of interest: the office does not forward it.

    `by` is the member of staff, named in the admin's history of the change.
    """
    interest = _locked(interest)
    if status not in CLOSING_STATUSES:
        raise TransitionError(f"{interest.status} → {status}")
    _check_transition(interest, status)
    interest.status = status
    interest.save()
    _log(interest, by=by, message=f"Status: {status}.")
    return interest


@transaction.atomic
def interest_set_outcome(*, interest, outcome, by):
    """Record what came of a forwarded expression of interest: when, and by whom.

    The firm's member (or staff) moves it on as it goes, to any outcome, and
    each change is logged. Raises TransitionError when it was not forwarded and
    ValueError for an unknown outcome.
    """
    if outcome not in Outcome.values:
        raise ValueError(f"Not an outcome: {outcome!r}")
    interest = _locked(interest)
    if interest.status != Status.FORWARDED:
        raise TransitionError(f"{interest.status}: not forwarded, no outcome")
    if interest.outcome == outcome:
        return interest
    interest.outcome = outcome
    interest.outcome_at = timezone.now()
    interest.outcome_by = by
    interest.save(update_fields=["outcome", "outcome_at", "outcome_by"])
    _log(interest, by=by, message=f"Outcome: {outcome}.")
    return interest
