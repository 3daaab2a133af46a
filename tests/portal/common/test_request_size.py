"""Request size limits: a post larger than its page accepts is refused before it is read."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve, reverse
from PIL import Image

from portal.documents.models import Document
from portal.roles import ADMINISTRATOR
from tests.helpers import sign_in
from tests.questionnaire import walk

pytestmark = pytest.mark.django_db

TOO_LARGE_PL = "Za dużo danych naraz"
CONF = Path(settings.BASE_DIR) / "deploy" / "nginx" / "portal.conf"


class UnreadBody(io.RawIOBase):
    """A request body that records whether anything read it (its first bytes, then none)."""

    def __init__(self):
        self.read_from = False

    def readable(self):
        return True

    def readinto(self, buffer):
        if self.read_from:
            return 0
        self.read_from = True
        buffer[:10] = b"-" * 10
        return 10


@pytest.fixture(autouse=True)
def private(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return tmp_path / "private" / "questionnaire"


def declared_post(client, url, length, **extra):
    body = UnreadBody()
    response = client.generic(
        "POST",
        url,
        b"",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=length,
        **{"wsgi.input": body},
        **extra,
    )
    return response, body


def test_a_200_mb_post_gets_the_413_page_in_the_readers_language_before_its_body_is_read(
    client,
):
    client.get(walk.step_url("organisation"))

    response, body = declared_post(client, walk.step_url("organisation"), str(200 * 1024 * 1024))

    page = response.content.decode()
    assert response.status_code == 413
    assert TOO_LARGE_PL in page
    assert "najwyżej 3,0\xa0MB" in page
    assert not body.read_from


def test_the_413_page_speaks_the_readers_language(client):
    response, _body = declared_post(
        client, walk.step_url("organisation", "it"), str(200 * 1024 * 1024)
    )

    assert response.status_code == 413
    assert "Troppi dati in una volta" in response.content.decode()


def logo_post(client, content):
    return walk.post_step(
        client,
        "organisation",
        walk.organisation_answers(),
        files={"organisation-logo": SimpleUploadedFile("logo.png", content, "image/png")},
    )


def test_an_upload_over_the_set_limit_is_refused_and_stores_nothing(client, settings, private):
    settings.UPLOAD_MAX_REQUEST_BYTES = 50_000
    buffer = io.BytesIO()
    Image.new("RGB", (12, 8), (200, 30, 30)).save(buffer, "PNG")
    client.get(walk.step_url("organisation"))

    refused = logo_post(client, buffer.getvalue() + b"\x00" * 60_000)
    accepted = logo_post(client, buffer.getvalue())

    assert refused.status_code == 413
    assert "najwyżej 48,8\xa0KB" in refused.content.decode()
    assert accepted.status_code == 302
    assert len(list(private.iterdir())) == 1


def test_pages_without_uploads_accept_only_small_requests(client, settings):
    settings.REQUEST_MAX_BYTES = 10_000
    padding = {"padding": "x" * 20_000}
    client.get(walk.step_url("organisation"))

    save = client.post("/pl/questionnaire/save/", {"email": "anna@example.org", **padding})
    step = walk.post_step(client, "organisation", walk.organisation_answers(), extra=padding)
    admin = client.post("/pl/admin/companies/organisation/add/", padding)

    assert save.status_code == 413
    assert "najwyżej 9,8\xa0KB" in save.content.decode()
    assert step.status_code == 302  # the questionnaire takes uploads
    assert admin.status_code == 302  # so does the admin (here: to its sign-in)


def test_a_body_without_a_content_length_is_never_read(client):
    client.get(walk.step_url("organisation"))

    response, body = declared_post(client, walk.step_url("organisation"), "")

    assert response.status_code < 500
    assert not body.read_from


def test_the_shipped_proxy_configuration_has_the_same_upload_limit_and_headers():
    conf = CONF.read_text()

    megabytes = int(re.search(r"client_max_body_size\s+(\d+)m;", conf)[1])
    assert megabytes * 1024 * 1024 == settings.UPLOAD_MAX_REQUEST_BYTES
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in conf
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in conf
    assert settings.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")


def test_the_admin_pages_that_take_documents_or_statistics_accept_larger_requests(client, roles):
    sign_in(client, ADMINISTRATOR)
    five_megabytes = str(5 * 1024 * 1024)
    document, statistics, logo = (
        reverse(name)
        for name in (
            "admin:documents_document_add",
            "admin:companies_statisticsimport_import",
            "admin:companies_organisation_add",
        )
    )

    # Answered by the page (its form, empty here, is shown again): not refused by its size.
    for address in (document, statistics):
        response, _body = declared_post(client, address, five_megabytes)
        assert response.status_code == 200, address
    response, body = declared_post(client, logo, five_megabytes)
    assert response.status_code == 413
    assert not body.read_from
    response, body = declared_post(client, document, str(22 * 1024 * 1024))
    assert response.status_code == 413
    assert "najwyżej 21,0\xa0MB" in response.content.decode()
    assert not body.read_from


def test_the_shipped_proxy_configuration_lets_exactly_those_pages_take_large_requests():
    conf = CONF.read_text()

    found = re.search(r'location ~ "([^"]+)" \{\s*client_max_body_size\s+(\d+)m;', conf)
    pattern, megabytes = re.compile(found[1]), int(found[2])
    assert megabytes * 1024 * 1024 == settings.LARGE_UPLOAD_MAX_REQUEST_BYTES
    document = Document.objects.create(slug="raport", title_pl="Raport")
    large = {
        reverse("admin:documents_document_add"),
        reverse("admin:documents_document_change", args=[document.pk]),
        reverse("admin:companies_statisticsimport_import"),
    }
    assert {resolve(address).view_name for address in large} == settings.LARGE_UPLOAD_VIEWS
    assert all(pattern.match(address) for address in large)
    others = [
        reverse("admin:companies_organisation_add"),
        reverse("admin:documents_document_delete", args=[document.pk]),
        "/pl/documents/",
    ]
    assert not any(pattern.match(address) for address in others)


def padded_png(size):
    buffer = io.BytesIO()
    Image.new("RGB", (12, 8), (200, 30, 30)).save(buffer, "PNG")
    content = buffer.getvalue()
    return content + bytes(size - len(content))  # bytes after the PNG's end are ignored


def test_a_logo_of_the_largest_size_passes_and_a_larger_one_gets_the_forms_message(client, private):
    from companies.logos import MAX_BYTES

    client.get(walk.step_url("organisation"))

    larger = logo_post(client, padded_png(MAX_BYTES + 512 * 1024))
    largest = logo_post(client, padded_png(MAX_BYTES))

    assert larger.status_code == 200
    assert "Logo ma 2,5\xa0MB; może mieć najwyżej 2,0\xa0MB." in larger.content.decode()
    assert largest.status_code == 302
    assert len(list(private.iterdir())) == 1
