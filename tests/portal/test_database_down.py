"""When PostgreSQL restarts: kept connections are checked before use.

Requests are served through Django's WSGI handler, as gunicorn serves them (the test
client leaves out the request signals that check and close connections)."""

import time
from wsgiref.util import setup_testing_defaults

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection, connections

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


@pytest.mark.django_db(transaction=True)
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
