"""Documents for the tests, with their files written through the storage."""

import datetime
import itertools

from django.utils import timezone

from portal.documents import services
from portal.documents.models import Document
from tests.portal.documents.files import document_bytes

_numbers = itertools.count(1)


def make_document(*, files=("pl",), file_format="pdf", clusters=(), **fields):
    """A published document (unless told), with a file in each of `files`' languages."""
    number = next(_numbers)
    values = {
        "slug": f"dokument-{number}",
        "kind": Document.Kind.STUDY,
        "title_pl": f"Dokument {number}",
        "description_pl": "Opis dokumentu.",
        "is_published": True,
        "published_at": timezone.now() - datetime.timedelta(days=number),
        **fields,
    }
    document = Document.objects.create(**values)
    document.clusters.set(clusters)
    for language in files:
        services.document_file_store(
            document=document,
            language=language,
            content=document_bytes(file_format),
            name=f"plik.{file_format}",
        )
    return document
