from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import get_urlconf, translate_url
from django.utils.translation import get_language, get_language_info

from portal.common import shown_text
from portal.common.languages import LANGUAGE_CODES
from portal.common.links import local_path

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in every language: code, name in that language, and URL.

    The URL keeps the page and its query string (the same firm, the same filters),
    and is always a path on this site.
    """
    request = context["request"]
    path = local_path(request.get_full_path())
    current = get_language()
    try:
        host = request.build_absolute_uri("/").rstrip("/")
    except DisallowedHost:
        # The 400 page for a forged Host header: no absolute links.
        host = None
    versions = []
    for code in LANGUAGE_CODES:
        url = translate_url(path, code)
        if url == path and code != current:
            # A path that does not resolve (a 404 page): swap or add the prefix.
            url = f"/{code}/" + path.removeprefix(f"/{current}/").lstrip("/")
        versions.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": host + url if host else None,
            }
        )
    return versions


# The page chrome rendered by this process: (template, language, urlconf, scheme,
# host, address) -> HTML. Bounded: emptied when it grows past this many entries.
_CHROME = {}
CHROME_ENTRIES = 2000


@register.simple_tag(takes_context=True)
def page_chrome(context, template_name):
    """The head's links, the header or the footer of a page, rendered once per process
    for a language and an address.

    They show nothing but the language, the address (the language switcher keeps
    its path and query), the site's links and whether the visitor is anonymous, a
    signed-in member or staff (`chrome_viewer`: the header's "Sign in" or "Your
    account"): no data, nothing of one visitor, never a member's name. What they
    show changes only with the code and its catalogues, which a new process reads.
    In development (DEBUG) they are rendered for each page, so that an edit shows
    at once.
    """
    request = context.get("request")
    template = context.template.engine.get_template(template_name)
    viewer = chrome_viewer(request)
    if request is None or settings.DEBUG:
        with context.push(chrome_viewer=viewer):
            return template.render(context)
    try:
        host = request.get_host()
    except DisallowedHost:
        host = None
    key = (
        template_name,
        get_language(),
        get_urlconf() or settings.ROOT_URLCONF,
        request.scheme,
        host,
        request.get_full_path(),
        viewer,
    )
    html = _CHROME.get(key)
    if html is None:
        with context.push(chrome_viewer=viewer):
            html = template.render(context)
        if len(_CHROME) >= CHROME_ENTRIES:
            _CHROME.clear()
        _CHROME[key] = html
    return html


def chrome_viewer(request):
    """Who the page chrome is for: "anonymous", "member" (signed in, not staff) or "staff".

    A visitor without a session cookie is anonymous without a look at the session.
    """
    user = getattr(request, "user", None)
    if user is None or not request.COOKIES.get(settings.SESSION_COOKIE_NAME):
        return "anonymous"
    if not user.is_authenticated:
        return "anonymous"
    return "staff" if user.is_staff else "member"


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (or removed if empty)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.simple_tag
def page_numbers(page_obj):
    """The page numbers to link: both ends and two either side of the current one.

    Gaps are None; with thousands of pages the list stays short.
    """
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]


@register.simple_tag
def text_in_language(obj, field):
    """The field in the reader's language, else the first language that has it
    (portal/common/shown_text.py)."""
    return shown_text.text_in_language(obj, field)
