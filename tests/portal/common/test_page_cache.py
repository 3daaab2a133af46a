"""Public pages kept whole for anonymous visitors: served again without a query, never
to or from a signed-in user, never with what is one visitor's (a CSRF token, a
nonce, messages, a cookie), retired by one increment, and not needed when the
cache server is down."""

import datetime
import logging

import pytest
import time_machine
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import constants
from django.contrib.messages.storage import default_storage
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.csp import LazyNonce

from offers.models import Offer
from portal.common import page_cache as page_cache_module
from portal.common.page_cache import cache_for_visitors, forget_pages, keep_until
from tests import unreachable_cache
from tests.factories import OrganisationFactory
from tests.helpers import queries_and_response
from tests.offers.factories import OfferFactory

pytestmark = pytest.mark.django_db


class CountingView:
    """A view that counts how often it is built, with `body` as its page."""

    def __init__(self, body=lambda request: "page", **response_kwargs):
        self.body = body
        self.response_kwargs = response_kwargs
        self.built = 0

    def __call__(self, request):
        self.built += 1
        return HttpResponse(f"{self.body(request)} #{self.built}", **self.response_kwargs)


def visit(view, path="/pl/page/", method="get", user=None, **extra):
    """`view` called as the middleware would leave a request: a session, a user, messages,
    its path's language."""
    request = getattr(RequestFactory(), method)(path, **extra)
    SessionMiddleware(lambda request: HttpResponse()).process_request(request)
    request.user = user or AnonymousUser()
    request._messages = default_storage(request)
    request._csp_nonce = LazyNonce()
    with translation.override(translation.get_language_from_path(path)):
        return view(request)


def kept(view, kind="pages", **options):
    return cache_for_visitors(kind, **options)(view)


def test_a_page_is_built_once_and_served_again(page_cache):
    view = CountingView()
    page = kept(view)

    first = visit(page).content
    again = visit(page).content

    assert (first, again, view.built) == (b"page #1", b"page #1", 1)


def test_nothing_is_kept_when_the_setting_is_zero(settings):
    settings.PAGE_CACHE_SECONDS = 0
    view = CountingView()
    page = kept(view)

    visit(page)
    visit(page)

    assert view.built == 2


def test_the_order_of_the_parameters_does_not_matter_but_their_values_do(page_cache):
    view = CountingView()
    page = kept(view)

    visit(page, "/pl/page/?a=1&b=2")
    visit(page, "/pl/page/?b=2&a=1")
    visit(page, "/pl/page/?a=1&b=3")
    visit(page, "/pl/page/?a=1&b=2&b=3")
    visit(page, "/pl/page/?a=1&b=3&b=2")
    visit(page, "/pl/page/?a=1%26b%3D2")

    assert view.built == 5


def test_each_language_and_host_has_its_own_page(page_cache, settings):
    settings.ALLOWED_HOSTS = ["testserver", "portal.example"]
    view = CountingView()
    page = kept(view)

    visit(page, "/pl/page/")
    visit(page, "/it/page/")
    visit(page, "/pl/page/", HTTP_HOST="portal.example")
    visit(page, "/it/page/")

    assert view.built == 3


def test_a_signed_in_user_neither_gets_nor_fills_a_kept_page(page_cache, django_user_model):
    staff = django_user_model.objects.create_user("urzednik", is_staff=True)
    view = CountingView(lambda request: request.user.username or "anonymous")
    page = kept(view)

    staff_first = visit(page, user=staff).content
    anonymous = visit(page).content
    staff_again = visit(page, user=staff).content
    anonymous_again = visit(page).content

    assert (staff_first, anonymous, staff_again) == (
        b"urzednik #1",
        b"anonymous #2",
        b"urzednik #3",
    )
    assert anonymous_again == b"anonymous #2"


def test_only_get_and_head_are_served_and_only_get_fills(page_cache):
    view = CountingView()
    page = kept(view)

    visit(page, method="head")
    visit(page, method="post")
    visit(page)
    head = visit(page, method="head")
    visit(page, method="post")

    assert head.content == b"page #3"
    assert view.built == 4


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(lambda request: get_token(request), id="CSRF token"),
        pytest.param(lambda request: str(request._csp_nonce), id="CSP nonce"),
        pytest.param(
            lambda request: (
                engines["django"].from_string("{% csrf_token %}").render(request=request)
            ),
            id="rendered csrf_token",
        ),
    ],
)
def test_a_page_with_a_token_of_its_visitor_is_not_kept(page_cache, body):
    view = CountingView(body)
    page = kept(view)

    first = visit(page).content
    again = visit(page).content

    assert first != again
    assert view.built == 2


