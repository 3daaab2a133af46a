"""What a firm's member does with its own offers: edit them, and renew them once.

An offer the public can see (published, or expired and still shown as such) is
not changed by its firm directly: the edit is proposed (`offer_propose_edit`)
and the offer stays as it was until staff accept it (`offer_accept_edit`) or
reject it with a reason (`offer_reject_edit`); either decision is e-mailed to the
firm in its contact person's language. An offer the public cannot see (a draft,
one awaiting moderation, a rejected one) is edited in place (`offer_edit`) and
goes (back) to moderation where the life cycle says so.

Edits reach the offer only through `offer_update_source`, so that translations
made from the old texts become outdated exactly as after an edit in the admin;
the saves write the offer's history and retire its cached pages (offers/apps.py).

These services do not ask whether `by` may act for the offer's organisation:
the member area checks that before it calls them.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from companies.models import Organisation
from offers import emails
from offers.models import TRANSLATED_FIELDS, Offer, OfferEvent, OfferRevision
from offers.services.offers import (
    RenewalRefused,
    _change_status,
    _locked,
    offer_create,
    offer_renew,
    offer_submit,
    offer_update_source,
)

__all__ = [
    "EDITABLE_FIELDS",
    "MEMBER_RENEWAL_WINDOW",
    "EditRefused",
    "editable_values",
    "member_renewal_refusal",
    "offer_accept_edit",
    "offer_create_by_member",
    "offer_edit",
    "offer_propose_edit",
    "offer_reject_edit",
    "offer_renew_by_member",
]

Status = Offer.Status
RevisionStatus = OfferRevision.Status

# What a member may change: the source texts and these.
OTHER_FIELDS = (
    "kind",
    "cooperation_types",
    "target_countries",
    "keywords",
    "open_for_interest",
    "is_anonymous",
)
RELATED_FIELDS = ("clusters", "activities")
EDITABLE_FIELDS = (*TRANSLATED_FIELDS, *OTHER_FIELDS, *RELATED_FIELDS)

# Shown to the public: an edit waits for the office.
PROPOSED_IN = {Status.PUBLISHED, Status.EXPIRED}
# Not shown to the public: edited in place.
EDITED_IN = {Status.DRAFT, Status.SUBMITTED, Status.REJECTED}

# A member renews from so long before the expiry date until so long after it.
MEMBER_RENEWAL_WINDOW = datetime.timedelta(days=30)
# The same new offer sent again by the same organisation within this time is
# taken for the form sent twice.
RESENT_WITHIN = datetime.timedelta(minutes=30)


class EditRefused(Exception):
    """The edit, or the decision on it, is not possible now; `message` says why (translated)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _status_refusal(offer):
    return EditRefused(
        _("%(offer)s cannot be edited now: its status is %(status)s.")
        % {"offer": offer.reference, "status": offer.get_status_display()}
    )


def editable_values(record):
    """The editable fields of an offer or a revision, as `changes` name them."""
    if isinstance(record, Offer):
        texts = {field: record.text(field, record.source_language) for field in TRANSLATED_FIELDS}
    else:
        texts = {field: getattr(record, field) for field in TRANSLATED_FIELDS}
    return {
        **texts,
        "kind": record.kind,
        "cooperation_types": _in_order(record.cooperation_types),
        "target_countries": sorted(str(country) for country in record.target_countries),
        "keywords": record.keywords,
        "open_for_interest": record.open_for_interest,
        "is_anonymous": record.is_anonymous,
        "clusters": {cluster.pk for cluster in record.clusters.all()},
        "activities": {activity.pk for activity in record.activities.all()},
    }


def _in_order(cooperation_types):
    """The types in the order of their choices (an unknown one last, for the check)."""
    order = {value: index for index, value in enumerate(Offer.CooperationType.values)}
    return sorted(set(cooperation_types), key=lambda value: (order.get(value, len(order)), value))


def _primary_keys(items):
    return {getattr(item, "pk", item) for item in items}


