"""Signed values the portal hands out and reads back: links in e-mails, form stamps.

One loader checks the signature, the age and the shape of what was signed, so that
a value signed with the portal's key but of another shape (a list where an id was
expected, an id out of range, a string with a NUL byte) is refused like a forged one
instead of reaching a query. A shape is a function that returns the value it accepts,
converted, or raises Invalid: ID, TEXT, UUID, NUMBER, or fields(...) for a dict.
"""

import math
import uuid
import zlib

from django.core import signing

# The largest value of a bigint primary key.
MAX_ID = 2**63 - 1
MAX_TEXT = 200


class Invalid(Exception):
    """Forged, cut off, or signed with another shape than the reader expects."""


class Expired(Exception):
    """Signed correctly, but older than the reader accepts."""


def load(token, *, salt, shape, max_age=None):
    """The value `token` carries, in `shape`; Expired or Invalid if none."""
    if not isinstance(token, str):
        raise Invalid
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise Expired from None
    except (
        signing.BadSignature,
        ValueError,
        TypeError,
        UnicodeError,
        OverflowError,
        RecursionError,
        zlib.error,
    ):
        raise Invalid from None
    return shape(value)


def ID(value):
    """A primary key: a whole number from 1 to the largest bigint (not a bool)."""
    if type(value) is not int or not 1 <= value <= MAX_ID:
        raise Invalid
    return value


def TEXT(value):
    """A short string without NUL bytes, which the database cannot hold."""
    if type(value) is not str or len(value) > MAX_TEXT or "\x00" in value:
        raise Invalid
    return value


def UUID(value):
    """A UUID written as a string."""
    try:
        return uuid.UUID(TEXT(value))
    except ValueError:
        raise Invalid from None


def NUMBER(value):
    """A finite number, whole or not (not a bool): a time, for example."""
    if type(value) not in (int, float):
        raise Invalid
    try:
        number = float(value)
    except OverflowError:
        raise Invalid from None
    if not math.isfinite(number):
        raise Invalid
    return number


def fields(**shapes):
    """A dict with exactly these keys, each value in its shape."""

    def shape(value):
        if type(value) is not dict or value.keys() != shapes.keys():
            raise Invalid
        return {name: check(value[name]) for name, check in shapes.items()}

    return shape