def test_a_page_that_showed_messages_is_not_kept(page_cache):
    def with_message(request):
        messages.info(request, "Zapisano.")
        return " ".join(str(message) for message in messages.get_messages(request))

    view = CountingView(with_message)
    page = kept(view)

    visit(page)
    visit(page)

    assert view.built == 2


def test_a_visitor_with_messages_waiting_is_not_served_a_kept_page(page_cache):
    view = CountingView()
    page = kept(view)
    visit(page)
    request = RequestFactory().get("/pl/page/")
    SessionMiddleware(lambda request: HttpResponse()).process_request(request)
    request.user = AnonymousUser()
    request._messages = default_storage(request)
    messages.info(request, "Dziękujemy.")

    response = page(request)

    assert (response.content, view.built) == (b"page #2", 2)
    assert [str(message) for message in messages.get_messages(request)] == ["Dziękujemy."]


@pytest.mark.parametrize("status", [201, 301, 404, 410, 500])
def test_only_a_200_is_kept(page_cache, status):
    view = CountingView(status=status)
    page = kept(view)

    visit(page)
    visit(page)

    assert view.built == 2


def test_a_page_that_sets_a_cookie_or_changes_the_session_is_not_kept(page_cache):
    def cookie(request):
        return "cookie"

    class WithCookie(CountingView):
        def __call__(self, request):
            response = super().__call__(request)
            response.set_cookie("seen", "1")
            return response

    def session(request):
        request.session["seen"] = True
        return "session"

    with_cookie, with_session = WithCookie(cookie), CountingView(session)

    for view in (with_cookie, with_session):
        visit(kept(view))
        visit(kept(view))

    assert (with_cookie.built, with_session.built) == (2, 2)


def test_forgetting_a_kind_retires_its_pages_and_no_others(page_cache):
    offers, directory = CountingView(), CountingView()
    offer_page, directory_page = kept(offers, "offers"), kept(directory, "directory")
    visit(offer_page, "/pl/offers/")
    visit(directory_page, "/pl/directory/")

    forget_pages("offers")
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=1)):
        visit(offer_page, "/pl/offers/")
        visit(directory_page, "/pl/directory/")

    assert (offers.built, directory.built) == (2, 1)


def test_a_lost_generation_starts_anew_without_bringing_back_old_pages(page_cache):
    from django.core.cache import cache

    view = CountingView()
    page = kept(view, "offers")
    visit(page)
    forget_pages("offers")
    visit(page)
    cache.delete("page-generation:offers")

    fresh = visit(page).content

    assert (fresh, view.built) == (b"page #3", 3)


def test_a_page_lives_at_most_its_kinds_seconds(page_cache):
    view = CountingView()
    page = kept(view, max_seconds=60)

    with time_machine.travel(timezone.now(), tick=False) as traveller:
        visit(page)
        traveller.shift(datetime.timedelta(seconds=59))
        visit(page)
        traveller.shift(datetime.timedelta(seconds=2))
        visit(page)

    assert view.built == 2


def test_a_page_lives_no_later_than_its_view_says(page_cache):
    class Until(CountingView):
        def __call__(self, request):
            return keep_until(super().__call__(request), until)

    until = timezone.now() + datetime.timedelta(seconds=20)
    view = Until()
    page = kept(view)

    with time_machine.travel(timezone.now(), tick=False) as traveller:
        visit(page)
        traveller.shift(datetime.timedelta(seconds=18))
        visit(page)
        traveller.shift(datetime.timedelta(seconds=2))
        visit(page)

    assert view.built == 2


def test_a_page_filled_just_after_a_write_is_kept_only_briefly(page_cache):
    """A request may read the rows before the write commits: its page must not last."""
    view = CountingView()
    page = kept(view, "offers")

    with time_machine.travel(timezone.now(), tick=False) as traveller:
        forget_pages("offers")
        visit(page)
        traveller.shift(datetime.timedelta(seconds=4))
        visit(page)
        traveller.shift(datetime.timedelta(seconds=2))
        visit(page)
        traveller.shift(datetime.timedelta(seconds=30))
        visit(page)
        traveller.shift(datetime.timedelta(seconds=60))
        visit(page)

    assert view.built == 3


