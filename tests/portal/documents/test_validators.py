import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from portal.documents.validators import document_format
from tests.portal.documents import files


def refusal(name, content):
    """The code and the English message of the file's refusal."""
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            document_format(files.upload(name, content))
        return refused.value.code, " ".join(refused.value.messages)


@pytest.mark.parametrize("kind", ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp"])
def test_a_document_of_each_format_is_told_by_its_content(kind):
    upload = files.upload(f"Studium wykonalności.{kind.upper()}", files.document_bytes(kind))

    assert document_format(upload) == kind
    assert upload.tell() == 0  # ready to be stored whole


@pytest.mark.parametrize("content", [files.elf(), files.windows_executable()], ids=["ELF", "MZ"])
def test_a_renamed_executable_is_refused(content):
    assert refusal("studium.pdf", content) == (
        "document_format",
        "This file is not a PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX) or "
        "OpenDocument (ODT, ODS, ODP) document.",
    )


def test_an_oversized_file_is_refused_with_the_limit(settings):
    settings.DOCUMENT_MAX_BYTES = 1024 * 1024

    code, message = refusal("studium.pdf", files.pdf() + b"\n%" + b"x" * (1024 * 1024))

    assert code == "document_too_large"
    assert message == "The file is 1.0\xa0MB; a document's file may be at most 1.0\xa0MB."


def test_a_pdf_with_the_extension_of_another_format_is_refused():
    assert refusal("studium.docx", files.pdf()) == (
        "document_extension",
        "The file “studium.docx” is a PDF document: its name must end in .pdf. "
        "Rename it and upload it again.",
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [("arkusz.docx", "xlsx"), ("tekst.odt", "docx"), ("prezentacja.pdf", "odp"), ("pdf", "pdf")],
)
def test_each_format_needs_its_own_extension(name, kind):
    assert refusal(name, files.document_bytes(kind))[0] == "document_extension"


def test_a_zip_bomb_is_refused(settings):
    settings.DOCUMENT_MAX_BYTES = 1024 * 1024
    bomb = files.zip_bomb(12 * 1024 * 1024)
    assert len(bomb) < 100 * 1024  # small on the wire

    assert refusal("raport.docx", bomb) == (
        "document_zip_bomb",
        "This archive would unpack to far more than a document holds: it is refused.",
    )


@pytest.mark.parametrize(
    "content",
    [
        files.zipped({"zdjecie.jpg": b"\xff\xd8\xff", "program.exe": b"MZ"}),
        files.zipped({"[Content_Types].xml": "<Types/>", "other/part.xml": "<x/>"}),
        files.zipped({"mimetype": "application/epub+zip"}, stored={"mimetype"}),
        files.zipped({"mimetype": "x" * 500}, stored={"mimetype"}),
    ],
    ids=["other files", "OOXML without a known part", "EPUB", "long mimetype"],
)
def test_a_zip_that_is_not_a_document_is_refused(content):
    assert refusal("raport.docx", content)[0] == "document_format"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "document_empty"),
        (files.ooxml("docx")[:200], "document_unreadable"),
        (b"GIF89a" + b"\x00" * 20, "document_format"),
    ],
    ids=["empty", "truncated ZIP", "image"],
)
def test_an_empty_damaged_or_other_file_is_refused(content, code):
    assert refusal("raport.docx", content)[0] == code


def test_the_refusals_are_translated():
    with translation.override("it"), pytest.raises(ValidationError) as refused:
        document_format(files.upload("studium.pdf", files.elf()))

    assert "PDF" in refused.value.messages[0]
    assert "This file is not" not in refused.value.messages[0]
