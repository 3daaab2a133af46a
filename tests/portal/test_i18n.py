import re

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import timezone, translation

from offers.models import Offer
from portal.common.languages import LANGUAGE_CODES
from portal.documents.models import Document
from portal.events.models import Event
from portal.members.services import member_for_contact_email
from portal.news.models import NewsItem
from tests.factories import ClusterFactory, ContactPersonFactory, OrganisationFactory
from tests.offers.factories import OfferFactory
from tests.portal.documents.factories import make_document
from tests.portal.events.factories import EventFactory
from tests.portal.events.registrations import make_event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("it-IT,it;q=0.9,en;q=0.8", "/it/"),
        ("cs,en;q=0.5", "/cs/"),
        ("fr-FR,fr;q=0.9,de;q=0.8", "/de/"),
        ("ja", "/pl/"),
        ("", "/pl/"),
    ],
)
def test_root_sends_the_visitor_to_the_best_browser_language(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected


# The public routes under the language prefix that are not pages read in a language:
# data, feeds, redirects (saving a questionnaire needs one begun) and the one-time
# links e-mailed with a token; their own tests cover them. A new route is either one
# of these or a page that the test below visits.
NOT_PAGES = {
    "companies:map_data",
    "questionnaire:start",
    "questionnaire:save",
    "questionnaire:resume",
    "questionnaire:confirm",
    "offers:offer_renew",
    "offers:alert_confirm",
    "offers:alert_unsubscribe",
    "offers:feed",
    "offers:cluster_feed",
    # Calendar files (tests/portal/events/test_calendar.py).
    "events:event_ics",
    "events:calendar_feed",
    "news:feed",
    "news:cluster_feed",
    # The analyses' CSV files (tests/companies/analysis/test_views.py).
    "companies:cluster_analysis_csv",
    "companies:industry_analysis_csv",
    # A document's file, not a page (tests/portal/documents/test_views.py).
    "documents:document_download",
    # The links e-mailed to confirm or cancel an event registration.
    "events:registration_confirm",
    "events:registration_cancel",
    # allauth's sign-in stages that follow a code asked for, and signing out: the
    # members' own tests (tests/portal/members/) walk them.
    "account_confirm_login_code",
    "account_email_verification_sent",
    "account_logout",
    # A member's own alert (tests/portal/members/test_alerts.py) and data file.
    "members:alert_edit",
    "members:alert_delete",
    "members:data_download",
    # The member's pages of one offer, expression of interest or colleague: their own
    # tests (tests/portal/members/) visit them.
    "members:offer_edit",
    "members:offer_withdraw",
    "members:offer_renew",
    "members:interest_detail",
    "members:interest_outcome",
    "members:colleague_remove",
}
# The member area's pages are visited by a signed-in member (a firm's contact person).
MEMBER_PAGES = "members:"
# An example of the arguments of each page that takes some.
EXAMPLES = {
    "companies:organisation_detail": lambda: {"slug": "mleczarnia-narew"},
    "companies:cluster_detail": lambda: {"slug": "dairy"},
    "companies:cluster_analysis": lambda: {"slug": "dairy"},
    "companies:industry_analysis": lambda: {"code": "10.5"},
    "questionnaire:step": lambda: {"step": "organisation"},
    "offers:offer_detail": lambda: {"reference": _example_offer().reference},
    "offers:interest_create": lambda: {"reference": _example_offer().reference},
    "offers:interest_sent": lambda: {"reference": _example_offer().reference},
    "events:event_detail": lambda: {"slug": _example_event().slug},
    "news:news_detail": lambda: {"slug": _example_news().slug},
    "documents:document_detail": lambda: {"slug": _example_document().slug},
    "events:register": lambda: {"slug": _example_event().slug},
    "events:registration_sent": lambda: {"slug": _example_event().slug},
}


def _example_member():
    contact = ContactPersonFactory(
        email="anna@mleczarnia.example", email_confirmed_at=timezone.now()
    )
    return member_for_contact_email(email=contact.email).user


def _example_event():
    return Event.objects.first() or EventFactory()


def _example_news():
    return NewsItem.objects.first() or NewsItem.objects.create(
        slug="rusza-projekt", title_pl="Rusza projekt", is_published=True
    )


def _example_document():
    return Document.objects.first() or make_document(
        slug="studium-wykonalnosci", files=(), title_it="Studio di fattibilità"
    )


def _example_offer():
    return Offer.objects.get() if Offer.objects.exists() else OfferFactory()


def _example_event():
    return Event.objects.first() or make_event()


def public_pages(patterns=None, namespace=""):
    """The names and argument names of the routes under the language prefix, from the resolver."""
    if patterns is None:
        resolver = next(
            pattern
            for pattern in get_resolver().url_patterns
            if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern)
        )
        patterns = resolver.url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue  # staff pages, by role in test_roles
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from public_pages(pattern.url_patterns, inner)
        else:
            yield f"{namespace}{pattern.name}", sorted(pattern.pattern.regex.groupindex)


