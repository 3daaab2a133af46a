"""Writes to the directory of organisations."""

import unicodedata
from urllib.parse import unquote_plus

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from companies import emails, revisions
from companies.access_log import PATH_LENGTH
from companies.analysis.regions import nuts_region_for
from companies.logos import process_logo
from companies.models import (
    Certification,
    ContactDataView,
    ContactPerson,
    Organisation,
    OrganisationRevision,
)
from portal.common.erasure import ERASED, Erasure, addresses, email_q, when
from portal.common.history import record_by
from portal.common.languages import LANGUAGE_CODES
from portal.common.translations import translatable_for

# Letters that Unicode does not decompose into a Latin base letter.
_TRANSLITERATION = str.maketrans(
    {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae"}
)
# Bulgarian Cyrillic, by the official (streamlined) system.
# fmt: off
_CYRILLIC_LATIN = [
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
    "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sht", "a", "y", "yu", "ya",
]
# fmt: on
_CYRILLIC = dict(zip("абвгдежзийклмнопрстуфхцчшщъьюя", _CYRILLIC_LATIN, strict=True))

# What the intake questionnaire may set on an organisation.
ORGANISATION_FIELDS = (
    "kind",
    "name",
    "legal_form",
    "nip",
    "regon",
    "krs",
    "vat_id",
    "country",
    "region",
    "town",
    "street_address",
    "postal_code",
    "website",
    "size_class",
    "employees",
    "founded_year",
    "export_markets",
    "languages_spoken",
)
ORGANISATION_RELATIONS = ("activities", "clusters", "certifications")
# What else the services may set on an organisation (its position, from a member's
# proposed revision).
OTHER_FIELDS = ("latitude", "longitude")


def organisation_unique_slug(name, *, exclude_pk=None):
    """A Latin-letter slug for a name in any of the portal's alphabets, unique."""
    text = "".join(_CYRILLIC.get(char, char) for char in name.lower())
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    base = slugify(text.encode("ascii", "ignore").decode())[:200].strip("-") or "organisation"
    taken = set(
        Organisation.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _save(organisation, *, data, language, texts, logo, by, translations=None):
    for field in ORGANISATION_FIELDS + OTHER_FIELDS:
        if field in data:
            setattr(organisation, field, data[field])
    if data.keys() & {"country", "region", "town"}:
        _locate(organisation)
    for field, text in (texts or {}).items():
        setattr(organisation, f"{field}_{language}", text)
    for code, fields in (translations or {}).items():
        for field, text in fields.items():
            setattr(organisation, f"{field}_{code}", text)
    if not organisation.slug:
        organisation.slug = organisation_unique_slug(organisation.name)
    if logo:
        organisation.logo.save(logo.name, logo, save=False)
    record_by(organisation, by).save()
    for relation in ORGANISATION_RELATIONS:
        if relation in data:
            getattr(organisation, relation).set(data[relation])
    return organisation


def _locate(organisation):
    """Set the NUTS 2 region the address names; keep one staff chose in the same
    country when the region's text names none."""
    found = nuts_region_for(organisation.country, organisation.region, organisation.town)
    kept = organisation.nuts_region
    if found or (kept and str(kept.country) != str(organisation.country)):
        organisation.nuts_region = found


@transaction.atomic
def organisation_create(*, data, language, texts=None, logo=None, published=False, by=None):
    """Create an organisation from checked data; `texts` are written in `language`."""
    organisation = Organisation(is_published=published)
    return _save(organisation, data=data, language=language, texts=texts, logo=logo, by=by)


@transaction.atomic
def organisation_update(
    *, organisation, data, language, texts=None, translations=None, logo=None, by=None
):
    """Update an organisation with checked data; `texts` replace its `language` texts.

    `translations` ({language: {field: text}}) replace texts of other languages too.
    A source text changed here makes its translations outdated (the translation
    states are worked out from the texts: portal/common/translations.py), and the
    save retires the directory's kept pages (CompaniesConfig.ready).
    """
    return _save(
        organisation,
        data=data,
        language=language,
        texts=texts,
        translations=translations,
        logo=logo,
        by=by,
    )


@transaction.atomic
def organisation_set_published(*, organisation, published, by=None):
    """Publish or unpublish an organisation in the public directory."""
    organisation.is_published = published
    record_by(organisation, by).save(update_fields=["is_published", "updated_at"])
    return organisation


def organisations_set_published(*, queryset, published, by=None):
    """Publish or unpublish many organisations; return how many changed."""
    with transaction.atomic():
        changed = 0
        for organisation in queryset.select_for_update().exclude(is_published=published):
            organisation_set_published(organisation=organisation, published=published, by=by)
            changed += 1
    return changed


@transaction.atomic
def contact_person_save(
    *,
    organisation,
    first_name,
    last_name,
    email,
    job_title="",
    phone="",
    language="pl",
    publication_consent=None,
    alerts_consent=None,
    email_confirmed_at=None,
    by=None,
):
    """Add a contact person, or update the organisation's one with this e-mail address.

    A consent is a `(given, version, at)` tuple; the wording's version and the time
    are kept with it. `email_confirmed_at` is when the person proved the address is
    theirs (a confirmed questionnaire); an address once confirmed stays so.
    """
    contact = ContactPerson.objects.filter(
        organisation=organisation, email__iexact=email
    ).first() or ContactPerson(organisation=organisation)
    contact.first_name, contact.last_name, contact.email = first_name, last_name, email
    contact.job_title, contact.phone, contact.language = job_title, phone, language
    for name, consent in (
        ("publication_consent", publication_consent),
        ("alerts_consent", alerts_consent),
    ):
        if consent is None:
            continue
        given, version, at = consent
        setattr(contact, name, given)
        setattr(contact, f"{name}_version", version if given else "")
        setattr(contact, f"{name}_at", (at or timezone.now()) if given else None)
    if email_confirmed_at is not None and contact.email_confirmed_at is None:
        contact.email_confirmed_at = email_confirmed_at
    record_by(contact, by).save()
    return contact


# A person's data (GDPR art. 15, 17, 20): portal/common/erasure.py says what an erasure
# leaves; portal/privacy.py puts the apps' parts together.


def _person_contacts(emails):
    return ContactPerson.objects.filter(email_q("email", emails)).select_related("organisation")


def _consent(contact, name):
    return {
        "given": getattr(contact, name),
        "version": getattr(contact, f"{name}_version"),
        "at": when(getattr(contact, f"{name}_at")),
    }


def _contact_history(contacts, emails):
    """The historical rows of the person's contact records, and any other that held
    their address (a contact record since given to someone else)."""
    names = [(contact.first_name, contact.last_name) for contact in contacts]
    by_name = Q(pk__in=[])
    for first_name, last_name in names:
        by_name |= Q(first_name=first_name, last_name=last_name)
    return ContactPerson.history.filter(
        email_q("email", emails) | (Q(id__in=[contact.pk for contact in contacts]) & by_name)
    )


def person_data(*, email, user=None):
    """What the directory holds about a person: their contact records with their
    organisation and consents, the history of those records, and which staff saw them."""
    emails = addresses(email=email, user=user)
    contacts = list(_person_contacts(emails).order_by("pk"))
    history = _contact_history(contacts, emails).order_by("history_date", "history_id")
    views = ContactDataView.objects.filter(
        Q(contact_person__in=contacts) | Q(contact_person_ref__in=[c.pk for c in contacts])
    ).order_by("viewed_at", "pk")
    return {
        "contact_persons": [
            {
                "id": contact.pk,
                "organisation": {"id": contact.organisation_id, "name": contact.organisation.name},
                "first_name": contact.first_name,
                "last_name": contact.last_name,
                "job_title": contact.job_title,
                "email": contact.email,
                "phone": str(contact.phone or ""),
                "language": contact.language,
                "publication_consent": _consent(contact, "publication_consent"),
                "alerts_consent": _consent(contact, "alerts_consent"),
                "created_at": when(contact.created_at),
            }
            for contact in contacts
        ],
        "contact_person_history": [
            {
                "contact_person_id": row.id,
                "changed_at": when(row.history_date),
                "change": row.get_history_type_display(),
                "first_name": row.first_name,
                "last_name": row.last_name,
                "job_title": row.job_title,
                "email": row.email,
                "phone": str(row.phone or ""),
                "publication_consent": row.publication_consent,
                "alerts_consent": row.alerts_consent,
            }
            for row in history
        ],
        "organisation_addresses": [
            {"id": organisation.pk, "name": organisation.name, "email": organisation.email}
            for organisation in Organisation.objects.filter(email_q("email", emails))
        ],
        "contact_data_views": [
            {
                "viewed_at": when(view.viewed_at),
                "staff_member": view.username,
                "contact_person_id": view.contact_person_ref,
                "page": view.path,
            }
            for view in views
        ],
    }


def organisations_left_without_contact(*, email, user=None):
    """The organisations whose only contact persons are this person's records: the
    office is told when the person is erased, to find a new contact."""
    emails = addresses(email=email, user=user)
    others = ContactPerson.objects.exclude(email_q("email", emails))
    return list(
        Organisation.objects.filter(contacts__in=_person_contacts(emails))
        .exclude(contacts__in=others)
        .distinct()
        .order_by("name")
    )


def _erase_contact_fields(erasure):
    return {
        "first_name": ERASED,
        "last_name": erasure.id,
        "job_title": "",
        "email": "",
        "phone": "",
        "publication_consent": False,
        "alerts_consent": False,
    }


@transaction.atomic
def person_erase(*, email, user=None, by=None, erasure=None):
    """Anonymise the person in the directory; return how many rows of each kind changed.

    Their contact records keep their place in the organisation with the erasure's
    marker for a name and no address or phone (so nothing is sent to them), and so
    do the records' history rows. An organisation's general address or phone that
    was the person's own is emptied; the organisation and its public record stay.
    Staff searches for the person in the access log's pages are redacted; the log's
    rows (ids only) stay.
    """
    erasure = erasure or Erasure(emails=addresses(email=email, user=user))
    emails = erasure.emails
    contacts = list(_person_contacts(emails).select_for_update(of=("self",)))
    erasure.learn(
        names=[name for c in contacts for name in (f"{c.first_name} {c.last_name}", c.last_name)],
        phones=[str(c.phone) for c in contacts if c.phone],
    )
    counts = {"contact_persons": len(contacts)}
    history = _contact_history(contacts, emails)
    counts["contact_person_history"] = history.update(**_erase_contact_fields(erasure))
    for contact in contacts:
        for field, value in _erase_contact_fields(erasure).items():
            setattr(contact, field, value)
        contact.publication_consent_at = contact.alerts_consent_at = None
        contact.publication_consent_version = contact.alerts_consent_version = ""
        record_by(contact, by).save()
    ContactPerson.history.filter(id__in=[contact.pk for contact in contacts]).update(
        publication_consent_version="",
        alerts_consent_version="",
        publication_consent_at=None,
        alerts_consent_at=None,
    )

    counts["organisation_fields"] = 0
    phones = [phone for phone in erasure.phones if phone.startswith("+")]
    for model in (Organisation, Organisation.history.model):
        counts["organisation_fields"] += model.objects.filter(email_q("email", emails)).update(
            email=""
        )
        counts["organisation_fields"] += model.objects.filter(phone__in=phones).update(phone="")

    views = ContactDataView.objects.filter(path__contains="?")
    counts["contact_data_views"] = 0
    for view in views.only("pk", "path"):
        path = unquote_plus(view.path)
        redacted = erasure.redact(path)
        if redacted != path:
            ContactDataView.objects.filter(pk=view.pk).update(path=redacted[:PATH_LENGTH])
            counts["contact_data_views"] += 1
    if user is not None:
        ContactDataView.objects.filter(user=user).update(username=erasure.marker)
    return counts


# Proposed revisions of an organisation's public record.

RevisionStatus = OrganisationRevision.Status


class TransitionError(Exception):
    """A decision on a revision that no longer awaits one."""


def _locked_revision(revision):
    return OrganisationRevision.objects.select_for_update().get(pk=revision.pk)


def _locked_organisation(organisation_id):
    return Organisation.objects.select_for_update().get(pk=organisation_id)


@transaction.atomic
def organisation_propose_revision(*, organisation, changes, language, logo=None, by):
    """Propose changes to an organisation's public record; staff accept or reject them.

    `changes` maps the keys of companies/revisions.py (`name`, `description_it`,
    `certifications`, ...) to their new values; they are checked as the model's
    fields check them and only those that differ from the record are kept, with
    the record's values when proposed. `logo` is an upload, checked and cleaned as
    every logo is (companies/logos.py). `language` is the one the member wrote in.

    Raises ValidationError (by key) for a bad value, and for a proposal that
    changes nothing, which leaves a pending revision as it was. Otherwise a pending
    revision of the organisation is superseded by the new one, which is returned.
    """
    if language not in LANGUAGE_CODES:
        raise ValidationError({"language": _("Choose one of the portal's languages.")})
    cleaned = revisions.clean_values(changes)
    if logo:
        try:
            logo = process_logo(logo)
        except ValidationError as error:
            raise ValidationError({"logo": error.error_list}) from None
    # One proposal at a time per organisation: the lock orders them.
    organisation = _locked_organisation(organisation.pk)
    current = revisions.record_values(organisation, list(cleaned))
    kept = {key: value for key, value in cleaned.items() if value != current[key]}
    if not kept and not logo:
        raise ValidationError(
            _("The proposal changes nothing on the organisation's record."), code="no_change"
        )
    now = timezone.now()
    for pending in organisation.revisions.select_for_update().filter(status=RevisionStatus.PENDING):
        pending.status, pending.decided_at = RevisionStatus.SUPERSEDED, now
        record_by(pending, by).save(update_fields=["status", "decided_at"])
    revision = OrganisationRevision(
        organisation=organisation,
        proposed_by=by,
        proposed_at=now,
        language=language,
        changes=kept,
        original={key: current[key] for key in kept},
    )
    if logo:
        revision.logo.save(logo.name, logo, save=False)
    record_by(revision, by).save()
    return revision


@transaction.atomic
def organisation_accept_revision(*, revision, by):
    """Apply a pending revision to the record, through `organisation_update`.

    The proposal is applied as a whole: each field it names gets the proposed
    value, even where the record changed since it was proposed, because staff
    accept it having read, field by field, the record's value now beside the
    proposal and the value when proposed (the admin marks each field changed
    since). Fields it does not name keep whatever the record holds now. Texts
    changed in a language other than the source are recorded as a person's
    translation of the current source; a changed source text makes the other
    languages' translations outdated. The proposer is told by e-mail once this
    commits. Raises TransitionError when the revision no longer awaits a decision.
    """
    revision = _locked_revision(revision)
    if not revision.is_pending:
        raise TransitionError(f"{revision.status} → {RevisionStatus.ACCEPTED}")
    organisation = _locked_organisation(revision.organisation_id)
    data, translations = {}, {}
    for key, value in revision.changes.items():
        text = revisions.text_key(key)
        if text is not None:
            field, code = text
            translations.setdefault(code, {})[field] = value
        elif key == "certifications":
            data[key] = Certification.objects.filter(pk__in=value)
        else:
            data[key] = value
    logo = None
    if revision.logo:
        logo = revision.logo.file
        logo.name = revision.logo.name.rsplit("/", 1)[-1]
    organisation_update(
        organisation=organisation,
        data=data,
        language=revision.language,
        translations=translations,
        logo=logo,
        by=by,
    )
    translatable = translatable_for(Organisation)
    if translatable is not None and translations:
        translatable.record_edits(organisation, languages=list(translations), by=by)
    _decide(revision, RevisionStatus.ACCEPTED, by=by)
    transaction.on_commit(lambda: emails.send_revision_decision(revision))
    return revision


@transaction.atomic
def organisation_reject_revision(*, revision, by, reason):
    """Reject a pending revision for a reason, which the proposer is e-mailed.

    The record stays as it is. Raises ValidationError without a reason and
    TransitionError when the revision no longer awaits a decision.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the proposal is rejected.")})
    revision = _locked_revision(revision)
    if not revision.is_pending:
        raise TransitionError(f"{revision.status} → {RevisionStatus.REJECTED}")
    _decide(revision, RevisionStatus.REJECTED, by=by, reason=reason)
    transaction.on_commit(lambda: emails.send_revision_decision(revision))
    return revision


@transaction.atomic
def organisation_withdraw_revision(*, revision, by):
    """The proposer takes back a pending revision. Raises TransitionError otherwise."""
    revision = _locked_revision(revision)
    if not revision.is_pending:
        raise TransitionError(f"{revision.status} → {RevisionStatus.WITHDRAWN}")
    revision.status, revision.decided_at = RevisionStatus.WITHDRAWN, timezone.now()
    record_by(revision, by).save(update_fields=["status", "decided_at"])
    return revision


def _decide(revision, status, *, by, reason=""):
    revision.status, revision.reason = status, reason
    revision.decided_by, revision.decided_at = by, timezone.now()
    record_by(revision, by).save(update_fields=["status", "reason", "decided_by", "decided_at"])
