"""A document's file: told by its content, not by its name, and limited in size.

A PDF starts with `%PDF-`. The Office Open XML formats (DOCX, XLSX, PPTX) and the
OpenDocument formats (ODT, ODS, ODP) are ZIP archives: an OOXML file holds
`[Content_Types].xml` and its `word/`, `xl/` or `ppt/` parts; an ODF file a
`mimetype` member that names its type. Anything else (an executable, an image, a
ZIP of other files) is refused, and so is a file whose name ends in another
format's extension (a PDF named `.docx`): a reader's program picks by the name.

An archive is read from its directory only (the `mimetype` member, a few bytes,
aside): one that would unpack to more than `UNPACKED_FACTOR` times the size limit,
or holds more than `MAX_MEMBERS` members, is refused as a ZIP bomb.
"""

import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
MAX_MEMBERS = 10_000
UNPACKED_FACTOR = 10
MIMETYPE_MAX_BYTES = 100


@dataclass(frozen=True)
class DocumentFormat:
    extension: str
    label: str
    content_type: str


FORMATS = {
    kind.extension: kind
    for kind in (
        DocumentFormat("pdf", "PDF", "application/pdf"),
        DocumentFormat(
            "docx",
            "DOCX",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        DocumentFormat(
            "xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
        DocumentFormat(
            "pptx",
            "PPTX",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        DocumentFormat("odt", "ODT", "application/vnd.oasis.opendocument.text"),
        DocumentFormat("ods", "ODS", "application/vnd.oasis.opendocument.spreadsheet"),
        DocumentFormat("odp", "ODP", "application/vnd.oasis.opendocument.presentation"),
    )
}
# An OOXML package's main part, by the folder that holds it.
OOXML_FOLDERS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
ODF_TYPES = {FORMATS[code].content_type: code for code in ("odt", "ods", "odp")}

NOT_A_DOCUMENT = _(
    "This file is not a PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX) or "
    "OpenDocument (ODT, ODS, ODP) document."
)


def document_format(upload):
    """The format (a key of FORMATS) of an uploaded file, told by its content.

    Raises ValidationError with a message for the editor when the file is empty,
    too large, not one of the formats, a ZIP bomb, or named as another format.
    """
    limit = settings.DOCUMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; a document's file may be at most %(limit)s."),
            code="document_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="document_empty")
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head == PDF_MAGIC:
        code = "pdf"
    elif head.startswith(ZIP_MAGIC):
        code = _archive_format(upload, limit)
    else:
        raise ValidationError(NOT_A_DOCUMENT, code="document_format")
    _check_extension(upload.name, code)
    return code


def _archive_format(upload, limit):
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS or (
                sum(member.file_size for member in members) > UNPACKED_FACTOR * limit
            ):
                raise ValidationError(
                    _(
                        "This archive would unpack to far more than a document holds: "
                        "it is refused."
                    ),
                    code="document_zip_bomb",
                )
            names = {member.filename for member in members}
            if "mimetype" in names:
                mimetype = archive.getinfo("mimetype")
                if mimetype.file_size > MIMETYPE_MAX_BYTES:
                    raise ValidationError(NOT_A_DOCUMENT, code="document_format")
                declared = archive.read(mimetype).decode("ascii", "replace").strip()
                code = ODF_TYPES.get(declared)
            elif "[Content_Types].xml" in names:
                code = next(
                    (
                        code
                        for folder, code in OOXML_FOLDERS.items()
                        if any(name.startswith(folder) for name in names)
                    ),
                    None,
                )
            else:
                code = None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise ValidationError(
            _("This file could not be read: it is damaged or not a document."),
            code="document_unreadable",
        ) from None
    finally:
        upload.seek(0)
    if code is None:
        raise ValidationError(NOT_A_DOCUMENT, code="document_format")
    return code


def _check_extension(name, code):
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    _stem, dot, extension = name.rpartition(".")
    if not dot or extension.lower() != code:
        raise ValidationError(
            _(
                "The file “%(name)s” is a %(format)s document: its name must end in "
                ".%(extension)s. Rename it and upload it again."
            ),
            code="document_extension",
            params={"name": name, "format": FORMATS[code].label, "extension": code},
        )
