"""Living with a database that goes away for a while (a restart, a fail-over)."""

from django.db import InterfaceError, OperationalError

# What Django raises when the database does not answer or dropped the connection.
CONNECTION_ERRORS = (OperationalError, InterfaceError)