def test_with_the_cache_down_pages_are_built_and_a_warning_logged(page_cache, caplog):
    view = CountingView()
    page = kept(view, "offers")

    with override_settings(CACHES=unreachable_cache.SETTINGS), caplog.at_level(logging.WARNING):
        first = visit(page)
        again = visit(page)
        forget_pages("offers")

    assert (first.status_code, again.status_code, view.built) == (200, 200, 2)
    warnings = [record.getMessage() for record in caplog.records]
    assert "Page of offers not read from the cache: it does not answer." in warnings
    assert "Pages of offers not forgotten: the cache does not answer." in warnings


# The portal's own pages.


def public_pages():
    organisation = OrganisationFactory(name="Mleczarnia Testowa")
    offer = OfferFactory(organisation=organisation, title="Sery dla dystrybutorów")
    return [
        "/pl/offers/",
        "/it/offers/?q=sery&sort=title",
        f"/en/offers/{offer.reference}/",
        "/pl/directory/",
        "/de/directory/?q=mleczarnia",
        organisation.get_absolute_url(),
    ]


def test_a_second_anonymous_visit_makes_no_query_and_gets_the_same_page(client, page_cache):
    for address in public_pages():
        built, fresh = queries_and_response(client, address)
        served, kept_page = queries_and_response(client, address)

        assert built > 0, address
        assert served == 0, address
        assert kept_page.content == fresh.content, address
        assert dict(kept_page.headers) == dict(fresh.headers), address


def test_a_visitor_with_a_session_is_served_with_one_query(client, page_cache):
    address = public_pages()[0]
    client.get(address)
    session = client.session
    session["seen"] = True
    session.save()
    client.cookies["sessionid"] = session.session_key

    served, _response = queries_and_response(client, address)

    assert served == 1


def test_a_signed_in_staff_member_never_gets_or_fills_a_kept_page(
    client, page_cache, django_user_model
):
    staff = django_user_model.objects.create_user("moderator", is_staff=True)
    addresses = public_pages()
    staff_client = type(client)()
    staff_client.force_login(staff)

    for address in addresses:
        staff_client.get(address)  # the filters' options are kept from here on
        staff_first, _response = queries_and_response(staff_client, address)
        anonymous, _response = queries_and_response(client, address)
        anonymous_again, _response = queries_and_response(client, address)
        staff_again, _response = queries_and_response(staff_client, address)

        assert anonymous > 0, address
        assert anonymous_again == 0, address
        assert staff_again == staff_first > 0, address


def test_with_the_cache_down_the_pages_answer_and_nothing_is_kept(client, page_cache):
    addresses = public_pages()

    with override_settings(CACHES=unreachable_cache.SETTINGS):
        for address in addresses:
            built, first = queries_and_response(client, address)
            again, second = queries_and_response(client, address)

            assert again == built > 0, address
            assert second.content == first.content, address


# Answered before the session and the rest of the middleware (KeptPageMiddleware).


@pytest.fixture
def sessions_opened(monkeypatch):
    """The paths of the requests that reached the session middleware, and so every
    middleware after it and the view."""
    opened = []
    process_request = SessionMiddleware.process_request

    def counting(self, request):
        opened.append(request.path)
        return process_request(self, request)

    monkeypatch.setattr(SessionMiddleware, "process_request", counting)
    return opened


def message_cookie(text):
    """The messages cookie of a visitor with `text` waiting for the next page."""
    return CookieStorage(HttpRequest())._encode([Message(constants.SUCCESS, text)])


def test_a_kept_page_is_answered_before_the_session_and_the_rest_of_the_middleware(
    client, page_cache, sessions_opened
):
    for address in public_pages():
        fresh = client.get(address)
        sessions_opened.clear()

        served, kept_page = queries_and_response(client, address)

        assert (served, sessions_opened) == (0, []), address
        assert kept_page.content == fresh.content, address


