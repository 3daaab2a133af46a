"""What every app needs to export and erase one person's data (GDPR art. 15, 17, 20).

A person is known by their e-mail address, and by their user account when they
have one (its address counts too). Each domain app answers for its own tables
with `person_data(*, email, user=None)` and `person_erase(*, email, user=None,
by=None, erasure=None)`; `portal/privacy.py` puts them together.

What an erasure leaves behind, everywhere the same:
- a name becomes the fixed word `ERASED` followed by the erasure's id: twelve
  random hexadecimal digits drawn for each erasure (`Erasure.marker`). It is not
  derived from the person's data, so nobody can compute it back from an address;
  it only shows staff which anonymised rows one erasure left;
- an e-mail address, a phone number and a text the person wrote become empty (or
  `ERASED` where the field may not be empty), so that nothing is ever sent to
  them again;
- a text someone else wrote about the person (a reason given by staff, the admin's
  log) keeps its words, with the person's name, address and phone number replaced
  by `[ERASED]` (`Erasure.redact`).
"""

import dataclasses
import re
import secrets

import phonenumbers
from django.contrib.admin.models import LogEntry
from django.db.models import Q
from django.utils.dateparse import parse_datetime

ERASED = "erased"
REDACTED = f"[{ERASED}]"
# Shorter words are not replaced inside others' texts: they would hit other words.
_SHORTEST_TERM = 3


def addresses(*, email, user=None):
    """The person's e-mail addresses, in lower case: the one given and the account's."""
    found = {email.strip().lower()} if email and email.strip() else set()
    if user is not None and user.email:
        found.add(user.email.strip().lower())
    return sorted(found)


def email_q(field, emails):
    """A filter matching `field` against any of `emails`, case-insensitively."""
    query = Q(pk__in=[])
    for address in emails:
        query |= Q(**{f"{field}__iexact": address})
    return query


def when(value):
    """A time as ISO 8601 text (None stays None), for an export's JSON."""
    if value is None or isinstance(value, str):
        return value
    return value.isoformat()


def later_than(text):
    """A stored ISO 8601 time back as a datetime, or None."""
    return parse_datetime(text) if isinstance(text, str) else None


@dataclasses.dataclass
class Erasure:
    """One erasure under way: its random id and what is known to name the person.

    The apps add the names and phone numbers they find (`learn`) before they
    redact others' texts, so that a name known to one app is also taken out of
    another app's texts.
    """

    id: str = dataclasses.field(default_factory=lambda: secrets.token_hex(6))
    emails: list = dataclasses.field(default_factory=list)
    names: set = dataclasses.field(default_factory=set)
    phones: set = dataclasses.field(default_factory=set)

    @property
    def marker(self):
        """What stands where a name was: `erased 3f9a0c1d2e4b`."""
        return f"{ERASED} {self.id}"

    def learn(self, *, names=(), phones=()):
        """Note names (full names, surnames) and phone numbers that identify the person."""
        self.names.update(name.strip() for name in names if name and name.strip())
        self.phones.update(str(phone).strip() for phone in phones if phone and str(phone).strip())

    def _patterns(self):
        words = {*self.names, *self.emails}
        terms = [
            re.escape(word)
            for word in sorted(words, key=len, reverse=True)
            if len(word) >= _SHORTEST_TERM
        ]
        patterns = [rf"(?<!\w)(?:{'|'.join(terms)})(?!\w)"] if terms else []
        for phone in sorted(self.phones):
            digits = _national_digits(phone)
            if len(digits) >= 6:
                # The same digits however they were written: spaces, dashes, dots.
                patterns.append(r"(?<!\d)" + r"[\s\-./()]*".join(digits) + r"(?!\d)")
        return [re.compile(pattern, re.IGNORECASE) for pattern in patterns]

    def redact(self, text):
        """`text` with the person's names, addresses and phone numbers replaced."""
        if not text:
            return text
        for pattern in self._patterns():
            text = pattern.sub(REDACTED, text)
        return text

    def mentions(self, field):
        """A filter for rows whose `field` may mention the person (redact them after)."""
        query = Q(pk__in=[])
        for word in {*self.names, *self.emails}:
            if len(word) >= _SHORTEST_TERM:
                query |= Q(**{f"{field}__icontains": word})
        for phone in self.phones:
            digits = _national_digits(phone)
            if len(digits) >= 6:
                query |= Q(**{f"{field}__contains": digits[-4:]})
        return query


def _national_digits(phone):
    """The digits of a phone number without its country code, however it was written."""
    try:
        number = phonenumbers.parse(phone, "PL")
        return str(number.national_number)
    except phonenumbers.NumberParseException:
        return re.sub(r"\D", "", phone)


def redact_admin_log(erasure, *, queryset=None):
    """Take the person out of the admin's log: its object names and change messages.

    The admin names a changed object by its `str()` (a contact person's name) in
    `object_repr` and, for objects changed inline, in `change_message`.
    """
    entries = LogEntry.objects.all() if queryset is None else queryset
    changed = 0
    for entry in entries.filter(
        erasure.mentions("object_repr") | erasure.mentions("change_message")
    ):
        object_repr, change_message = (
            erasure.redact(entry.object_repr),
            erasure.redact(entry.change_message),
        )
        if (object_repr, change_message) != (entry.object_repr, entry.change_message):
            LogEntry.objects.filter(pk=entry.pk).update(
                object_repr=object_repr, change_message=change_message
            )
            changed += 1
    return changed
