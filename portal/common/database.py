"""Living with a database that goes away for a while (a restart, a fail-over).

Long-running and scheduled commands call their work through `reconnecting`: a
lost or refused connection is closed and logged, and the work is tried again
after a pause that doubles each time, instead of the process dying with it.
"""

import logging
import time
from contextlib import suppress

from django.db import InterfaceError, OperationalError, connections

logger = logging.getLogger(__name__)

# What Django raises when the database does not answer or dropped the connection.
CONNECTION_ERRORS = (OperationalError, InterfaceError)

# Tries of each step of a daily command: pauses of 1, 2, 4 ... 60 s, some two
# minutes in all, enough for a restart; past them the command fails, to run
# again the next day.
DAILY_ATTEMPTS = 8


def close_connections():
    """Drop every connection this process holds; the next query opens a fresh one."""
    for connection in connections.all(initialized_only=True):
        # Closing a broken connection may fail; it is dropped all the same.
        with suppress(*CONNECTION_ERRORS):
            connection.close()


def reconnecting(work, *, what, attempts=None, first_wait=1.0, longest_wait=60.0):
    """Run `work()` and return what it returns, waiting out a database that is away.

    On a connection error the connections are closed, a warning naming `what` is
    logged, and `work` runs again after `first_wait` seconds, then twice as long
    each time up to `longest_wait`. After `attempts` runs (None: no limit) the
    last error is raised. A run that lasted longer than `longest_wait` before
    failing starts the pauses again from `first_wait`: it was a new outage.
    """
    wait = first_wait
    attempt = 0
    while True:
        attempt += 1
        started = time.monotonic()
        try:
            return work()
        except CONNECTION_ERRORS as error:
            if attempts is not None and attempt >= attempts:
                logger.error("%s: the database still does not answer; giving up.", what)
                raise
            if time.monotonic() - started > longest_wait:
                wait = first_wait
            logger.warning(
                "%s: the database does not answer (%s); trying again in %g s.",
                what,
                str(error).strip(),
                wait,
            )
            close_connections()
            time.sleep(wait)
            wait = min(wait * 2, longest_wait)