def test_a_head_request_is_answered_with_the_kept_pages_headers(
    client, page_cache, sessions_opened
):
    address = public_pages()[2]
    fresh = client.get(address)
    sessions_opened.clear()

    with CaptureQueriesContext(connection) as queries:
        head = client.head(address)

    assert (head.status_code, head.content, len(queries), sessions_opened) == (200, b"", 0, [])
    assert dict(head.headers) == dict(fresh.headers)


def test_a_visitor_with_a_session_cookie_gets_the_kept_page_from_the_view(
    client, page_cache, sessions_opened
):
    address = public_pages()[0]
    fresh = client.get(address)
    session = client.session
    session["seen"] = True
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    sessions_opened.clear()

    served, kept_page = queries_and_response(client, address)

    assert (served, sessions_opened) == (1, [address])  # the session's query
    assert kept_page.content == fresh.content


def test_a_visitor_with_a_message_waiting_gets_it_on_a_page_built_for_them(
    client, page_cache, sessions_opened
):
    address = public_pages()[0]
    fresh = client.get(address)
    client.cookies[CookieStorage.cookie_name] = message_cookie("Dziękujemy za zgłoszenie.")
    sessions_opened.clear()

    built, page = queries_and_response(client, address)
    # The message was shown: its cookie is emptied, and the kept page is theirs again.
    served, kept_page = queries_and_response(client, address)

    assert built > 0
    assert "Dziękujemy za zgłoszenie." in page.content.decode()
    assert "Dziękujemy za zgłoszenie." not in fresh.content.decode()
    assert (served, sessions_opened) == (0, [address])
    assert kept_page.content == fresh.content


def test_before_the_urls_name_the_kinds_the_view_serves_the_kept_page(
    client, page_cache, sessions_opened, monkeypatch
):
    """A worker's first requests come before its URLs load: the middleware knows no kind."""
    address = public_pages()[0]
    monkeypatch.setattr(page_cache_module, "_KINDS", set())
    fresh = client.get(address)
    sessions_opened.clear()

    served, kept_page = queries_and_response(client, address)

    assert (served, sessions_opened) == (0, [address])
    assert kept_page.content == fresh.content
    assert dict(kept_page.headers) == dict(fresh.headers)


def test_a_forgotten_page_is_built_again_from_the_rows(client, page_cache):
    offer = OfferFactory(title="Sery dla dystrybutorów")
    address = f"/pl/offers/{offer.reference}/"
    client.get(address)
    # Changed behind the signals' back: the kept page does not know.
    Offer.objects.filter(pk=offer.pk).update(title_pl="Sery dojrzewające dla hurtowni")
    unchanged = client.get(address).content.decode()

    forget_pages("offers")
    built, page = queries_and_response(client, address)
    served, again = queries_and_response(client, address)

    assert "Sery dla dystrybutorów" in unchanged
    assert built > 0
    assert "Sery dojrzewające dla hurtowni" in page.content.decode()
    assert served == 0
    assert again.content == page.content


def test_a_wrong_host_gets_the_400_page_and_not_a_kept_one(client, page_cache):
    address = public_pages()[0]
    client.get(address)
    client.get(address)

    response = client.get(address, HTTP_HOST="portal.example")

    assert response.status_code == 400


def test_with_the_cache_down_the_middleware_lets_the_page_be_built_and_logs_a_warning(
    client, page_cache, caplog
):
    address = public_pages()[0]

    with override_settings(CACHES=unreachable_cache.SETTINGS), caplog.at_level(logging.WARNING):
        built, first = queries_and_response(client, address)
        again, second = queries_and_response(client, address)

    assert again == built > 0
    assert second.content == first.content
    warnings = [record.getMessage() for record in caplog.records]
    assert warnings.count("Page /pl/offers/ not read from the cache: it does not answer.") == 2
    assert "Page of offers not read from the cache: it does not answer." not in warnings


def test_with_no_page_cache_the_middleware_does_not_call_the_cache(client, monkeypatch, caplog):
    address = public_pages()[0]
    monkeypatch.setattr(page_cache_module, "cache", unreachable_cache.UnreachableCache("", {}))

    with caplog.at_level(logging.WARNING):
        built, _response = queries_and_response(client, address)
        again, _response = queries_and_response(client, address)

    assert (built > 0, again > 0) == (True, True)
    assert [record for record in caplog.records if record.name == page_cache_module.__name__] == []