def test_every_route_is_a_page_with_an_example_or_said_not_to_be_one():
    pages = dict(public_pages())

    assert [name for name in NOT_PAGES | set(EXAMPLES) if name not in pages] == []
    assert [
        name
        for name, arguments in pages.items()
        if arguments and name not in NOT_PAGES and name not in EXAMPLES
    ] == []


def test_every_page_has_a_prefix_lang_attribute_and_alternates(client):
    OrganisationFactory(slug="mleczarnia-narew")
    ClusterFactory(slug="dairy")
    names = [
        (name, EXAMPLES[name]() if arguments else {})
        for name, arguments in public_pages()
        if name not in NOT_PAGES
    ]
    assert "home" in dict(names) and "offers:offer_list" in dict(names)
    member = Client()
    member.force_login(_example_member(), backend="portal.members.signin.MemberBackend")
    for language in LANGUAGE_CODES:
        for name, kwargs in names:
            with translation.override(language):
                address = reverse(name, kwargs=kwargs)
            assert address.startswith(f"/{language}/")
            visitor = (
                member if name.startswith(MEMBER_PAGES) and name != "members:closed" else client
            )
            response = visitor.get(address)
            page = response.content.decode()
            assert response.status_code == 200, address
            assert f'<html lang="{language}">' in page, address
            alternates = re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', page)
            assert [code for code, _href in alternates] == LANGUAGE_CODES, address
            assert all(href.startswith("http://testserver/") for _c, href in alternates)
            assert page.count("<h1") == 1, address
            assert '<main id="main"' in page and 'href="#main"' in page


def test_switcher_keeps_the_firm_and_the_filters(client):
    OrganisationFactory(slug="mleczarnia-narew")

    detail = client.get("/it/directory/mleczarnia-narew/").content.decode()
    filtered = client.get("/it/directory/?cluster=dairy&sort=-name&page=1").content.decode()

    assert re.search(r'href="/de/directory/mleczarnia-narew/"\s+hreflang="de"\s+lang="de"', detail)
    assert 'href="/cs/directory/?cluster=dairy&amp;sort=-name&amp;page=1"' in filtered
    assert re.search(r'href="/it/directory/mleczarnia-narew/"[^>]+aria-current="true">', detail)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_interface_is_translated(client, language):
    response = client.get(f"/{language}/directory/")
    page = response.content.decode()
    expected = {
        "pl": "Katalog firm i instytucji",
        "en": "Directory of firms and institutions",
        "de": "Verzeichnis",
        "it": "Elenco",
        "cs": "Katalog",
        "hu": "Cégek és intézmények",
        "ro": "Catalogul",
        "bg": "Каталог",
    }[language]
    assert expected in page
    if language != "en":
        assert "Directory of firms and institutions" not in page


def test_unknown_page_is_a_translated_404(client):
    response = client.get("/it/no-such-page/")

    assert response.status_code == 404
    assert '<html lang="it">' in response.content.decode()


def test_switcher_on_a_missing_page_points_to_the_other_languages(client):
    page = client.get("/it/no-such-page/?a=1").content.decode()

    assert 'href="http://testserver/de/no-such-page/?a=1"' in page
    assert re.search(r'href="/cs/no-such-page/\?a=1"\s+hreflang="cs"', page)


def test_a_forged_host_header_is_a_400_not_a_500(client):
    response = client.get("/en/directory/", headers={"host": "evil.example"})

    assert response.status_code == 400
    assert '<html lang="en">' in response.content.decode()
    assert "evil.example" not in response.content.decode()
