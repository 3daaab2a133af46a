"""The portal's own middleware: staff sessions end after STAFF_SESSION_IDLE_MINUTES
without a request, and a page whose database does not answer is a 503 page."""

import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import ngettext

from portal import views
from portal.common.database import CONNECTION_ERRORS

logger = logging.getLogger(__name__)

LAST_ACTIVITY_KEY = "staff_last_activity"
# The time of the last request is written at most this often, not on every request.
WRITE_EVERY_SECONDS = 60


class StaffSessionIdleMiddleware:
    """Sign out a staff member idle too long; public visitors' sessions are left alone.

    The time of the staff member's last request is kept in the session. On the
    first request after the idle time they are signed out: an admin page sends
    them to the admin's sign-in with a message, a public page is shown to them as
    to any visitor.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            now = time.time()
            last = request.session.get(LAST_ACTIVITY_KEY)
            if last is not None and now - last > settings.STAFF_SESSION_IDLE_MINUTES * 60:
                logout(request)
                messages.info(
                    request,
                    ngettext(
                        "You were signed out after %(minutes)d minute without activity.",
                        "You were signed out after %(minutes)d minutes without activity.",
                        settings.STAFF_SESSION_IDLE_MINUTES,
                    )
                    % {"minutes": settings.STAFF_SESSION_IDLE_MINUTES},
                )
                if _is_admin_page(request):
                    return redirect_to_login(request.get_full_path(), reverse("admin:login"))
            elif last is None or now - last > WRITE_EVERY_SECONDS:
                request.session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)


def note_staff_sign_in(sender, request, user, **kwargs):
    """A staff member's session starts active (connected to user_logged_in)."""
    if user.is_staff and hasattr(request, "session"):
        request.session[LAST_ACTIVITY_KEY] = time.time()


def _is_admin_page(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return "admin" in match.namespaces


class DatabaseUnavailableMiddleware:
    """A view, or the template it renders, that cannot reach the database answers
    the translated 503 page (with Retry-After) instead of a 500, and logs the error.

    Database errors outside views (another middleware reading the session) reach
    handler500, which answers the same page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, CONNECTION_ERRORS):
            return None
        logger.error(
            "The database does not answer: %s %s gets the 503 page.",
            request.method,
            request.path,
            exc_info=exception,
        )
        return views.database_unavailable(request)
