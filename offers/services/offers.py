"""Writes to co-operation offers: their life cycle and the state of their translations.

Every status change goes through `_change_status`, which checks that the
transition is allowed and logs who, when and why.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from offers import emails
from offers.models import TRANSLATED_FIELDS, Offer, OfferEvent, OfferTranslation
from portal.common import machine_translation
from portal.common.history import record_by
from portal.common.languages import LANGUAGE_CODES
from portal.common.translations import machine_may_write, texts_digest

Status = Offer.Status
State = OfferTranslation.State
Origin = OfferTranslation.Origin

PUBLICATION_PERIOD = datetime.timedelta(days=365)
ARCHIVE_AFTER = datetime.timedelta(days=730)
REMINDER_BEFORE = datetime.timedelta(days=14)

TRANSITIONS = {
    Status.DRAFT: {Status.SUBMITTED, Status.WITHDRAWN},
    # Back to a draft: the office asked the firm for changes.
    Status.SUBMITTED: {Status.PUBLISHED, Status.REJECTED, Status.WITHDRAWN, Status.DRAFT},
    Status.PUBLISHED: {Status.WITHDRAWN, Status.EXPIRED, Status.ARCHIVED},
    # Back to moderation: the firm corrected what was rejected (offers/services/edits.py).
    Status.REJECTED: {Status.SUBMITTED, Status.ARCHIVED},
    Status.WITHDRAWN: {Status.ARCHIVED},
    Status.EXPIRED: {Status.PUBLISHED, Status.ARCHIVED},
    Status.ARCHIVED: set(),
}


class TransitionError(Exception):
    """A status change that the offer's current status does not allow."""


