import re

import pytest

from portal.documents import demo
from portal.documents.models import Document, DocumentFile

pytestmark = pytest.mark.django_db


def test_the_demo_pdf_is_well_formed():
    pdf = demo.minimal_pdf("Pilotażowe studium", ["Pilotażowe studium (wersja 1)", "Łomża"])

    assert pdf.startswith(b"%PDF-1.4\n") and pdf.endswith(b"%%EOF\n")
    xref = int(re.search(rb"startxref\n(\d+)\n", pdf).group(1))
    assert pdf[xref:].startswith(b"xref\n0 7\n")
    offsets = [int(entry[:10]) for entry in re.findall(rb"\d{10} 00000 n ", pdf)]
    assert [pdf[offset:].split(b"\n", 1)[0] for offset in offsets] == [
        b"%d 0 obj" % number for number in range(1, 7)
    ]
    length = int(re.search(rb"/Length (\d+) >>\nstream\n", pdf).group(1))
    stream = pdf.split(b"stream\n", 1)[1]
    assert stream[length:].startswith(b"\nendstream")
    assert b"(Pilotazowe studium \\(wersja 1\\)) Tj" in pdf
    assert b"(Lomza) Tj" in pdf
    # The title in the properties keeps its Polish letters (UTF-16).
    assert ("\ufeffPilotażowe studium".encode("utf-16-be").hex().upper()).encode() in pdf


def test_the_demo_documents_are_loaded_once_with_their_files():
    first = demo.load_demo()
    second = demo.load_demo()

    study = Document.objects.get(slug="pilot-feasibility-study-cluster-development-centre")
    assert study.title_pl == "Pilotażowe studium wykonalności centrum rozwoju klastrów"
    assert study.is_published
    assert {cluster.slug for cluster in study.clusters.all()} == {"dairy", "agricultural-machinery"}
    assert sorted(study.files.values_list("language", "file_format")) == [
        ("en", "pdf"),
        ("pl", "pdf"),
    ]
    with study.files.get(language="pl").file.open("rb") as stored:
        assert stored.read().startswith(b"%PDF-1.4")
    assert set(Document.objects.values_list("kind", flat=True)) == {
        Document.Kind.STUDY,
        Document.Kind.PRESENTATION,
        Document.Kind.METHODOLOGY,
    }
    assert first == ["Demo data: 3 documents (3 new), 5 new files."]
    assert second == ["Demo data: 3 documents (0 new), 0 new files."]
    assert DocumentFile.objects.count() == 5