def _proposed(offer, changes, base):
    """The values of `base` (a record, or a dict of its values) with `changes` over them,
    checked: (values, unsaved revision).

    Raises ValidationError (messages in the active language) for a value the
    offer cannot take, and ValueError for a field a member may not change.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    values = {**(base if isinstance(base, dict) else editable_values(base)), **changes}
    for name in (*TRANSLATED_FIELDS, "keywords"):
        values[name] = (values[name] or "").strip()
    for name in RELATED_FIELDS:
        values[name] = _primary_keys(values[name])
    values["cooperation_types"] = _in_order(values["cooperation_types"])
    values["target_countries"] = sorted(str(code) for code in values["target_countries"])
    revision = OfferRevision(
        offer=offer,
        language=offer.source_language,
        **{name: values[name] for name in (*TRANSLATED_FIELDS, *OTHER_FIELDS)},
    )
    revision.full_clean(
        exclude=["offer", "proposed_by", "decided_by", "status"], validate_constraints=False
    )
    if set(values["cooperation_types"]) - set(Offer.CooperationType.values):
        raise ValidationError(
            {"cooperation_types": _("Choose the co-operation types from the list.")}
        )
    return values, revision


def _apply(offer, values, by):
    """Write `values` to the locked `offer`: its source texts through `offer_update_source`."""
    for name in OTHER_FIELDS:
        setattr(offer, name, values[name])
    offer_update_source(
        offer=offer, texts={field: values[field] for field in TRANSLATED_FIELDS}, by=by
    )
    offer.clusters.set(values["clusters"])
    offer.activities.set(values["activities"])


@transaction.atomic
def offer_propose_edit(*, offer, changes, by):
    """Propose an edit of a published (or expired) offer; the public sees no change yet.

    `changes` maps the fields of EDITABLE_FIELDS to their new values (texts in the
    offer's source language; clusters and activities as records or keys). A
    proposal made while another awaits a decision builds on it and supersedes it.
    Returns the pending revision, or None when the proposal is the offer as it
    is (and then no proposal is left pending). Raises EditRefused for an offer
    in another status and ValidationError for a value the offer cannot take.
    """
    offer = _locked(offer)
    if offer.status not in PROPOSED_IN:
        raise _status_refusal(offer)
    pending = offer.revisions.filter(status=RevisionStatus.PENDING).first()
    values, revision = _proposed(offer, changes, pending or offer)
    if pending is not None:
        pending.status = RevisionStatus.SUPERSEDED
        pending.save(update_fields=["status"])
    if values == editable_values(offer):
        return None
    revision.proposed_by = by
    revision.save()
    revision.clusters.set(values["clusters"])
    revision.activities.set(values["activities"])
    return revision


@transaction.atomic
def offer_create_by_member(*, organisation, language, values, by):
    """A member's new offer of `organisation`, written in `language`, sent to moderation.

    `values` maps EDITABLE_FIELDS to their values, checked as an edit's are. The
    offer is made a draft and submitted at once, so that its log shows both. The
    same offer sent again within RESENT_WITHIN (a reload, a double click) is not
    made twice: the one made before is returned. Raises ValidationError for a
    value the offer cannot take.
    """
    # The organisation's row is locked so that the same form sent twice at once makes one.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    draft = Offer(organisation=organisation, source_language=language, kind=values.get("kind", ""))
    checked, _revision = _proposed(draft, values, _blank_values())
    sent_before = (
        Offer.objects.filter(
            organisation=organisation,
            source_language=language,
            status=Status.SUBMITTED,
            created_at__gte=timezone.now() - RESENT_WITHIN,
            **{f"{field}_{language}": checked[field] for field in TRANSLATED_FIELDS},
        )
        .order_by("-created_at")
        .first()
    )
    if sent_before is not None:
        return sent_before
    offer = offer_create(
        organisation=organisation,
        language=language,
        **{name: checked[name] for name in (*TRANSLATED_FIELDS, *OTHER_FIELDS, *RELATED_FIELDS)},
        by=by,
    )
    return offer_submit(offer=offer, by=by)


def _blank_values():
    """The editable fields of an offer not yet written."""
    return {
        **dict.fromkeys(TRANSLATED_FIELDS, ""),
        "kind": "",
        "cooperation_types": [],
        "target_countries": [],
        "keywords": "",
        "open_for_interest": True,
        "is_anonymous": False,
        "clusters": set(),
        "activities": set(),
    }


def _returned_for_changes(offer):
    last = offer.events.order_by("-at", "-pk").first()
    return last is not None and (last.from_status, last.to_status) == (
        Status.SUBMITTED,
        Status.DRAFT,
    )


@transaction.atomic
def offer_edit(*, offer, changes, by):
    """Edit an offer the public cannot see (a draft, submitted or rejected) in place.

    A rejected offer, and a draft the office returned for changes, go back to
    moderation with the edit (it answers the office); a submitted offer awaits
    moderation still; a draft never sent stays a draft until `offer_submit`.
    Raises EditRefused for an offer in another status (a published one's edits
    are proposed: `offer_propose_edit`) and ValidationError for a bad value.
    """
    offer = _locked(offer)
    if offer.status not in EDITED_IN:
        raise _status_refusal(offer)
    values, _revision = _proposed(offer, changes, offer)
    _apply(offer, values, by)
    if offer.status == Status.REJECTED or (
        offer.status == Status.DRAFT and _returned_for_changes(offer)
    ):
        _change_status(offer, Status.SUBMITTED, by=by, reason="edited")
    return offer


def _decided(revision):
    """The revision, locked after its offer (the order every writer locks them in)."""
    offer = _locked(revision.offer)
    revision = OfferRevision.objects.select_for_update().get(pk=revision.pk)
    if revision.status != RevisionStatus.PENDING:
        raise EditRefused(_("This edit has been decided already, or replaced by a newer one."))
    revision.offer = offer
    return revision


def _close(revision, status, by, reason=""):
    revision.status = status
    revision.decided_by = by
    revision.decided_at = timezone.now()
    revision.reason = reason
    revision.save(update_fields=["status", "decided_by", "decided_at", "reason"])


@transaction.atomic
def offer_accept_edit(*, revision, by):
    """Apply a proposed edit to its offer, log it, and e-mail the firm once committed.

    Raises EditRefused when the revision is no longer pending, the offer's status
    no longer takes edits, or its source language changed since the proposal.
    """
    revision = _decided(revision)
    offer = revision.offer
    if offer.status not in PROPOSED_IN:
        raise _status_refusal(offer)
    if offer.source_language != revision.language:
        raise EditRefused(
            _(
                "The offer's source language has changed since this edit was proposed: "
                "reject it and ask the organisation to propose it again."
            )
        )
    _apply(offer, editable_values(revision), by)
    OfferEvent.objects.create(
        offer=offer,
        from_status=offer.status,
        to_status=offer.status,
        by=by,
        reason="edit accepted",
    )
    _close(revision, RevisionStatus.ACCEPTED, by)
    transaction.on_commit(lambda: emails.send_edit_decision(revision, emails.EDIT_ACCEPTED))
    return revision


@transaction.atomic
def offer_reject_edit(*, revision, by, reason):
    """Reject a proposed edit with a reason, e-mailed to the firm once committed.

    The offer is left as it is. Raises EditRefused without a reason, or when the
    revision is no longer pending.
    """
    reason = (reason or "").strip()
    if not reason:
        raise EditRefused(_("Give the reason for rejecting the edit: the organisation is told."))
    revision = _decided(revision)
    _close(revision, RevisionStatus.REJECTED, by, reason)
    transaction.on_commit(lambda: emails.send_edit_decision(revision, emails.EDIT_REJECTED))
    return revision


# Renewal by a member.


def member_renewal_refusal(offer, now=None):
    """Why a member may not renew `offer` now (translated), or None if they may.

    Once, and from 30 days before the expiry date until 30 days after it. The
    renewal link e-mailed before expiry follows its own rules (offers/links.py).
    """
    now = now or timezone.now()
    if offer.renewed_at is not None:
        return _(
            "This offer was renewed once already, on %(date)s, and cannot be renewed again."
        ) % {"date": date_format(timezone.localtime(offer.renewed_at), "SHORT_DATE_FORMAT")}
    if offer.status not in {Status.PUBLISHED, Status.EXPIRED} or offer.expires_at is None:
        return _("Only a published or expired offer can be renewed.")
    opens = offer.expires_at - MEMBER_RENEWAL_WINDOW
    if now < opens:
        return _("This offer can be renewed from %(date)s, 30 days before it expires.") % {
            "date": date_format(timezone.localtime(opens), "SHORT_DATE_FORMAT")
        }
    if now > offer.expires_at + MEMBER_RENEWAL_WINDOW:
        return _(
            "This offer expired more than 30 days ago and can no longer be renewed: "
            "send it to the office again as a new offer."
        )
    return None


@transaction.atomic
def offer_renew_by_member(*, offer, by, now=None):
    """Renew for twelve months on a member's request, within the member's window.

    Raises RenewalRefused whose `message` says why not (`member_renewal_refusal`).
    """
    offer = _locked(offer)
    now = now or timezone.now()
    refusal = member_renewal_refusal(offer, now)
    if refusal:
        raise RenewalRefused(refusal)
    return offer_renew(offer=offer, by=by, now=now)
