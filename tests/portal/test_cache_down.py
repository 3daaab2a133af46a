"""With the cache server (Redis) down, every public page answers and every public form
does its work: rate limits let the request through and log a warning."""

import logging
import re

import pytest
from axes.models import AccessFailureLog
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, StringConverter
from django.utils import timezone, translation

from companies.models import Cluster
from offers.models import ExpressionOfInterest, SavedSearch
from portal.members import urls as members_urls
from portal.members.services import member_for_contact_email
from portal.news.models import NewsItem
from questionnaire.models import Draft, Submission
from tests import unreachable_cache
from tests.factories import ContactPersonFactory, OrganisationFactory
from tests.offers.factories import OfferFactory
from tests.offers.interest import answers as interest_answers
from tests.offers.interest import form_url as interest_url
from tests.offers.interest import make_offer
from tests.portal.documents.factories import make_document
from tests.portal.events.factories import EventFactory
from tests.portal.members.conftest import code_in
from tests.questionnaire import walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_down():
    with override_settings(CACHES=unreachable_cache.SETTINGS):
        with pytest.raises(unreachable_cache.CacheServerDown):
            cache.get("anything")  # the portal's cache is the broken one
        yield


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Files stored by the tests (a document's) in a folder of their own."""
    settings.MEDIA_ROOT = tmp_path


def public_route_names(patterns=None, namespace=""):
    """Every named route of the portal but the admin's."""
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= public_route_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(namespace + pattern.name)
    return names


def public_pages():
    """One address per public route (the tokens are made-up: their pages say so)."""
    organisation = OrganisationFactory(name="Mleczarnia Testowa")
    offer = OfferFactory(organisation=organisation, title="Sery dla dystrybutorów")
    cluster = Cluster.objects.get(slug="dairy")
    event = EventFactory(clusters=[cluster], capacity=2)
    news = NewsItem.objects.create(
        slug="rusza-projekt", title_pl="Rusza projekt", is_published=True
    )
    news.clusters.set([cluster])
    document = make_document(slug="studium-wykonalnosci", files=("pl",), clusters=[cluster])
    return {
        "healthz": "/healthz",
        "sitemap": "/sitemap.xml",
        "robots_txt": "/robots.txt",
        "home": "/pl/",
        "privacy": "/pl/privacy/",
        "accessibility": "/it/accessibility/",
        "companies:organisation_list": "/pl/directory/",
        "companies:organisation_map": "/pl/directory/map/",
        "companies:map_data": "/pl/directory/map.json",
        "companies:organisation_detail": organisation.get_absolute_url(),
        "companies:cluster_list": "/de/clusters/",
        "companies:cluster_detail": cluster.get_absolute_url(),
        "companies:cluster_analysis": "/pl/clusters/dairy/analysis/",
        "companies:cluster_analysis_csv": "/pl/clusters/dairy/analysis.csv",
        "companies:industry_analysis": "/it/clusters/industries/10.5/",
        "companies:industry_analysis_csv": "/it/clusters/industries/10.5/figures.csv",
        "offers:offer_list": "/pl/offers/?q=sery",
        "offers:offer_detail": f"/en/offers/{offer.reference}/",
        "offers:offer_renew": "/pl/offers/renew/not-a-token/",
        "offers:interest_create": f"/cs/offers/{offer.reference}/interest/",
        "offers:interest_sent": f"/cs/offers/{offer.reference}/interest/sent/",
        "offers:alert_create": "/it/offers/alerts/?cluster=dairy",
        "offers:alert_confirm": "/it/offers/alerts/confirm/not-a-token/",
        "offers:alert_unsubscribe": (
            "/it/offers/alerts/unsubscribe/00000000-0000-0000-0000-000000000000/"
        ),
        "offers:feed": "/pl/offers/feed/",
        "offers:cluster_feed": "/pl/offers/feed/dairy/",
        "news:news_list": "/pl/news/?cluster=dairy",
        "news:news_detail": news.get_absolute_url(),
        "news:feed": "/it/news/feed/",
        "news:cluster_feed": "/pl/news/feed/dairy/",
        "documents:document_list": "/it/documents/?cluster=dairy",
        "documents:document_detail": document.get_absolute_url(),
        "documents:document_download": "/pl/documents/studium-wykonalnosci/pl/",
        "events:register": f"/hu/events/{event.slug}/register/",
        "events:registration_sent": f"/hu/events/{event.slug}/register/sent/",
        "events:registration_confirm": "/hu/events/registration/confirm/not-a-token/",
        "events:registration_cancel": "/hu/events/registration/cancel/not-a-token/",
        "questionnaire:start": "/pl/questionnaire/",
        "questionnaire:step": "/pl/questionnaire/organisation/",
        "questionnaire:save": "/pl/questionnaire/save/",
        "questionnaire:sent": "/pl/questionnaire/sent/",
        "questionnaire:resume": "/pl/questionnaire/resume/not-a-token/",
        "questionnaire:confirm": "/pl/questionnaire/confirm/not-a-token/",
        "account_login": "/cs/account/sign-in/",
        "account_request_login_code": "/pl/account/sign-in/code/",
        "account_confirm_login_code": "/pl/account/sign-in/code/confirm/",
        "account_signup": "/it/account/sign-up/",
        "account_email_verification_sent": "/pl/account/confirm-email/",
        "account_inactive": "/pl/account/inactive/",
        "account_logout": "/pl/account/sign-out/",
        "project:project": "/hu/project/",
        "events:event_list": "/pl/events/?kind=workshop",
        "events:past_event_list": "/it/events/past/",
        "events:calendar_feed": "/pl/events/calendar.ics",
        "events:event_detail": event.get_absolute_url(),
        "events:event_ics": f"/hu/events/{event.slug}/event.ics",
        **member_pages(),
    }


def member_pages():
    """One address per page of the member area, its arguments made up: for a visitor
    not signed in, each page sends to sign-in before reading them."""
    samples = {IntConverter: 1, StringConverter: "OF-2026-000001"}
    pages = {}
    for pattern in members_urls.urlpatterns:
        arguments = {
            name: samples[type(converter)] for name, converter in pattern.pattern.converters.items()
        }
        with translation.override("pl"):
            pages[f"members:{pattern.name}"] = reverse(f"members:{pattern.name}", kwargs=arguments)
    return pages


def test_every_public_page_answers_with_the_cache_down(client, cache_down):
    pages = public_pages()

    assert public_route_names() <= set(pages), "a public route is missing from this test"
    statuses = {name: client.get(address).status_code for name, address in pages.items()}

    assert {name: status for name, status in statuses.items() if status >= 500} == {}
    for name in (
        "home",
        "offers:offer_list",
        "offers:offer_detail",
        "companies:cluster_detail",
        "news:news_list",
        "news:news_detail",
        "documents:document_list",
        "documents:document_detail",
        "documents:document_download",
    ):
        assert statuses[name] == 200, name
    offer_page = client.get(pages["offers:offer_detail"]).content.decode()
    assert "Sery dla dystrybutorów" in offer_page


def test_a_member_signs_in_by_code_and_reads_their_pages_with_the_cache_down(
    client, cache_down, django_capture_on_commit_callbacks
):
    contact = ContactPersonFactory(
        email="anna@mleczarnia.example", email_confirmed_at=timezone.now()
    )
    member_for_contact_email(email=contact.email)

    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post("/cs/account/sign-in/", {"login": contact.email})
    confirmed = client.post(
        "/cs/account/sign-in/code/confirm/", {"code": code_in(mail.outbox[-1])}, follow=True
    )

    assert asked.status_code == 302
    assert confirmed.status_code == 200
    assert contact.organisation.name in confirmed.content.decode()
    for name, address in member_pages().items():
        if "<" not in address and not re.search(r"/\d+/|OF-", address):
            assert client.get(address).status_code == 200, name


def test_an_expression_of_interest_is_written_and_mailed_with_the_cache_down(
    client, cache_down, caplog, django_capture_on_commit_callbacks
):
    offer = make_offer()

    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        response = client.post(interest_url(offer, "cs"), interest_answers(), follow=True)

    assert response.redirect_chain == [(f"/cs/offers/{offer.reference}/interest/sent/", 302)]
    assert "jana@mlekarna.example" in response.content.decode()
    saved = ExpressionOfInterest.objects.get()
    assert (saved.offer, saved.email, saved.language) == (offer, "jana@mlekarna.example", "cs")
    assert mail.outbox[0].to == ["jana@mlekarna.example"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("offers.interest" in text and "not counted" in text for text in warnings)
    assert any("offers.interest-email" in text for text in warnings)


def test_an_alert_is_asked_for_and_mailed_with_the_cache_down(
    client, cache_down, django_capture_on_commit_callbacks
):
    data = {"email": "giulia@caseificio.example", "consent": "on", **rendered()}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/it/offers/alerts/?cluster=dairy&q=formaggio", data)

    assert response.status_code == 200
    assert "giulia@caseificio.example" in response.content.decode()
    alert = SavedSearch.objects.get()
    assert (alert.email, alert.language) == ("giulia@caseificio.example", "it")
    assert alert.query == "formaggio"
    assert [message.to for message in mail.outbox] == [["giulia@caseificio.example"]]


def rendered():
    return {walk.RENDERED_FIELD: walk.rendered()}


def test_the_questionnaire_is_filled_in_and_sent_with_the_cache_down(
    client, cache_down, django_capture_on_commit_callbacks
):
    walk.fill_in(client, language="it")
    with django_capture_on_commit_callbacks(execute=True):
        response = walk.send(client, language="it")

    assert response.redirect_chain[-1][0] == "/it/questionnaire/sent/"
    assert "anna@serowarnia.example" in response.content.decode()
    submission = Submission.objects.get()
    assert (submission.email, submission.language) == ("anna@serowarnia.example", "it")
    assert [message.to for message in mail.outbox] == [["anna@serowarnia.example"]]
    assert re.search(r"http://testserver/it/questionnaire/confirm/\S+/", mail.outbox[0].body)


def test_a_questionnaire_is_saved_for_later_with_the_cache_down(
    client, cache_down, django_capture_on_commit_callbacks
):
    client.get(walk.step_url("organisation"))
    walk.post_step(client, "organisation", walk.organisation_answers())
    saving = walk.post_step(
        client, "activity", {"products": "Kefir i maślanka"}, extra={"wizard_save": "1"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(saving.url, {"email": "anna@serowarnia.example"})

    assert saved.status_code == 200
    assert "anna@serowarnia.example" in saved.content.decode()
    assert Draft.objects.get().email == "anna@serowarnia.example"
    assert [message.to for message in mail.outbox] == [["anna@serowarnia.example"]]


def test_rate_limits_still_count_when_the_cache_answers(client, settings):
    settings.QUESTIONNAIRE_RATES = {**settings.QUESTIONNAIRE_RATES, "step_per_address": "1/h"}
    with translation.override("pl"):
        first = client.get(walk.step_url("organisation"))
        posted = walk.post_step(client, "organisation", walk.organisation_answers())
        refused = walk.post_step(client, "organisation", walk.organisation_answers())

    assert first.status_code == 200
    assert posted.status_code == 302
    assert refused.status_code == 429


def test_staff_sign_in_and_its_lockout_count_work_with_the_cache_down(client, cache_down):
    get_user_model().objects.create_user(
        "urzednik", "u@urzad.example", "Mleko-2026!", is_staff=True
    )
    login = "/pl/admin/login/?next=/pl/admin/"

    wrong = client.post(login, {"username": "urzednik", "password": "zle", "next": "/pl/admin/"})
    right = client.post(
        login, {"username": "urzednik", "password": "Mleko-2026!", "next": "/pl/admin/"}
    )
    dashboard = client.get("/pl/admin/")

    assert wrong.status_code == 200
    assert AccessFailureLog.objects.filter(username="urzednik").count() == 1
    assert right.status_code == 302 and right.url == "/pl/admin/"
    assert "_auth_user_id" in client.session
    assert dashboard.status_code == 200


def test_every_public_address_takes_a_post_without_a_500_with_the_cache_down(client, cache_down):
    pages = public_pages()

    statuses = {name: client.post(address, {}).status_code for name, address in pages.items()}

    assert {name: status for name, status in statuses.items() if status >= 500} == {}
