"""The portal's worker for background tasks: django-tasks-db's `db_worker`, which
carries on after the database restarts instead of exiting."""

import logging
import os

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from portal.common.database import reconnecting

logger = logging.getLogger("django_tasks_db")


class ReconnectingWorker(db_worker.Worker):
    """A worker whose loop survives a lost database: it reconnects, with pauses, and goes on.

    A task running when the database went away may stay marked as running.
    """

    def run(self):
        return reconnecting(self._run, what=f"Task worker {self.worker_id}", longest_wait=30.0)

    def _run(self):
        try:
            return super().run()
        finally:
            # Back from an outage at once, not after a random pause.
            self.startup_delay = False


class Command(db_worker.Command):
    help = (
        "Run background tasks from the database, as db_worker does, and keep running "
        "through a restart of the database: reconnect with growing pauses, then go on."
    )

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        self.configure_logging(verbosity)
        if reload and batch:
            logger.warning("--reload and --batch cannot be given together: not reloading.")
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")

        worker = ReconnectingWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
