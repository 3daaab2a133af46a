import sys

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from companies import selectors
from companies.models import Cluster
from portal.common.database import CONNECTION_ERRORS
from portal.common.languages import LANGUAGE_CODES
from portal.news import selectors as news_selectors

# The home page's latest news.
HOME_NEWS = 3

# Asked of browsers and crawlers on the 503 page: a restart of the database is short.
DATABASE_RETRY_AFTER_SECONDS = 120


@never_cache
def healthz(request):
    """One query to the database: 200 when it answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def robots_txt(request):
    """Crawlers: everything public, the admin excepted, and where the sitemap is."""
    lines = ["User-agent: *"]
    lines += [f"Disallow: /{code}/admin/" for code in LANGUAGE_CODES]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["clusters"] = Cluster.objects.all()
        context["organisation_count"] = selectors.organisation_list().count()
        context["news"] = news_selectors.latest(HOME_NEWS)
        return context


def _page_in_language(request, name):
    """A page whose text is a template per language (legal texts)."""
    language = get_language()
    return render(
        request,
        f"portal/{name}.html",
        {"content_template": f"portal/{name}/{language}.html"},
    )


def privacy_notice(request):
    return _page_in_language(request, "privacy")


def accessibility_statement(request):
    return _page_in_language(request, "accessibility")


def rate_limited(request, exception):
    """Too many requests (django-ratelimit): a page in the reader's language."""
    response = render(request, "429.html", status=429)
    response.headers["Retry-After"] = "3600"
    return response


def database_unavailable(request):
    """The database does not answer: a 503 page in the reader's language.

    It queries nothing (no session, no messages, no base template), and takes
    the language from the URL's prefix, since the request may have failed before
    the language was set.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        response = HttpResponse(render_to_string("503.html"), status=503)
    response.headers["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def server_error(request):
    """handler500: the static 500 page, or the 503 page when the database is what failed.

    Errors of the database in middleware (a session read, say) land here; those
    of views and their templates are answered by DatabaseUnavailableMiddleware.
    """
    if isinstance(sys.exc_info()[1], CONNECTION_ERRORS):
        return database_unavailable(request)
    return defaults.server_error(request)
