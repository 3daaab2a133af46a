"""Logo uploads: re-encoded without metadata under a random name, or refused with a message."""

import io
import re
import resource
import struct
import time
import warnings
import zlib

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape
from PIL import ExifTags, Image
from PIL.PngImagePlugin import PngInfo

from companies.logos import MAX_BYTES, process_logo
from questionnaire.views import QuestionnaireWizard
from tests.questionnaire import walk

RED = (200, 30, 30)
NOT_AN_IMAGE = "The logo must be a PNG, JPEG or WebP image."
UNREADABLE = "This file could not be read as a PNG, JPEG or WebP image."


def identifying_exif(orientation=None):
    """EXIF that says where and whose: a description and a GPS position."""
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = "Serowarnia Narwiańska, biuro zarządu"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (53.0, 10.0, 30.0)
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    return exif


def image_file(kind, size=(40, 20), mode="RGB", **options):
    buffer = io.BytesIO()
    Image.new(mode, size, RED if mode == "RGB" else 1).save(buffer, kind, **options)
    return buffer.getvalue()


def noisy_image_file(kind, size=(300, 300)):
    """An image that does not compress to a few bytes, so that cutting it cuts pixels."""
    buffer = io.BytesIO()
    Image.effect_noise(size, 64).save(buffer, kind)
    return buffer.getvalue()


def author_info():
    info = PngInfo()
    info.add_text("Author", "Anna Kowalska")
    return info


def upload(content, name="logo.png", content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def refusal(content, name="logo.png", language="en"):
    with translation.override(language):
        with pytest.raises(ValidationError) as caught:
            process_logo(upload(content, name))
        return caught.value.code, caught.value.messages  # lazy: read in that language


def png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def blank_bilevel_png(width, height):
    """A valid 1-bit PNG, all black, made without holding all its pixels at once."""
    compressor = zlib.compressobj(9)
    row = bytes(1 + (width + 7) // 8)  # filter byte, then the row's bits
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )


def metadata_of(result):
    with Image.open(result) as image:
        return dict(image.getexif()), set(image.info) & {"exif", "Author", "comment", "xmp"}


@pytest.mark.parametrize(
    ("kind", "extension", "content_type", "options"),
    [
        ("PNG", "png", "image/png", {"exif": identifying_exif(), "pnginfo": author_info()}),
        ("JPEG", "jpg", "image/jpeg", {"exif": identifying_exif(), "comment": b"Anna K."}),
        ("WEBP", "webp", "image/webp", {"exif": identifying_exif()}),
    ],
)
def test_a_logo_comes_back_in_its_format_under_a_random_name_without_metadata(
    kind, extension, content_type, options
):
    original = image_file(kind, **options)
    with Image.open(io.BytesIO(original)) as sent:
        assert sent.getexif()[ExifTags.Base.ImageDescription].startswith("Serowarnia")
        assert sent.getexif().get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] == "N"

    result = process_logo(upload(original, name="Zdjęcie z biura.png"))
    again = process_logo(upload(original, name="Zdjęcie z biura.png"))

    assert re.fullmatch(rf"[0-9a-f]{{32}}\.{extension}", result.name)
    assert again.name != result.name
    assert result.content_type == content_type
    with Image.open(result) as image:
        assert image.format == kind
        assert image.size == (40, 20)
        assert all(
            abs(a - b) <= 8 for a, b in zip(image.convert("RGB").getpixel((5, 5)), RED, strict=True)
        )
    result.seek(0)
    assert metadata_of(result) == ({}, set())


def test_a_photo_turned_by_its_exif_orientation_is_kept_upright():
    # Stored 40 wide and 20 high, with "turn 90° clockwise to show": shown 20 wide.
    original = image_file("JPEG", exif=identifying_exif(orientation=6))

    result = process_logo(upload(original, name="logo.jpg"))

    with Image.open(result) as image:
        assert image.size == (20, 40)
    result.seek(0)
    assert metadata_of(result) == ({}, set())


def test_a_palette_png_with_transparency_keeps_its_transparency():
    image = Image.new("P", (40, 20), 1)
    image.putpalette([255, 255, 255, *RED])
    buffer = io.BytesIO()
    image.save(buffer, "PNG", transparency=1)
    original = buffer.getvalue()

    result = process_logo(upload(original))

    with Image.open(result) as image:
        assert image.mode == "RGBA"
        assert image.getpixel((0, 0)) == (*RED, 0)


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (image_file("GIF"), "logo.gif", ("logo_format", [NOT_AN_IMAGE])),
        (image_file("GIF"), "logo.png", ("logo_format", [NOT_AN_IMAGE])),
        (image_file("BMP"), "logo.png", ("logo_format", [NOT_AN_IMAGE])),
        (b"Serowarnia Narwianska\n" * 20, "logo.png", ("logo_unreadable", [UNREADABLE])),
        (noisy_image_file("PNG")[:2000], "logo.png", ("logo_unreadable", [UNREADABLE])),
        (noisy_image_file("JPEG")[:2000], "logo.jpg", ("logo_unreadable", [UNREADABLE])),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
            b'<rect width="40" height="20" fill="red"/></svg>',
            "logo.svg",
            ("logo_unreadable", [UNREADABLE]),
        ),
        (b"", "logo.png", ("logo_unreadable", [UNREADABLE])),
    ],
    ids=["gif", "gif-named-png", "bmp", "text", "truncated-png", "truncated-jpeg", "svg", "empty"],
)
def test_what_is_not_a_png_jpeg_or_webp_is_refused(content, name, expected):
    assert refusal(content, name) == expected