def _next_reference():
    """A public reference such as OF-2026-00042: the year and a sequence."""
    year = timezone.now().year
    prefix = f"OF-{year}-"
    last = (
        Offer.objects.select_for_update()
        .filter(reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:05d}"


def source_digest(offer):
    """A fingerprint of the source texts: a translation made from others is outdated."""
    return texts_digest(offer.text(field, offer.source_language) for field in TRANSLATED_FIELDS)


def _has_texts(offer, language):
    return any(offer.text(field, language).strip() for field in TRANSLATED_FIELDS)


@transaction.atomic
def offer_create(
    *,
    organisation,
    kind,
    language,
    title,
    summary,
    description="",
    partner_sought="",
    cooperation_types=(),
    target_countries=(),
    clusters=(),
    activities=(),
    keywords="",
    is_anonymous=False,
    open_for_interest=True,
    status=Status.DRAFT,
    by=None,
    reference=None,
):
    """Create an offer whose texts are written in `language` (its source language).

    `reference` is for fixed keys (the demo); otherwise the next free one is taken.
    """
    offer = Offer(
        organisation=organisation,
        reference=reference or _next_reference(),
        kind=kind,
        source_language=language,
        cooperation_types=list(cooperation_types),
        target_countries=list(target_countries),
        keywords=keywords,
        is_anonymous=is_anonymous,
        open_for_interest=open_for_interest,
        status=status,
    )
    texts = {
        "title": title,
        "summary": summary,
        "description": description,
        "partner_sought": partner_sought,
    }
    for field, text in texts.items():
        setattr(offer, f"{field}_{language}", text)
    record_by(offer, by).save()
    offer.clusters.set(clusters)
    offer.activities.set(activities)
    digest = source_digest(offer)
    translations = [
        OfferTranslation(
            offer=offer,
            language=code,
            state=State.SOURCE if code == language else State.MISSING,
            origin=Origin.HUMAN if code == language else "",
            source_digest=digest if code == language else "",
            updated_by=by,
        )
        for code in LANGUAGE_CODES
    ]
    bulk_create_with_history(translations, OfferTranslation, default_user=by)
    OfferEvent.objects.create(offer=offer, from_status="", to_status=status, by=by)
    return offer


@transaction.atomic
def offer_add(*, offer, by=None):
    """Save a new offer built by a form (the admin's), awaiting publication.

    It gets its reference and its first log entry; the translation states follow
    from `offer_sync_translations`, once the form's relations are saved.
    """
    offer.reference = _next_reference()
    offer.status = Status.SUBMITTED
    record_by(offer, by).save()
    OfferEvent.objects.create(offer=offer, from_status="", to_status=offer.status, by=by)
    return offer


def _change_status(offer, to_status, *, by=None, reason=""):
    if to_status not in TRANSITIONS[offer.status]:
        raise TransitionError(f"{offer.status} → {to_status}")
    from_status = offer.status
    offer.status = to_status
    record_by(offer, by).save()
    OfferEvent.objects.create(
        offer=offer, from_status=from_status, to_status=to_status, by=by, reason=reason
    )


def _locked(offer):
    return Offer.objects.select_for_update().get(pk=offer.pk)


@transaction.atomic
def offer_submit(*, offer, by=None):
    offer = _locked(offer)
    _change_status(offer, Status.SUBMITTED, by=by)
    return offer


def _tell_the_firm(offer, decision, reason=""):
    transaction.on_commit(lambda: emails.send_decision(offer, decision, reason=reason))


@transaction.atomic
def offer_publish(*, offer, by, now=None, notify=True):
    """Publish for twelve months from now, and e-mail the firm the link once committed.

    An expired offer comes back only through `offer_renew` (once), so that
    publishing again cannot stand in for a second renewal. `notify=False` sends
    nothing (the demo's offers).
    """
    offer = _locked(offer)
    now = now or timezone.now()
    if offer.status == Status.EXPIRED:
        raise TransitionError(f"{offer.status} → {Status.PUBLISHED}: renew it instead")
    offer.published_at = now
    offer.expires_at = now + PUBLICATION_PERIOD
    offer.rejection_reason = ""
    _change_status(offer, Status.PUBLISHED, by=by)
    if notify:
        _tell_the_firm(offer, emails.PUBLISHED)
    return offer


@transaction.atomic
def offer_reject(*, offer, by, reason, notify=True):
    """Reject with a reason, e-mailed to the firm once committed (unless `notify=False`)."""
    offer = _locked(offer)
    offer.rejection_reason = reason
    _change_status(offer, Status.REJECTED, by=by, reason=reason)
    if notify:
        _tell_the_firm(offer, emails.REJECTED, reason)
    return offer


@transaction.atomic
def offer_request_changes(*, offer, by, reason):
    """Return a submitted offer to the firm as a draft, e-mailing what to change.

    The firm has no page to edit an offer: it answers the office (or sends the
    questionnaire again); staff correct the draft and submit it again.
    """
    offer = _locked(offer)
    _change_status(offer, Status.DRAFT, by=by, reason=reason)
    _tell_the_firm(offer, emails.CHANGES_REQUESTED, reason)
    return offer


@transaction.atomic
def offer_withdraw(*, offer, by=None, reason=""):
    offer = _locked(offer)
    _change_status(offer, Status.WITHDRAWN, by=by, reason=reason)
    return offer


class RenewalRefused(Exception):
    """The offer was renewed before, or cannot be published again.

    `message` says why, translated, when the refusal is shown to a member.
    """

    def __init__(self, message=""):
        super().__init__(message)
        self.message = message


@transaction.atomic
def offer_renew(*, offer, by=None, now=None):
    """Twelve more months, once: from the expiry date, or from now if already past."""
    offer = _locked(offer)
    now = now or timezone.now()
    if offer.renewed_at is not None or offer.status not in {Status.PUBLISHED, Status.EXPIRED}:
        raise RenewalRefused
    offer.expires_at = max(offer.expires_at or now, now) + PUBLICATION_PERIOD
    offer.renewed_at = now
    if offer.status == Status.EXPIRED:
        _change_status(offer, Status.PUBLISHED, by=by, reason="renewed")
    else:
        record_by(offer, by).save()
        OfferEvent.objects.create(
            offer=offer,
            from_status=Status.PUBLISHED,
            to_status=Status.PUBLISHED,
            by=by,
            reason="renewed",
        )
    return offer


@transaction.atomic
def offer_expire(*, offer, by=None, reason="expiry date passed"):
    offer = _locked(offer)
    _change_status(offer, Status.EXPIRED, by=by, reason=reason)
    return offer


@transaction.atomic
def offer_archive(*, offer, by=None, reason="24 months passed"):
    offer = _locked(offer)
    _change_status(offer, Status.ARCHIVED, by=by, reason=reason)
    return offer


def offers_expire_due(*, now=None):
    """Mark published offers past their date as expired (lists already hide them)."""
    now = now or timezone.now()
    count = 0
    for offer in Offer.objects.filter(status=Status.PUBLISHED, expires_at__lte=now):
        with transaction.atomic():
            offer = _locked(offer)
            if offer.status == Status.PUBLISHED and offer.expires_at <= now:
                _change_status(offer, Status.EXPIRED, reason="expiry date passed")
                count += 1
    return count


def _archive_due_filter(now):
    """Published 24 months ago and no longer live; closed without publication as long ago.

    Counted from publication, not from the last change: `updated_at` moves with
    every save (an expiry, a translation) and would keep postponing the archive.
    An offer renewed late and still within its paid-for date stays until it expires.
    """
    cutoff = now - ARCHIVE_AFTER
    published_long_ago = Q(published_at__lte=cutoff) & (
        ~Q(status=Status.PUBLISHED) | Q(expires_at__lte=now)
    )
    closed_long_ago = Q(
        published_at__isnull=True,
        status__in=[Status.REJECTED, Status.WITHDRAWN],
        updated_at__lte=cutoff,
    )
    return Q(status__in=[Status.PUBLISHED, Status.EXPIRED, Status.REJECTED, Status.WITHDRAWN]) & (
        published_long_ago | closed_long_ago
    )


def offers_archive_due(*, now=None):
    """Archive offers published more than 24 months ago, and closed ones as old."""
    now = now or timezone.now()
    count = 0
    for pk in Offer.objects.filter(_archive_due_filter(now)).values_list("pk", flat=True):
        with transaction.atomic():
            offer = Offer.objects.select_for_update().filter(_archive_due_filter(now), pk=pk)
            offer = offer.first()
            if offer is not None:
                _change_status(offer, Status.ARCHIVED, reason="24 months passed")
                count += 1
    return count


def offers_due_for_reminder(*, now=None):
    """Published offers expiring within 14 days, never renewed, not yet reminded."""
    now = now or timezone.now()
    return Offer.objects.filter(
        status=Status.PUBLISHED,
        expires_at__gt=now,
        expires_at__lte=now + REMINDER_BEFORE,
        renewed_at__isnull=True,
        reminder_sent_at__isnull=True,
    )


def offers_send_expiry_reminders(*, now=None):
    """E-mail each offering organisation whose offer is about to expire, once.

    The reminder is sent inside the offer's transaction and marked sent with it:
    if sending fails, nothing is marked and the next run tries again; a second
    run the same day finds nothing to send. Offers whose organisation has no
    e-mail address at all are left unmarked and counted as skipped.
    Returns (sent, skipped).
    """
    now = now or timezone.now()
    sent = skipped = 0
    for pk in offers_due_for_reminder(now=now).values_list("pk", flat=True):
        with transaction.atomic():
            offer = (
                offers_due_for_reminder(now=now)
                .select_for_update(of=("self",))
                .select_related("organisation")
                .filter(pk=pk)
                .first()
            )
            if offer is None:
                continue
            if not emails.send_expiry_reminder(offer):
                skipped += 1
                continue
            offer.reminder_sent_at = now
            offer.save(update_fields=["reminder_sent_at", "updated_at"])
            sent += 1
    return sent, skipped


# Translations.


@transaction.atomic
def offer_set_translation(*, offer, language, texts, by=None, machine=False):
    """Write the texts of one target language; a person's translation is human.

    A machine writes only where the engine lets it (`machine_may_write`): never
    over a text a person wrote.
    """
    if language == offer.source_language:
        return offer_update_source(offer=offer, texts=texts, by=by)
    translation = OfferTranslation.objects.select_for_update().get(offer=offer, language=language)
    if machine and not machine_may_write(translation.state, translation.origin):
        return translation
    for field in TRANSLATED_FIELDS:
        if field in texts:
            setattr(offer, f"{field}_{language}", texts[field])
    # Only this language's columns: the instance may be older than the row's status.
    record_by(offer, by).save(
        update_fields=[*(f"{field}_{language}" for field in TRANSLATED_FIELDS), "updated_at"]
    )
    if not _has_texts(offer, language):
        translation.state, translation.origin = State.MISSING, ""
    elif machine:
        translation.state, translation.origin = State.MACHINE, Origin.MACHINE
    else:
        translation.state, translation.origin = State.HUMAN, Origin.HUMAN
    translation.source_digest = source_digest(offer)
    translation.updated_by = by
    record_by(translation, by).save()
    return translation


@transaction.atomic
def offer_update_source(*, offer, texts, by=None):
    """Change the source texts; translations made from the old ones become outdated."""
    for field in TRANSLATED_FIELDS:
        if field in texts:
            setattr(offer, f"{field}_{offer.source_language}", texts[field])
    record_by(offer, by).save()
    return offer_sync_translations(offer=offer, edited_languages=(), by=by)


@transaction.atomic
def offer_sync_translations(*, offer, edited_languages, by=None):
    """Bring the translation states in line with the texts after an edit (the admin's).

    `edited_languages` are the target languages a person has just written: they
    become human translations of the current source. Others made from an older
    source become outdated; languages without text are missing.
    """
    digest = source_digest(offer)
    rows = {
        row.language: row
        for row in OfferTranslation.objects.select_for_update().filter(offer=offer)
    }
    for code in LANGUAGE_CODES:
        row = rows.get(code) or OfferTranslation(offer=offer, language=code)
        before = (row.state, row.source_digest, row.origin)
        if code == offer.source_language:
            row.state, row.source_digest, row.origin = State.SOURCE, digest, Origin.HUMAN
        elif not _has_texts(offer, code):
            row.state, row.source_digest, row.origin = State.MISSING, "", ""
        elif code in edited_languages:
            row.state, row.source_digest, row.origin = State.HUMAN, digest, Origin.HUMAN
        elif row.state in {State.MISSING, State.SOURCE}:
            # Text that came with no record of it (a changed source language): a
            # person's, for all we know.
            row.state, row.origin = State.OUTDATED, Origin.HUMAN
        elif row.source_digest != digest:
            row.state = State.OUTDATED
        if row.pk is None or (row.state, row.source_digest, row.origin) != before:
            row.updated_by = by if code in edited_languages else row.updated_by
            record_by(row, by).save()
    return offer


# Machine translation.


def offer_machine_translate(*, offer, languages=None, backend=None, by=None):
    """Fill machine drafts from the source texts; returns the languages written.

    By default every language whose translation is missing or outdated; with
    `languages`, those. Neither the source nor a human translation is ever
    written, even when asked for. Each language is written in its own
    transaction as soon as it is translated, and the service is called outside
    any transaction: when it fails (a `MachineTranslationError`, raised here),
    what was written before stays, and nothing a person wrote is touched.
    A language whose source changed while it was being translated is left for
    the next run.
    """
    rows = {row.language: row for row in offer.translations.all()}
    writable = [
        code
        for code in LANGUAGE_CODES
        if code != offer.source_language
        and code in rows
        and machine_may_write(rows[code].state, rows[code].origin)
    ]
    if languages is None:
        # Not the drafts that are up to date: they would come back the same.
        targets = [code for code in writable if rows[code].state != State.MACHINE]
    else:
        targets = [code for code in writable if code in languages]
    if not targets:
        return []
    offer = Offer.objects.get(pk=offer.pk)
    digest = source_digest(offer)
    source_texts = [offer.text(field, offer.source_language) for field in TRANSLATED_FIELDS]
    backend = backend or machine_translation.get_backend()
    written = []
    for language in targets:
        texts = machine_translation.translate(
            source_texts, offer.source_language, language, backend=backend
        )
        with transaction.atomic():
            current = _locked(offer)
            if current.source_language != offer.source_language or source_digest(current) != digest:
                continue
            translation = offer_set_translation(
                offer=current,
                language=language,
                texts=dict(zip(TRANSLATED_FIELDS, texts, strict=True)),
                by=by,
                machine=True,
            )
            if translation.state == State.MACHINE:
                written.append(language)
    return written


@transaction.atomic
def offer_review_translation(*, offer, language, texts=None, by):
    """A translator's reviewed texts of one language: a human translation from now on.

    `texts` are the corrections; without them the draft (a machine one) is
    accepted as it stands.
    """
    offer = _locked(offer)
    if language == offer.source_language:
        raise ValueError(f"{language} is the source language of {offer.reference}")
    return offer_set_translation(offer=offer, language=language, texts=texts or {}, by=by)
