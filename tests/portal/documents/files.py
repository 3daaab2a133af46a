"""Files for the documents' tests, built in code: documents of every format, and the
files an editor must not be able to upload."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from portal.documents.demo import minimal_odt, minimal_pdf

OOXML_PARTS = {
    "docx": ("word/document.xml", "application/vnd.openxmlformats-officedocument"),
    "xlsx": ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument"),
    "pptx": ("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument"),
}
ODF_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}


def zipped(members, *, stored=()):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            kind = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=kind)
    return out.getvalue()


def pdf(text="Studium wykonalności"):
    return minimal_pdf(text, [text, "Strona 1."])


def ooxml(kind):
    part, _type = OOXML_PARTS[kind]
    return zipped(
        {
            "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
            "_rels/.rels": '<?xml version="1.0"?><Relationships/>',
            part: '<?xml version="1.0"?><document/>',
        }
    )


def odf(kind):
    if kind == "odt":
        return minimal_odt(["Metodologia", "Krok 1."])
    return zipped(
        {"mimetype": ODF_TYPES[kind], "content.xml": "<office:document-content/>"},
        stored={"mimetype"},
    )


def document_bytes(kind):
    if kind == "pdf":
        return pdf()
    if kind in OOXML_PARTS:
        return ooxml(kind)
    return odf(kind)


def elf():
    """The start of a Linux executable."""
    return b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56 + b"\x90" * 200


def windows_executable():
    return (
        b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 120 + b"This program cannot be run in DOS mode."
    )


def zip_bomb(unpacked_bytes):
    """A small ZIP that would unpack to `unpacked_bytes` of zeros, with a document's parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(unpacked_bytes // len(chunk)):
                member.write(chunk)
    return out.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")
