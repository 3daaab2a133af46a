"""Writes to the directory of organisations."""

import unicodedata

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from companies.models import ContactPerson, Organisation
from portal.common.history import record_by

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


def _save(organisation, *, data, language, texts, logo, by):
    for field in ORGANISATION_FIELDS:
        if field in data:
            setattr(organisation, field, data[field])
    for field, text in (texts or {}).items():
        setattr(organisation, f"{field}_{language}", text)
    if not organisation.slug:
        organisation.slug = organisation_unique_slug(organisation.name)
    if logo:
        organisation.logo.save(logo.name, logo, save=False)
    record_by(organisation, by).save()
    for relation in ORGANISATION_RELATIONS:
        if relation in data:
            getattr(organisation, relation).set(data[relation])
    return organisation


@transaction.atomic
def organisation_create(*, data, language, texts=None, logo=None, published=False, by=None):
    """Create an organisation from checked data; `texts` are written in `language`."""
    organisation = Organisation(is_published=published)
    return _save(organisation, data=data, language=language, texts=texts, logo=logo, by=by)


@transaction.atomic
def organisation_update(*, organisation, data, language, texts=None, logo=None, by=None):
    """Update an organisation with checked data; `texts` replace its `language` texts."""
    return _save(organisation, data=data, language=language, texts=texts, logo=logo, by=by)


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
    by=None,
):
    """Add a contact person, or update the organisation's one with this e-mail address.

    A consent is a `(given, version, at)` tuple; the wording's version and the time
    are kept with it.
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
    record_by(contact, by).save()
    return contact
