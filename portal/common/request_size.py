"""Limits on the size of a request, checked on its Content-Length before its body is read.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE counts form fields only, and files are
streamed to disk whatever their size: without these limits a 200 MB post is read
whole before a form can say the logo is too large. A view that takes files is
marked with `accepts_uploads` (and every page of the admin, which takes logos) may
receive UPLOAD_MAX_REQUEST_BYTES; the views named in LARGE_UPLOAD_VIEWS (the admin
pages that take a document's files or a statistics file)
LARGE_UPLOAD_MAX_REQUEST_BYTES; every other request REQUEST_MAX_BYTES. Past the
limit the answer is the 413 page, in the reader's language, naming the limit.

Under WSGI Django reads at most Content-Length bytes of a body, so a body sent
without one (chunked) is read as empty. The reverse proxy (deploy/nginx/portal.conf)
applies the same upload limits to every body, chunked or not, before it reaches an
app server.
"""

from django.conf import settings
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.urls import Resolver404, resolve

# URL namespaces whose every page may take files.
UPLOAD_NAMESPACES = {"admin"}


def accepts_uploads(view):
    """Mark a view that takes files: its requests may be as large as an upload."""
    view.accepts_uploads = True
    return view


def limit_of(request):
    """The largest request the page at `request`'s address accepts."""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return settings.REQUEST_MAX_BYTES
    if match.view_name in settings.LARGE_UPLOAD_VIEWS:
        return settings.LARGE_UPLOAD_MAX_REQUEST_BYTES
    if getattr(match.func, "accepts_uploads", False):
        return settings.UPLOAD_MAX_REQUEST_BYTES
    if UPLOAD_NAMESPACES.intersection(match.namespaces):
        return settings.UPLOAD_MAX_REQUEST_BYTES
    return settings.REQUEST_MAX_BYTES


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
    """Refuse a request larger than its page accepts, before anything reads its body.

    Placed before CsrfViewMiddleware, whose check reads the posted form, and after
    LocaleMiddleware, which chooses the language the address is resolved in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = declared_length(request)
        # Most requests are small: only a larger one needs its page looked up (in
        # the language LocaleMiddleware, placed before, has chosen).
        smallest = min(
            settings.REQUEST_MAX_BYTES,
            settings.UPLOAD_MAX_REQUEST_BYTES,
            settings.LARGE_UPLOAD_MAX_REQUEST_BYTES,
        )
        if length > smallest:
            limit = limit_of(request)
            if length > limit:
                return too_large(request, limit)
        return self.get_response(request)