def test_the_refusal_is_in_the_readers_language():
    code, messages = refusal(image_file("GIF"), language="pl")

    with translation.override("pl"):
        expected = str(translation.gettext(NOT_AN_IMAGE))
    assert (code, messages) == ("logo_format", [expected])


def test_a_file_over_two_megabytes_is_refused_with_its_size():
    content = image_file("PNG")
    content += bytes(3 * 1024 * 1024 - len(content))

    assert refusal(content) == (
        "logo_too_large",
        ["The logo is 3.0\xa0MB; it may be at most 2.0\xa0MB."],
    )


def test_a_file_of_exactly_two_megabytes_is_not_refused_for_its_size():
    content = image_file("PNG")
    content += bytes(MAX_BYTES - len(content))  # bytes after the PNG's end are ignored

    assert process_logo(upload(content)).name.endswith(".png")


@pytest.mark.parametrize(
    ("size", "message"),
    [
        ((4001, 10), "The logo is 4001×10 pixels; it may be at most 4000×4000."),
        ((10, 4001), "The logo is 10×4001 pixels; it may be at most 4000×4000."),
    ],
)
def test_a_logo_over_4000_pixels_a_side_is_refused_with_its_dimensions(size, message):
    assert refusal(image_file("PNG", size=size, mode="1")) == ("logo_dimensions", [message])


def test_a_logo_of_4000_pixels_a_side_passes():
    result = process_logo(upload(image_file("PNG", size=(4000, 10), mode="1")))

    with Image.open(result) as image:
        assert image.size == (4000, 10)


def test_a_big_image_is_refused_by_its_dimensions_without_being_decoded():
    content = blank_bilevel_png(10_000, 10_000)  # 10⁸ pixels in 12 kB
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        result = refusal(content)

    assert result == (
        "logo_dimensions",
        ["The logo is 10000×10000 pixels; it may be at most 4000×4000."],
    )


def test_a_decompression_bomb_is_refused_without_using_much_memory():
    content = blank_bilevel_png(20_000, 20_000)  # 4·10⁸ pixels, 400 MB once decoded
    assert len(content) < 100_000
    memory_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux
    started = time.monotonic()

    result = refusal(content)

    assert time.monotonic() - started < 2
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - memory_before < 50_000
    assert result == ("logo_unreadable", [UNREADABLE])


# Through the questionnaire's first step ------------------------------------


@pytest.fixture
def wizard(settings, tmp_path, monkeypatch):
    """No rate limit in the way, and the wizard's uploads in a temporary folder."""
    settings.QUESTIONNAIRE_RATES = {
        "step_per_address": "100000/h",
        "send_per_address": "100000/h",
        "send_per_email": "100000/h",
    }
    (tmp_path / "private").mkdir()
    storage = FileSystemStorage(location=tmp_path / "private")
    monkeypatch.setattr(QuestionnaireWizard, "file_storage", storage)
    cache.clear()
    yield storage
    cache.clear()


@pytest.mark.django_db
def test_a_png_logo_sent_with_the_first_step_is_attached_on_the_review_page(client, wizard):
    original = image_file("PNG", exif=identifying_exif())
    client.get(walk.step_url("organisation", "en"))

    response = walk.post_step(
        client,
        "organisation",
        walk.organisation_answers(),
        language="en",
        files={"organisation-logo": upload(original, name="logo.png")},
    )
    for step, answers in [
        ("activity", walk.activity_answers()),
        ("offers", walk.offers_answers()),
        ("survey", walk.survey_answers()),
        ("contact", walk.contact_answers()),
    ]:
        assert walk.post_step(client, step, answers, language="en").status_code == 302
    review = client.get(walk.step_url("review", "en"))

    assert response.status_code == 302
    assert re.search(r"<dt>Logo</dt>\s*<dd>attached</dd>", review.content.decode())
    _folders, kept = wizard.listdir("")
    assert len(kept) == 1
    assert re.fullmatch(r"[0-9a-f]{32}(_\w+)?\.png", kept[0])
    with wizard.open(kept[0]) as stored:
        assert metadata_of(stored) == ({}, set())


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pl", "en"])
def test_a_gif_logo_sent_with_the_first_step_is_refused_on_the_page(client, wizard, language):
    with translation.override(language):
        expected = escape(translation.gettext(NOT_AN_IMAGE))  # English while untranslated
    client.get(walk.step_url("organisation", language))

    response = walk.post_step(
        client,
        "organisation",
        walk.organisation_answers(),
        language=language,
        files={"organisation-logo": upload(image_file("GIF"), name="logo.png")},
    )

    assert response.status_code == 200
    assert expected in response.content.decode()
    assert wizard.listdir("") == ([], [])
