import pytest
from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from companies.models import Cluster
from portal.common.dashboard import dashboard_for
from portal.documents.models import Document, DocumentFile
from portal.roles import EDITOR, TRANSLATOR
from tests.helpers import change_form_data, sign_in
from tests.portal.documents import files
from tests.portal.documents.factories import make_document

pytestmark = pytest.mark.django_db

ADD = "admin:documents_document_add"


def form_data(client, url):
    """The admin's form of a document as the browser posts it back (its date and time apart)."""
    data = change_form_data(client.get(url))
    published_at = timezone.localtime(data.pop("published_at"))
    data.update(
        published_at_0=published_at.date().isoformat(),
        published_at_1=published_at.time().isoformat(timespec="seconds"),
    )
    return {name: value for name, value in data.items() if not isinstance(value, FieldFile)}


def add_form(client, **changes):
    data = form_data(client, reverse(ADD))
    data.update(
        kind=Document.Kind.STUDY,
        title_pl="Pilotażowe studium wykonalności centrum rozwoju klastrów",
        title_en="Pilot feasibility study for a cluster development centre",
        slug="studium-wykonalnosci",
        description_pl="Czy opłaca się utworzyć centrum rozwoju klastrów.",
        clusters=[str(Cluster.objects.get(slug="dairy").pk)],
        is_published="on",
        **changes,
    )
    return data


def test_an_editor_adds_a_document_with_its_files_per_language(client, roles):
    sign_in(client, EDITOR)
    data = add_form(
        client,
        **{
            "files-TOTAL_FORMS": "2",
            "files-0-language": "pl",
            "files-0-file": files.upload("Studium (wersja ostateczna).PDF", files.pdf()),
            "files-1-language": "en",
            "files-1-file": files.upload("study.odt", files.odf("odt")),
        },
    )

    response = client.post(reverse(ADD), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    document = Document.objects.get(slug="studium-wykonalnosci")
    assert document.is_published
    stored = {
        row.language: (row.file_format, row.size, row.file.name)
        for row in DocumentFile.objects.filter(document=document)
    }
    assert stored == {
        "pl": ("pdf", len(files.pdf()), "documents/studium-wykonalnosci-pl.pdf"),
        "en": ("odt", len(files.odf("odt")), "documents/studium-wykonalnosci-en.odt"),
    }
    with default_storage.open("documents/studium-wykonalnosci-pl.pdf") as stored_file:
        assert stored_file.read() == files.pdf()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("studium.pdf", files.elf(), "This file is not a PDF"),
        ("studium.docx", files.pdf(), "its name must end in .pdf"),
    ],
)
def test_an_editor_is_told_why_a_file_is_refused_and_nothing_is_saved(
    client, roles, name, content, message
):
    sign_in(client, EDITOR)
    data = add_form(
        client,
        **{
            "files-TOTAL_FORMS": "1",
            "files-0-language": "pl",
            "files-0-file": files.upload(name, content),
        },
    )

    with translation.override("en"):
        response = client.post(reverse("admin:documents_document_add"), data)
        errors = {
            field: [str(error) for error in field_errors]
            for field, field_errors in response.context["inline_admin_formsets"][0]
            .formset.errors[0]
            .items()
        }

    assert response.status_code == 200
    assert not Document.objects.exists()
    assert not default_storage.exists("documents")
    assert message in " ".join(errors["file"])
    assert escape(errors["file"][0]) in response.content.decode()


def test_an_oversized_file_is_refused_in_polish(client, roles, settings):
    settings.DOCUMENT_MAX_BYTES = 1024
    sign_in(client, EDITOR)
    data = add_form(
        client,
        **{
            "files-TOTAL_FORMS": "1",
            "files-0-language": "pl",
            "files-0-file": files.upload("studium.pdf", files.pdf() + b"%" * 2048),
        },
    )

    response = client.post(reverse(ADD), data)

    assert response.status_code == 200
    assert not Document.objects.exists()
    assert "1,0\xa0KB" in response.content.decode()


def test_a_new_file_replaces_the_old_one_in_the_storage(
    client, roles, django_capture_on_commit_callbacks
):
    document = make_document(slug="raport", files=("pl",))
    stored = document.files.get()
    old_name = stored.file.name
    sign_in(client, EDITOR)
    url = reverse("admin:documents_document_change", args=[document.pk])
    data = form_data(client, url)
    data["files-0-file"] = files.upload("raport.docx", files.ooxml("docx"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)

    stored.refresh_from_db()
    assert response.status_code == 302, response.context and response.context["errors"]
    assert (stored.file_format, stored.size) == ("docx", len(files.ooxml("docx")))
    assert stored.file.name == "documents/raport-pl.docx"
    assert old_name == "documents/raport-pl.pdf"
    assert not default_storage.exists(old_name)


def test_a_deleted_file_leaves_the_storage(client, roles, django_capture_on_commit_callbacks):
    document = make_document(slug="raport", files=("pl", "en"))
    names = [row.file.name for row in document.files.all()]
    sign_in(client, EDITOR)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:documents_document_delete", args=[document.pk]), {"post": "yes"})

    assert not Document.objects.exists()
    assert [name for name in names if default_storage.exists(name)] == []


def test_an_editor_publishes_and_unpublishes_documents(client, roles):
    drafts = [make_document(is_published=False), make_document(is_published=False)]
    sign_in(client, EDITOR)
    url = reverse("admin:documents_document_changelist")

    client.post(url, {"action": "publish", "_selected_action": [d.pk for d in drafts]})
    published = sorted(Document.objects.values_list("is_published", flat=True))
    client.post(url, {"action": "unpublish", "_selected_action": [drafts[0].pk]})

    assert published == [True, True]
    assert list(Document.objects.order_by("pk").values_list("is_published", flat=True)) == [
        False,
        True,
    ]


def test_a_translator_edits_only_the_texts(client, roles):
    document = make_document(slug="raport", files=("pl",))
    sign_in(client, TRANSLATOR)
    url = reverse("admin:documents_document_change", args=[document.pk])

    response = client.get(url)
    data = change_form_data(response)
    data.update(title_it="Rapporto", slug="zmieniony", is_published="", kind="template")
    saved = client.post(url, data)

    document.refresh_from_db()
    assert saved.status_code == 302, saved.context and saved.context["errors"]
    assert response.context["inline_admin_formsets"] == []
    assert saved.status_code == 302
    assert (document.title_it, document.slug, document.is_published) == ("Rapporto", "raport", True)


def test_the_dashboard_counts_the_documents_awaiting_translation_and_lists_them(client, roles):
    translated = make_document(title_en="Report", description_en="A report.")
    waiting = make_document()
    sign_in(client, EDITOR)
    editor = User.objects.get(username=EDITOR)

    shown = {
        queue.queue.element_id: queue.rows for queue in dashboard_for(editor).translation_queue
    }
    rows = {row.language: row for row in shown["dashboard-translation-queue-documents"]}
    listed = client.get(rows["en"].missing.url).context["cl"].result_list

    assert [
        (rows[code].missing.number, rows[code].outdated.number) for code in ("pl", "en", "it")
    ] == [
        (0, 0),
        (1, 0),
        (2, 0),
    ]
    assert list(listed) == [waiting]
    assert translated not in listed
    page = client.get(reverse("admin:index")).content.decode()
    assert 'id="dashboard-translation-queue-documents"' in page
