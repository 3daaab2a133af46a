"""The public fields a member may propose to change, and their values as JSON.

A proposed revision (`OrganisationRevision`) keeps its values as JSON, in one
form per field, so that a proposal and the record compare equal when they say the
same: texts as strings ("" for none), export markets as sorted country codes,
certifications as sorted ids, coordinates as strings with the field's five
decimal places (or None). `record_values` reads the record in that form, and
`clean_values` checks proposed values as the Organisation model's fields would
(the same validators and messages) and returns them in that form.

The services (companies/services.py) keep only what differs from the record;
the admin (companies/admin.py) shows each field beside the record's value with
`comparison`.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from companies.models import Certification, Organisation
from portal.common.languages import LANGUAGE_CODES, language_name
from portal.common.text import check_text, clean_text

# Translated texts, proposed in any of the portal's languages (`description_it`).
TEXTS = ("description", "products")
# The other public fields a member may change, in the order staff read them.
FIELDS = (
    "name",
    "website",
    "languages_spoken",
    "export_markets",
    "certifications",
    "latitude",
    "longitude",
)
# Every key a revision's JSON may hold, in the order staff read them: the name
# first, then the texts language by language, then the rest.
KEYS = (
    "name",
    *(f"{text}_{code}" for code in LANGUAGE_CODES for text in TEXTS),
    *FIELDS[1:],
)
POSITION = ("latitude", "longitude")
PLACES = Decimal(10) ** -5


def text_key(key):
    """(field, language) of a translated text's key, or None for another field."""
    field, _sep, code = key.rpartition("_")
    if field in TEXTS and code in LANGUAGE_CODES:
        return field, code
    return None


def _as_json(key, value):
    if key == "export_markets":
        return sorted(getattr(country, "code", country) for country in value or [])
    if key == "certifications":
        return sorted({int(getattr(item, "pk", item)) for item in value or []})
    if key in POSITION:
        return None if value is None else str(Decimal(value).quantize(PLACES))
    return value or ""


def record_values(organisation, keys=KEYS):
    """The record's values of `keys` in the JSON form of a revision."""
    values = {}
    for key in keys:
        if key == "certifications":
            value = [item.pk for item in organisation.certifications.all()]
        else:
            value = getattr(organisation, key)
        values[key] = _as_json(key, value)
    return values


def clean_values(changes):
    """Proposed values checked as the model's fields check them, in JSON form.

    Texts are cleaned and checked as every form of the portal cleans and checks
    them. Raises ValidationError with the fields' own messages, by key.
    """
    cleaned, errors = {}, {}
    model = Organisation()
    for key, value in changes.items():
        if key not in KEYS:
            errors[key] = [ValidationError(_("This field cannot be changed by a proposal."))]
            continue
        try:
            cleaned[key] = _clean(model, key, value)
        except ValidationError as error:
            errors[key] = error.error_list
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean(model, key, value):
    if key == "certifications":
        try:
            ids = {int(getattr(item, "pk", item)) for item in value or []}
        except (TypeError, ValueError):
            ids = None
        if ids is None or Certification.objects.filter(pk__in=ids).count() != len(ids):
            raise ValidationError(_("Choose certifications from the list."), code="invalid_choice")
        return sorted(ids)
    field = Organisation._meta.get_field(key)
    kind = field.get_internal_type()
    if key == "export_markets":
        value = [getattr(country, "code", country) for country in value or []]
    elif kind in {"CharField", "TextField"}:
        # As every form of the portal takes a text (portal/common/text.py).
        value = clean_text(str(value or ""), multiline=kind == "TextField")
        check_text(value)
    elif key in POSITION and value == "":
        value = None
    return _as_json(key, field.clean(value, model))


def field_label(key):
    """How staff read a key: the field's name, and a text's language."""
    text = text_key(key)
    if text is not None:
        field, code = text
        return f"{Organisation._meta.get_field(field).verbose_name} ({language_name(code)})"
    return str(Organisation._meta.get_field(key).verbose_name)


def shown(key, value, certification_names):
    """A JSON value as staff read it: country and certification names, a dash for none."""
    if value in (None, "", []):
        return "—"
    if key == "export_markets":
        return ", ".join(str(countries.name(code)) for code in value)
    if key == "certifications":
        return ", ".join(certification_names.get(pk, str(pk)) for pk in value)
    return str(value)


def comparison(revision, organisation):
    """For each field the revision changes: its label, language (for a text), the
    record's value now, the proposed value and the value when proposed, as staff
    read them, and whether the record changed since the proposal."""
    keys = [key for key in KEYS if key in revision.changes]
    current = record_values(organisation, keys)
    ids = set()
    for values in (current, revision.changes, revision.original):
        ids.update(values.get("certifications") or [])
    names = {item.pk: str(item) for item in Certification.objects.filter(pk__in=ids)} if ids else {}
    rows = []
    for key in keys:
        text = text_key(key)
        before = revision.original.get(key)
        rows.append(
            {
                "key": key,
                "label": field_label(key),
                "language": text[1] if text else "",
                "is_text": text is not None,
                "current": shown(key, current[key], names),
                "proposed": shown(key, revision.changes[key], names),
                "original": shown(key, before, names),
                "changed_since": current[key] != before,
            }
        )
    return rows
