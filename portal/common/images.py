"""Image uploads (logos, news pictures): checked by their content, re-encoded
without metadata, renamed.

The rule is one: PNG, JPEG or WebP told by the content, at most MAX_BYTES and
MAX_SIDE pixels a side, the pixels kept and nothing else. What the refusal says
names what was sent ("the logo", "the image"): each caller passes its `Messages`.
"""

import io
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 4000
FORMATS = {
    "PNG": ("png", "image/png"),
    "JPEG": ("jpg", "image/jpeg"),
    "WEBP": ("webp", "image/webp"),
}

ORIENTATION = 0x0112  # EXIF tag; its value -> the turn that shows the image upright
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True)
class Messages:
    """What a refused upload is told, in the words of what it was meant to be.

    `too_large` takes %(size)s and %(limit)s; `dimensions` %(width)s, %(height)s
    and %(limit)s. The errors' codes start with `code` ("image_too_large").
    """

    too_large: str
    format: str
    dimensions: str
    unreadable: str
    code: str = "image"


IMAGE_MESSAGES = Messages(
    too_large=_("The image is %(size)s; it may be at most %(limit)s."),
    format=_("The image must be a PNG, JPEG or WebP file."),
    dimensions=_(
        "The image is %(width)s×%(height)s pixels; it may be at most %(limit)s×%(limit)s."
    ),
    unreadable=_("This file could not be read as a PNG, JPEG or WebP image."),
)


def process_image(upload, messages=IMAGE_MESSAGES):
    """Return a re-encoded copy of an uploaded image, or raise ValidationError.

    Only PNG, JPEG and WebP pass, told by their content and not by the name the
    browser sent; at most MAX_BYTES and MAX_SIDE pixels a side. The copy keeps the
    pixels only (no EXIF, comments or colour-profile tricks) under a random name.
    """
    if upload.size > MAX_BYTES:
        raise ValidationError(
            messages.too_large,
            code=f"{messages.code}_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)},
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            kind = image.format
            width, height = image.size
            if kind not in FORMATS:
                raise ValidationError(messages.format, code=f"{messages.code}_format")
            if width > MAX_SIDE or height > MAX_SIDE:
                raise ValidationError(
                    messages.dimensions,
                    code=f"{messages.code}_dimensions",
                    params={"width": width, "height": height, "limit": MAX_SIDE},
                )
            image.load()
            pixels = _without_metadata(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(messages.unreadable, code=f"{messages.code}_unreadable") from None
    extension, content_type = FORMATS[kind]
    output = io.BytesIO()
    if kind == "JPEG":
        pixels.convert("RGB").save(output, "JPEG", quality=90, optimize=True)
    elif kind == "WEBP":
        pixels.save(output, "WEBP", quality=90)
    else:
        pixels.save(output, "PNG", optimize=True)
    return SimpleUploadedFile(
        f"{uuid.uuid4().hex}.{extension}", output.getvalue(), content_type=content_type
    )


def _upright(image):
    """The image turned as its EXIF orientation says: that tag goes with the rest.

    As ImageOps.exif_transpose, which also writes the EXIF out again and fails on
    a broken one; with a broken EXIF the image stays as it is stored.
    """
    try:
        method = UPRIGHT.get(image.getexif().get(ORIENTATION))
    except Exception:  # whatever is wrong in the EXIF block
        return image
    return image if method is None else image.transpose(method)


def _without_metadata(image):
    image = _upright(image)
    mode = image.mode if image.mode in {"1", "L", "LA", "RGB", "RGBA", "P"} else "RGBA"
    if image.mode == "P":
        image = image.convert("RGBA")
        mode = "RGBA"
    elif image.mode != mode:
        image = image.convert(mode)
    clean = Image.new(mode, image.size)
    clean.paste(image)
    return clean
