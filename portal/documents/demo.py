"""Demo data for `make run`: the project's documents, with real small files.

The files are made here, from bytes: a PDF of one page (PDF 1.4, the standard
Helvetica font, whose encoding has no Polish letters: its text is written without
diacritics; the title in the file's properties keeps them) and an OpenDocument
text (a ZIP of its `mimetype`, manifest and content). They are stored through the
storage, as an editor's uploads are, and pass the same checks.
"""

import datetime
import io
import unicodedata
import zipfile
from xml.sax.saxutils import escape

from django.db import transaction

from companies.models import Cluster
from portal.documents import services
from portal.documents.models import Document

PUBLISHED_AT = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)

# slug: kind, clusters, titles and descriptions by language, files by language
# (format, lines of text), the days after PUBLISHED_AT it was published.
DOCUMENTS = {
    "pilot-feasibility-study-cluster-development-centre": {
        "kind": Document.Kind.STUDY,
        "clusters": ["dairy", "agricultural-machinery"],
        "days": 0,
        "title": {
            "pl": "Pilotażowe studium wykonalności centrum rozwoju klastrów",
            "en": "Pilot feasibility study for a cluster development centre",
            "it": "Studio pilota di fattibilità di un centro di sviluppo dei cluster",
            "de": "Pilot-Machbarkeitsstudie für ein Clusterentwicklungszentrum",
        },
        "description": {
            "pl": (
                "Studium ocenia, czy w województwie podlaskim opłaca się utworzyć centrum "
                "rozwoju klastrów: jakie usługi powinno świadczyć firmom mleczarskim i "
                "producentom maszyn rolniczych, kto je poprowadzi i jak będzie finansowane."
            ),
            "en": (
                "The study assesses whether a cluster development centre in Podlaskie is "
                "worth setting up: which services it should offer dairy firms and "
                "agricultural machinery makers, who would run it and how it would be funded."
            ),
            "it": (
                "Lo studio valuta se convenga creare in Podlachia un centro di sviluppo dei "
                "cluster: quali servizi offrire alle imprese lattiero-casearie e ai "
                "costruttori di macchine agricole, chi lo gestirebbe e come sarebbe finanziato."
            ),
        },
        "files": {
            "pl": (
                "pdf",
                [
                    "Pilotażowe studium wykonalności centrum rozwoju klastrów",
                    "Projekt: Rozwój klastrów przemysłowych",
                    "1. Cel: usługi dla firm klastra mleczarskiego i maszyn rolniczych.",
                    "2. Warianty: centrum przy parku technologicznym lub sieć punktów.",
                    "3. Wniosek: wariant sieciowy, finansowanie mieszane.",
                ],
            ),
            "en": (
                "pdf",
                [
                    "Pilot feasibility study for a cluster development centre",
                    "Project: Development of Industrial Clusters",
                    "1. Aim: services for the dairy and agricultural machinery clusters.",
                    "2. Options: a centre at the technology park or a network of offices.",
                    "3. Conclusion: the network option, with mixed funding.",
                ],
            ),
        },
    },
    "focus-group-presentation-bialystok": {
        "kind": Document.Kind.PRESENTATION,
        "clusters": ["dairy"],
        "days": 20,
        "title": {
            "pl": "Prezentacja z grupy fokusowej w Białymstoku",
            "en": "Presentation from the focus group in Białystok",
        },
        "description": {
            "pl": (
                "Wyniki rozmów z przedstawicielami mleczarni i dostawców: bariery współpracy, "
                "potrzeby szkoleniowe i oczekiwania wobec klastra."
            ),
        },
        "files": {
            "pl": (
                "pdf",
                [
                    "Grupa fokusowa: klaster mleczarski",
                    "Bariery wspolpracy: zaufanie, czas, koszty certyfikacji.",
                    "Potrzeby: szkolenia z eksportu, wspolne targi, laboratorium.",
                ],
            ),
        },
    },
    "methodology-cluster-identification": {
        "kind": Document.Kind.METHODOLOGY,
        "clusters": ["dairy", "agricultural-machinery"],
        "days": 40,
        "title": {
            "pl": "Metodologia identyfikacji klastrów",
            "en": "Methodology for cluster identification",
            "de": "Methodik zur Identifizierung von Clustern",
        },
        "description": {
            "pl": (
                "Jak rozpoznajemy skupiska firm: współczynniki lokalizacji zatrudnienia "
                "według kodów PKD, powiązania kooperacyjne i ankieta wśród przedsiębiorstw."
            ),
            "en": (
                "How concentrations of firms are recognised: location quotients of "
                "employment by NACE code, co-operation links and a survey of firms."
            ),
        },
        "files": {
            "pl": (
                "odt",
                [
                    "Metodologia identyfikacji klastrów",
                    "Krok 1: współczynnik lokalizacji (LQ) zatrudnienia według PKD.",
                    "Krok 2: powiązania kooperacyjne między firmami.",
                    "Krok 3: ankieta wśród przedsiębiorstw.",
                ],
            ),
            "en": (
                "odt",
                [
                    "Methodology for cluster identification",
                    "Step 1: location quotient (LQ) of employment by NACE code.",
                    "Step 2: co-operation links between firms.",
                    "Step 3: a survey of firms.",
                ],
            ),
        },
    },
}


