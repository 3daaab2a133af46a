"""The task worker and the daily commands live through a restart of PostgreSQL: they
reconnect, with growing pauses, and carry on. Each runs as in production, in its own
process, against the test database."""

import datetime
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.db import connection
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from offers.models import Offer
from questionnaire.models import Submission
from tests.offers.factories import OfferFactory
from tests.portal import worker_tasks
from tests.questionnaire.submissions import make_submission

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BASE_DIR = Path(settings.BASE_DIR)
WAIT_SECONDS = 30


def command_env():
    """The environment of a manage.py command that works on the test database."""
    return {
        **os.environ,
        "DATABASE_URL": f"postgres:///{connection.settings_dict['NAME']}",
        "CONN_MAX_AGE": "60",
        "EMAIL_URL": "consolemail://",
    }


def manage(*args, log):
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=command_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )


@contextmanager
def database_down():
    """Every other connection to the test database ends, as in a restart, and new ones
    are refused until the block ends; gives the number of connections ended."""
    name = connection.settings_dict["NAME"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        own = cursor.fetchone()[0]
    # A database cannot refuse connections from itself: the server's own database does.
    server = psycopg2.connect(
        dbname="postgres",
        host=connection.settings_dict["HOST"] or None,
        port=connection.settings_dict["PORT"] or None,
        user=connection.settings_dict["USER"] or None,
        password=connection.settings_dict["PASSWORD"] or None,
    )
    server.autocommit = True
    try:
        with server.cursor() as cursor:
            cursor.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> %s",
                [name, own],
            )
            terminated = cursor.fetchone()[0]
        yield terminated
    finally:
        with server.cursor() as cursor:
            cursor.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        server.close()


def wait_until(condition, process, log):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        if process.poll() is not None:
            break
        time.sleep(0.1)
    log.seek(0)
    raise AssertionError(f"not done (exit code {process.poll()}):\n{log.read().decode()}")


def finished(result):
    return lambda: DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL


def test_the_task_worker_runs_tasks_enqueued_after_a_database_restart(tmp_path):
    with (tmp_path / "worker.log").open("w+b") as log:
        worker = manage("task_worker", "--interval", "0.1", "--no-startup-delay", log=log)
        try:
            before = worker_tasks.echo.enqueue("before")
            wait_until(finished(before), worker, log)

            with database_down() as terminated:
                time.sleep(2)
            after = worker_tasks.echo.enqueue("after")
            wait_until(finished(after), worker, log)

            assert worker.poll() is None, "the worker is still running"
        finally:
            worker.kill()
            worker.wait(WAIT_SECONDS)
        log.seek(0)
        output = log.read().decode()

    assert terminated >= 1
    before_row, after_row = (
        DBTaskResult.objects.get(pk=before.id),
        DBTaskResult.objects.get(pk=after.id),
    )
    assert after_row.return_value == "after"
    assert after_row.worker_ids == before_row.worker_ids
    assert "the database does not answer" in output


def run_during_restart(tmp_path, command):
    """Start `command` while the database refuses connections; the database is back
    once the command has met the refusal (and said so, or ended)."""
    with (tmp_path / "command.log").open("w+b") as log:
        with database_down():
            process = manage(command, log=log)
            deadline = time.monotonic() + WAIT_SECONDS
            while time.monotonic() < deadline and process.poll() is None:
                if b"does not answer" in (tmp_path / "command.log").read_bytes():
                    break
                time.sleep(0.1)
        try:
            process.wait(WAIT_SECONDS)
        finally:
            process.kill()
        log.seek(0)
        return process.returncode, log.read().decode()


def test_offer_maintenance_carries_on_after_a_database_restart(tmp_path):
    past = OfferFactory(published_at=timezone.now() - datetime.timedelta(days=370))

    code, output = run_during_restart(tmp_path, "offer_maintenance")

    assert code == 0, output
    assert "the database does not answer" in output
    assert "Offers expired: 1." in output
    assert Offer.objects.get(pk=past.pk).status == Offer.Status.EXPIRED


def test_offer_alerts_carries_on_after_a_database_restart(tmp_path):
    code, output = run_during_restart(tmp_path, "offer_alerts")

    assert code == 0, output
    assert "the database does not answer" in output
    assert "Alerts checked: 0." in output


def test_questionnaire_retention_carries_on_after_a_database_restart(tmp_path, settings):
    old = make_submission(organisation={"name": "Stara"}, confirm=False)
    Submission.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=30)
    )

    code, output = run_during_restart(tmp_path, "questionnaire_retention")

    assert code == 0, output
    assert "the database does not answer" in output
    assert "Unconfirmed submissions deleted: 1;" in output
    assert not Submission.objects.filter(pk=old.pk).exists()
