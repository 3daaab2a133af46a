"""Text that people type, as the portal stores it, shows it in feeds and puts it in e-mails.

PostgreSQL cannot store a NUL, XML 1.0 (feeds, XLSX files) cannot carry the other
control characters, lone surrogates or U+FFFE and U+FFFF, and an e-mail header must
be one line. Every form of the portal checks what is posted with `TextFormMixin`,
and an import passes each text through `clean_text()` and `check_text()`:

- what a person meant is kept as they meant it: a line break typed in any of its
  forms (vertical tab, form feed, NEL, the Unicode line and paragraph separators,
  CR LF) becomes a line feed in a text of several lines and a space in a one-line
  field, where tabs and line feeds become spaces too;
- any other character of those kinds is refused, with a message naming its code
  point, and the form keeps what was typed.

What is already stored goes out through `xml_safe()` and `one_line()`, which drop
such characters instead of failing.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Non-characters beyond the Basic Multilingual Plane: the last two code points of
# every plane.
_PLANE_NONCHARACTERS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
)
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + _PLANE_NONCHARACTERS
    + "]"
)
# Line breaks in their every form, the last ones being what word processors paste.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_ONE_LINE_SPACES = re.compile("[\t\n]")

REFUSED_MESSAGE = _(
    "This text contains a character that cannot be saved (%(character)s). "
    "Please remove it and try again."
)


def clean_text(value, *, multiline=True):
    """The text as the person meant it: line breaks as line feeds, or spaces on one line."""
    value = _LINE_BREAKS.sub("\n", value)
    if not multiline:
        value = _ONE_LINE_SPACES.sub(" ", value)
    return value


def refused_character(value):
    """The first character of `value` that cannot be stored or sent, or None."""
    match = FORBIDDEN.search(value)
    return match.group() if match else None


def check_text(value):
    """Raise ValidationError, naming the character, if `value` holds one that is refused."""
    character = refused_character(value)
    if character is not None:
        raise ValidationError(
            REFUSED_MESSAGE,
            code="forbidden_character",
            params={"character": f"U+{ord(character):04X}"},
        )


def xml_safe(value):
    """Stored text for an XML document: line breaks kept, refused characters dropped."""
    return FORBIDDEN.sub("", clean_text(value))


def one_line(value):
    """Stored text for an e-mail header: one line, single spaces, nothing refused."""
    return " ".join(xml_safe(value).split())


class TextFormMixin:
    """A form that cleans and checks every posted text before its fields see it.

    Each value posted for a field (a tick box, a choice or a list of them too: they
    are stored as posted in questionnaires) is cleaned with `clean_text()`, on one
    line unless the field's widget is a text area, and refused with a message on the
    field if it still holds a character that cannot be stored; the form shows the
    text again without it. Files and passwords are left alone.
    """

    def _posted_keys(self, name, field):
        key = self.add_prefix(name)
        widget = field.widget
        if hasattr(widget, "widgets_names"):
            return [key + suffix for suffix in widget.widgets_names]
        return [key]

    def _cleaned_data_copy(self, data, refused):
        data = data.copy()
        lists = hasattr(data, "getlist")
        for name, field in self.fields.items():
            if isinstance(field, forms.FileField) or isinstance(field.widget, forms.PasswordInput):
                continue
            multiline = isinstance(field.widget, forms.Textarea)
            for key in self._posted_keys(name, field):
                if key not in data:
                    continue
                values = data.getlist(key) if lists else data[key]
                single = not isinstance(values, list | tuple)
                cleaned = []
                for value in [values] if single else values:
                    if isinstance(value, str):
                        value = clean_text(value, multiline=multiline)
                        try:
                            check_text(value)
                        except ValidationError as error:
                            refused.setdefault(name, error)
                            # Shown again without what cannot be shown either.
                            value = FORBIDDEN.sub("", value)
                    cleaned.append(value)
                if lists:
                    data.setlist(key, cleaned)
                else:
                    data[key] = cleaned[0] if single else type(values)(cleaned)
        return data

    def full_clean(self):
        """Clean what was posted, the fields' own checks, then the refusals in their place.

        Here and not in __init__, so that fields a form adds after it are covered.
        """
        refused = {}
        if self.is_bound:
            self.data = self._cleaned_data_copy(self.data, refused)
        super().full_clean()
        for name, error in refused.items():
            # Said once, instead of a field's own less clear complaint about it.
            self._errors.pop(name, None)
            self.add_error(name, error)
