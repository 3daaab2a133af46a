"""Logo uploads: the kernel's image rule (portal/common/images.py), told as a logo."""

from django.utils.translation import gettext_lazy as _

from portal.common.images import MAX_BYTES, Messages, process_image

__all__ = ["MAX_BYTES", "process_logo"]

LOGO_MESSAGES = Messages(
    too_large=_("The logo is %(size)s; it may be at most %(limit)s."),
    format=_("The logo must be a PNG, JPEG or WebP image."),
    dimensions=_("The logo is %(width)s×%(height)s pixels; it may be at most %(limit)s×%(limit)s."),
    unreadable=_("This file could not be read as a PNG, JPEG or WebP image."),
    code="logo",
)


def process_logo(upload):
    """A re-encoded copy of an uploaded logo, or ValidationError (see process_image)."""
    return process_image(upload, LOGO_MESSAGES)
