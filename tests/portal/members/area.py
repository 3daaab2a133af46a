"""The member area as the tests find it: its URLs walked from the resolver, and the
forms its pages show read from their HTML.

The acceptance tests (access, fuzzing, accessibility) take their pages from here,
not from a list written by hand, so a page added later is tested without a line
more; a page that takes an id, slug or reference needs one entry in the IDOR
test's table (test_access_everywhere.py says so when it is missing).
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RoutePattern
from django.utils import translation

MEMBERS = "members"
ADMIN = "admin"

# `<int:pk>` in a route, `(?P<app_label>a|b)` in a regular expression.
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
REGEX_GROUP = re.compile(r"\((?:\?P<(?P<name>\w+)>)?(?P<body>[^()?]*)\)")
ALTERNATIVES = re.compile(r"\w+(?:\|\w+)*")


@dataclass(frozen=True)
class Route:
    """One URL pattern with the patterns of the includes above it."""

    namespace: str
    chain: tuple
    pattern: URLPattern

    @property
    def name(self):
        return f"{self.namespace}:{self.pattern.name}" if self.pattern.name else str(self)

    def __str__(self):
        return "".join(str(part) for part in self.chain)

    @property
    def kwargs(self):
        """The names of the values the URL takes, with their converters (None in a regex)."""
        found = {}
        for part in self.chain:
            if isinstance(part, RoutePattern):
                found.update(part.converters)
            else:
                found.update(dict.fromkeys(part.regex.groupindex))
        return found

    def path(self, values=None, language="pl"):
        """The URL with `values` (by kwarg name) in it; a value not given is a sample.

        Checked: the URL resolves to this very pattern's view.
        """
        values = values or {}
        with translation.override(language):
            prefix = get_resolver().namespace_dict[self.namespace][0]
            address = "/" + prefix + "".join(_concrete(part, values) for part in self.chain)
            match = resolve(address)
        assert match.func == self.pattern.callback, (address, match, self)
        return address


def _concrete(part, values):
    text = str(part)
    if isinstance(part, RoutePattern):
        return ROUTE_PARAMETER.sub(lambda found: str(values.get(found["name"], "1")), text)

    def sample(found):
        if found["name"] and found["name"] in values:
            return str(values[found["name"]])
        body = found["body"]
        if ALTERNATIVES.fullmatch(body):
            return body.split("|")[0]
        return "1"

    return REGEX_GROUP.sub(sample, text).removeprefix("^").removesuffix("$")


def _walk(resolver, namespace, chain=()):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            yield from _walk(entry, inner, (*chain, entry.pattern))
        else:
            yield Route(namespace, (*chain, entry.pattern), entry)


def routes(namespace):
    """Every URL pattern under the namespace, those of nested includes too."""
    _prefix, resolver = get_resolver().namespace_dict[namespace]
    return [
        Route(namespace, route.chain, route.pattern) if route.namespace else route
        for route in _walk(resolver, namespace)
    ]


# The one page of the member area open to everyone: the one shown after a member
# deleted their account (signed out by then); it names no one.
OPEN_TO_ALL = {"members:closed"}
# A member's data as a file to download, not a page to read.
DOWNLOADS = {"members:data_download"}


def member_routes():
    """The member area's routes that only a signed-in member opens."""
    return [route for route in routes(MEMBERS) if route.name not in OPEN_TO_ALL]


def plain_member_routes():
    """The member pages that take no value in their URL: a member opens each as it is."""
    return [route for route in member_routes() if not route.kwargs and route.name not in DOWNLOADS]


# The sign-in pages a member uses (allauth's, routed in portal/members/urls.py).
SIGN_IN_PAGES = {
    "sign in": "account_login",
    "code": "account_request_login_code",
    "sign up": "account_signup",
}


# Forms ------------------------------------------------------------------------


@dataclass
class Field:
    name: str
    kind: str  # the input's type, "select", "select-multiple" or "textarea"
    value: str = ""
    options: tuple = ()
    checked: bool = False
    required: bool = False
    selected: list = field(default_factory=list)


@dataclass
class Form:
    action: str
    fields: list
    enctype: str = ""

    def data(self):
        """What a browser posts when the form is sent as the page shows it."""
        posted = {}
        for entry in self.fields:
            if entry.kind in {"submit", "button", "reset", "image", "file"}:
                continue
            if entry.kind in {"checkbox", "radio"}:
                if entry.checked:
                    posted.setdefault(entry.name, []).append(entry.value or "on")
                continue
            if entry.kind == "select-multiple":
                posted.setdefault(entry.name, []).extend(entry.value)
            else:
                posted.setdefault(entry.name, []).append(entry.value)
        return posted


class _Forms(HTMLParser):
    """The <form method="post"> of a page with their fields."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.form = None
        self.select = None
        self.option = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if (attrs.get("method") or "get").lower() == "post":
                self.form = Form(attrs.get("action") or "", [], attrs.get("enctype") or "")
                self.forms.append(self.form)
            return
        if tag == "option" and self.select is not None:
            self._option(attrs)
            return
        if self.form is None or "name" not in attrs:
            return
        if tag == "input":
            self.form.fields.append(
                Field(
                    attrs["name"],
                    (attrs.get("type") or "text").lower(),
                    attrs.get("value") or "",
                    checked="checked" in attrs,
                    required="required" in attrs,
                )
            )
        elif tag == "select":
            kind = "select-multiple" if "multiple" in attrs else "select"
            self.select = Field(attrs["name"], kind, required="required" in attrs)
            self.form.fields.append(self.select)
        elif tag == "textarea":
            self.textarea = Field(attrs["name"], "textarea", required="required" in attrs)
            self.form.fields.append(self.textarea)
        elif tag == "button" and (attrs.get("type") or "submit") == "submit":
            self.form.fields.append(Field(attrs["name"], "submit", attrs.get("value") or ""))

    def _option(self, attrs):
        self.option = attrs.get("value")
        self.select.options = (*self.select.options, self.option or "")
        if "selected" in attrs:
            self.select.selected.append(self.option or "")

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select" and self.select is not None:
            selected = self.select.selected
            if self.select.kind == "select":
                self.select.value = selected[0] if selected else (self.select.options or ("",))[0]
            else:
                self.select.value = selected
            self.select = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "option":
            self.option = None


def post_forms(html):
    """The forms a page posts, each with its fields as the page shows them."""
    parser = _Forms()
    parser.feed(html)
    parser.close()
    return parser.forms
