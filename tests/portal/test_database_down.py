"""When PostgreSQL restarts or cannot be reached: kept connections are checked before
use, and a page that cannot reach the database is a translated 503, never a bare 500.

Requests are served through Django's WSGI handler, as gunicorn serves them (the test
client leaves out the request signals that check and close connections)."""

import socket
import time
from contextlib import contextmanager
from wsgiref.util import setup_testing_defaults

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection, connections
from django.test import Client

from portal import views
from tests.factories import OrganisationFactory


def wsgi_get(path, *, cookie=""):
    """GET `path` as a WSGI server does; (status, headers, text) of the answer."""
    environ = {"PATH_INFO": path, "HTTP_HOST": "testserver", "REQUEST_METHOD": "GET"}
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    setup_testing_defaults(environ)
    started = {}

    def start_response(status, headers, exc_info=None):
        started.update(status=int(status.split()[0]), headers=dict(headers))

    response = WSGIHandler()(environ, start_response)
    try:
        body = b"".join(response)
    finally:
        response.close()  # request_finished, as a server sends it
    return started["status"], started["headers"], body.decode()


def terminate(pid):
    """End a server process of the database from another connection, as a restart does."""
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [pid])
                if cursor.fetchone()[0] == 0:
                    return
                time.sleep(0.05)
        raise AssertionError(f"server process {pid} still runs")
    finally:
        other.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_kept_connection_lost_in_a_database_restart_is_replaced_on_the_next_request(
    monkeypatch,
):
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)
    connection.close()
    OrganisationFactory(name="Mleczarnia Po Restarcie")

    first = wsgi_get("/pl/directory/")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    terminate(pid)
    second = wsgi_get("/pl/directory/")

    assert first[0] == 200
    assert second[0] == 200
    assert "Mleczarnia Po Restarcie" in second[2]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid
    connection.close()


def test_persistent_connections_are_health_checked():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@contextmanager
def unreachable(monkeypatch):
    """The database's address answers nothing: a port bound but never listening."""
    with socket.socket() as closed_port:
        closed_port.bind(("127.0.0.1", 0))
        monkeypatch.setitem(connection.settings_dict, "HOST", "127.0.0.1")
        monkeypatch.setitem(connection.settings_dict, "PORT", str(closed_port.getsockname()[1]))
        connection.close()
        try:
            yield
        finally:
            connection.close()


@pytest.fixture
def database_unreachable(monkeypatch):
    with unreachable(monkeypatch):
        yield


UNAVAILABLE = {
    "pl": "Serwis chwilowo niedostępny",
    "it": "Servizio temporaneamente non disponibile",
    "de": "Dienst vorübergehend nicht verfügbar",
}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/pl/", "pl"),
        ("/it/offers/", "it"),
        ("/it/clusters/", "it"),
        ("/de/directory/", "de"),
        ("/pl/questionnaire/organisation/", "pl"),
    ],
)
def test_a_page_without_its_database_is_a_translated_503(database_unreachable, path, language):
    status, headers, page = wsgi_get(path)

    assert status == 503
    assert headers["Retry-After"] == "120"
    assert f'<html lang="{language}">' in page
    assert f"<h1>{UNAVAILABLE[language]}</h1>" in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_signed_in_visitor_whose_session_cannot_be_read_gets_the_503_page(
    django_user_model, monkeypatch
):
    staff = django_user_model.objects.create_user("urzednik", is_staff=True)
    client = Client()
    client.force_login(staff)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    with unreachable(monkeypatch):
        status, headers, page = wsgi_get("/it/privacy/", cookie=cookie)

    assert status == 503
    assert headers["Retry-After"] == "120"
    assert f"<h1>{UNAVAILABLE['it']}</h1>" in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_health_check_stays_a_plain_503_without_the_database(database_unreachable):
    status, _headers, page = wsgi_get("/healthz")

    assert (status, page) == (503, "database unavailable\n")


def test_the_500_page_is_served_without_the_database(rf):
    """No database access is allowed here: a query would fail the test."""
    response = views.server_error(rf.get("/pl/"))

    assert response.status_code == 500
    assert "Błąd serwera" in response.content.decode()
