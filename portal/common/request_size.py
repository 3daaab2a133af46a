"""Limits on the size of a request, checked on its Content-Length before its body is read.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE counts form fields only, and files are
streamed to disk whatever their size: without these limits a 200 MB post is read
whole before a form can say the logo is too large. A view that takes files is
marked with `accepts_uploads` (and every page of the admin, which takes logos) may
receive UPLOAD_MAX_REQUEST_BYTES; every other request REQUEST_MAX_BYTES. Past the
limit the answer is the 413 page, in the reader's language, naming the limit.

Under WSGI Django reads at most Content-Length bytes of a body, so a body sent
without one (chunked) is read as empty. The reverse proxy (deploy/nginx/portal.conf)
applies the same upload limit to every body, chunked or not, before it reaches an
app server.
"""

from django.conf import settings
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat

# URL namespaces whose every page may take files.
UPLOAD_NAMESPACES = {"admin"}


def accepts_uploads(view):
    """Mark a view that takes files: its requests may be as large as an upload."""
    view.accepts_uploads = True
    return view


def declared_length(request):
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def too_large(request, limit):
    """The 413 page: what was sent is larger than `limit` bytes."""
    response = render(request, "413.html", {"limit": filesizeformat(limit)}, status=413)
    # The body is left unread: the connection cannot carry another request.
    response.headers["Connection"] = "close"
    return response


class RequestSizeLimitMiddleware:
    """Refuse a request larger than its view accepts, before anything reads its body.

    Placed before CsrfViewMiddleware, whose check reads the posted form.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Nothing accepts more than an upload: no need to know the view.
        if declared_length(request) > settings.UPLOAD_MAX_REQUEST_BYTES:
            return too_large(request, settings.UPLOAD_MAX_REQUEST_BYTES)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "accepts_uploads", False):
            return None
        match = request.resolver_match
        if match is not None and UPLOAD_NAMESPACES.intersection(match.namespaces):
            return None
        if declared_length(request) > settings.REQUEST_MAX_BYTES:
            return too_large(request, settings.REQUEST_MAX_BYTES)
        return None
