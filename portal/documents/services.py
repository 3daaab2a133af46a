"""Writes of documents: their files through the storage, and their publication."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from portal.common.history import record_by
from portal.documents import validators
from portal.documents.models import DocumentFile


def stored_name(document, language, file_format):
    """A file's name in the storage: the document's slug and the language (the storage
    adds a suffix of its own when the name is taken)."""
    return f"{document.slug}-{language}.{file_format}"


def document_file_describe(*, document_file, upload, file_format, replaced=""):
    """Put a checked upload on its row: named by slug and language, with its format and
    size. The file it replaces, if any, is removed from the storage once the row is saved
    and the transaction commits. The caller saves the row."""
    upload.name = stored_name(document_file.document, document_file.language, file_format)
    document_file.file = upload
    document_file.file_format = file_format
    document_file.size = upload.size
    if replaced:
        storage = document_file.file.storage
        transaction.on_commit(lambda: storage.delete(replaced))
    return document_file


@transaction.atomic
def document_file_store(*, document, language, content, name):
    """The document's file in `language` from bytes, checked as an upload is; an earlier
    file in that language is replaced. Raises ValidationError for a file refused."""
    upload = ContentFile(content, name=name)
    file_format = validators.document_format(upload)
    document_file = DocumentFile.objects.filter(document=document, language=language).first()
    replaced = document_file.file.name if document_file else ""
    document_file = document_file or DocumentFile(document=document, language=language)
    document_file_describe(
        document_file=document_file, upload=upload, file_format=file_format, replaced=replaced
    )
    document_file.save()
    return document_file


def document_file_removed(*, document_file):
    """A row gone: its file leaves the storage once the transaction commits."""
    name = document_file.file.name
    if name:
        storage = document_file.file.storage
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def document_publish(*, document, by):
    """Show the document on the portal; a document never published before is dated now."""
    if document.is_published:
        return document
    document.is_published = True
    columns = ["is_published", "updated_at"]
    if document.published_at is None or document.published_at > timezone.now():
        document.published_at = timezone.now()
        columns.append("published_at")
    record_by(document, by).save(update_fields=columns)
    return document


@transaction.atomic
def document_unpublish(*, document, by):
    """Take the document off the portal; its page and files answer 404."""
    if not document.is_published:
        return document
    document.is_published = False
    record_by(document, by).save(update_fields=["is_published", "updated_at"])
    return document