def without_diacritics(text):
    """The text in the letters Helvetica's standard encoding has: "Białystok" -> "Bialystok"."""
    text = text.replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if ord(char) < 128)


def _pdf_text(text):
    return without_diacritics(text).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pdf_title(text):
    """A text string of the document's properties: UTF-16 with its byte-order mark."""
    return "<" + ("\ufeff" + text).encode("utf-16-be").hex().upper() + ">"


def minimal_pdf(title, lines):
    """A valid one-page PDF showing `lines`, with `title` in its properties."""
    content = ["BT", "/F1 16 Tf", "56 780 Td", f"({_pdf_text(lines[0])}) Tj", "/F1 11 Tf"]
    for line in lines[1:]:
        content += ["0 -22 Td", f"({_pdf_text(line)}) Tj"]
    content.append("ET")
    stream = "\n".join(content).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        f"<< /Title {_pdf_title(title)} /Producer (Cluster portal) >>".encode("ascii"),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, len(objects), xref)
    )
    return out.getvalue()


ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'office:version="1.3"'
)


def minimal_odt(lines):
    """A valid OpenDocument text: a heading and paragraphs."""
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in lines[1:])
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-content {ODF_NAMESPACES}><office:body><office:text>"
        f'<text:h text:outline-level="1">{escape(lines[0])}</text:h>{paragraphs}'
        "</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        # The first member, stored uncompressed, as the format requires.
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def demo_file(file_format, lines):
    if file_format == "pdf":
        return minimal_pdf(lines[0], lines)
    return minimal_odt(lines)


@transaction.atomic
def load_demo_data():
    """Create the demo documents that do not exist yet, with their files."""
    clusters = {cluster.slug: cluster for cluster in Cluster.objects.all()}
    created = files = 0
    for slug, data in DOCUMENTS.items():
        if Document.objects.filter(slug=slug).exists():
            continue
        document = Document.objects.create(
            slug=slug,
            kind=data["kind"],
            is_published=True,
            published_at=PUBLISHED_AT + datetime.timedelta(days=data["days"]),
            **{f"title_{code}": text for code, text in data["title"].items()},
            **{f"description_{code}": text for code, text in data["description"].items()},
        )
        document.clusters.set(clusters[slug] for slug in data["clusters"] if slug in clusters)
        for language, (file_format, lines) in data["files"].items():
            services.document_file_store(
                document=document,
                language=language,
                content=demo_file(file_format, lines),
                name=f"{slug}.{file_format}",
            )
            files += 1
        created += 1
    return {"documents": len(DOCUMENTS), "created": created, "files": files}


def load_demo():
    """The documents' demo data, as `load_demo` loads and reports it
    (registered with portal.common.demo from DocumentsConfig.ready())."""
    counts = load_demo_data()
    return [
        f"Demo data: {counts['documents']} documents ({counts['created']} new), "
        f"{counts['files']} new files."
    ]
