import datetime
import re
from html.parser import HTMLParser
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from django_countries import countries

from companies.models import Cluster, Organisation
from offers import links, selectors, services
from offers.filters import FILTER_NAMES
from offers.models import Offer
from tests.factories import ActivityFactory, ClusterFactory, OrganisationFactory
from tests.helpers import count_queries, kept_page, queries_and_response
from tests.offers.factories import OfferFactory, add_translation, expired_offer

pytestmark = pytest.mark.django_db

NUL_REFUSED = (
    "This text contains a character that cannot be saved (U+0000). Please remove it and try again."
)

FALLBACK_NOTE = "Not yet translated into this language. Language of the text shown: %(language)s."


def url(name, language="pl", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def list_url(language="pl"):
    return url("offers:offer_list", language)


def page_url(offer, language="pl"):
    return url("offers:offer_detail", language, reference=offer.reference)


def in_language(language, text):
    with translation.override(language):
        return str(text)


def date_shown(value, language="en"):
    with translation.override(language):
        return formats.date_format(timezone.localtime(value), "DATE_FORMAT")


class LanguageParts(HTMLParser):
    """The texts of the elements that carry a lang attribute (below <html>)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__()
        self.stack = []
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang") if tag != "html" else None
        part = [lang, []] if lang else None
        if part:
            self.parts.append(part)
        self.stack.append((tag, part))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _part = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        for _tag, part in self.stack:
            if part:
                part[1].append(data)


def lang_parts(response):
    """[(lang, text), ...] of a page, whitespace collapsed."""
    parser = LanguageParts()
    parser.feed(response.content.decode())
    return [(lang, " ".join("".join(texts).split())) for lang, texts in parser.parts]


def shown_titles(response):
    return [offer.text("title", offer.source_language) for offer in response.context["object_list"]]


@pytest.fixture
def dairy():
    return Cluster.objects.get(slug="dairy")


@pytest.fixture
def machinery():
    return Cluster.objects.get(slug="agricultural-machinery")


@pytest.fixture
def polish_offer():
    return OfferFactory(
        organisation__name="Agromet Sokółka",
        title="Przyczepy rolnicze – szukamy dystrybutora",
        summary="Wytwarzamy przyczepy rolnicze i prasy do słomy.",
        description="Zakład w Sokółce, 120 pracowników.",
        partner_sought="Dystrybutor maszyn rolniczych we Włoszech.",
        keywords="przyczepy, prasy",
    )


# The reader's language, the fallback to the source language, machine translations.


def test_an_offer_written_only_in_polish_shows_its_polish_text_with_a_note(client, polish_offer):
    response = client.get(list_url("it"))

    parts = lang_parts(response)
    assert ("pl", "Przyczepy rolnicze – szukamy dystrybutora") in parts
    assert ("pl", "Wytwarzamy przyczepy rolnicze i prasy do słomy.") in parts
    with translation.override("it"):
        polish = translation.get_language_info("pl")["name_translated"]
        note = gettext(FALLBACK_NOTE) % {"language": polish}
    assert note == "Non ancora tradotto in questa lingua. Lingua del testo mostrato: polacco."
    assert note in " ".join(response.content.decode().split())


def test_once_translated_into_italian_the_italian_text_is_shown_without_a_note(
    client, polish_offer
):
    add_translation(
        polish_offer,
        "it",
        title="Rimorchi agricoli – cerchiamo un distributore",
        summary="Produciamo rimorchi agricoli e presse per paglia.",
    )

    for address in (list_url("it"), page_url(polish_offer, "it")):
        response = client.get(address)
        parts = lang_parts(response)
        assert ("it", "Rimorchi agricoli – cerchiamo un distributore") in parts
        assert ("it", "Produciamo rimorchi agricoli e presse per paglia.") in parts
        assert "Przyczepy rolnicze" not in response.content.decode()
        assert 'class="badge text-bg-warning machine-translation"' not in response.content.decode()
    # The description has no Italian text yet: the page shows the Polish one, and says so.
    assert ("pl", "Zakład w Sokółce, 120 pracowników.") in parts
    assert "fallback-note" in response.content.decode()


def test_the_list_page_has_no_note_when_every_text_shown_is_in_the_readers_language(
    client, polish_offer
):
    add_translation(polish_offer, "en", title="Farm trailers", summary="We build farm trailers.")

    response = client.get(list_url("en"))

    assert "fallback-note" not in response.content.decode()
    assert ("en", "Farm trailers") in lang_parts(response)


def test_a_machine_translation_is_labelled(client, polish_offer):
    add_translation(
        polish_offer,
        "en",
        machine=True,
        title="Agricultural trailers",
        summary="We make agricultural trailers.",
        description="A plant in Sokółka.",
        partner_sought="A distributor in Italy.",
    )

    for address in (list_url("en"), page_url(polish_offer, "en")):
        response = client.get(address)
        page = response.content.decode()
        assert ("en", "Agricultural trailers") in lang_parts(response)
        assert (
            '<span class="badge text-bg-warning machine-translation">Machine translation</span>'
            in page
        )
        assert "fallback-note" not in page


def test_an_outdated_translation_says_so(client, polish_offer):
    add_translation(polish_offer, "en", title="Farm trailers", summary="We build farm trailers.")
    services.offer_update_source(offer=polish_offer, texts={"summary": "Nowe przyczepy."})

    page = client.get(page_url(polish_offer, "en")).content.decode()

    assert "The original text has changed since this translation was made." in page


# The list.


def test_the_list_shows_live_offers_with_kind_organisation_country_and_expiry(
    client, polish_offer, dairy
):
    OfferFactory(title="Szkic", published=False)
    withdrawn = OfferFactory(title="Wycofana")
    services.offer_withdraw(offer=withdrawn)

    response = client.get(list_url("en"))

    page = " ".join(response.content.decode().split())
    assert shown_titles(response) == ["Przyczepy rolnicze – szukamy dystrybutora"]
    assert "1 offer found" in page
    assert "Business offer · Agromet Sokółka, Poland" in page
    assert (
        f'Expires: <time datetime="{timezone.localtime(polish_offer.expires_at):%Y-%m-%d}">' in page
    )
    assert date_shown(polish_offer.expires_at) in page
    assert f'href="{page_url(polish_offer, "en")}"' in page


def test_the_list_links_to_alerts_for_the_same_search_and_to_the_feed(client, polish_offer):
    response = client.get(list_url("en"), {"q": "przyczepy", "kind": "business_offer", "page": "1"})

    page = response.content.decode()
    alerts = url("offers:alert_create", "en")
    assert f'href="{alerts}?q=przyczepy&amp;kind=business_offer"' in page
    assert f'href="{url("offers:feed", "en")}"' in page
    assert "Get alerts for this search" in page


def test_the_navigation_links_to_the_offers(client):
    page = client.get(url("home", "en")).content.decode()

    assert f'href="{list_url("en")}"' in page
    assert ">Offers</a>" in page


def test_the_list_marks_its_nav_link_as_the_current_page(client):
    page = " ".join(client.get(list_url("en")).content.decode().split())

    assert f'href="{list_url("en")}" aria-current="page">Offers</a>' in page


@pytest.fixture
def two_offers(dairy, machinery):
    italian = OrganisationFactory(name="Caseificio Lodigiano", country="IT")
    cheese = ActivityFactory(code="10.51", name_pl="Przetwórstwo mleka")
    machines = ActivityFactory(code="28.30", name_pl="Produkcja maszyn rolniczych")
    OfferFactory(
        title="Sery dojrzewające dla sieci handlowych",
        kind=Offer.Kind.BUSINESS_OFFER,
        clusters=[dairy],
        cooperation_types=["commercial", "distribution"],
        target_countries=["IT", "AT"],
        activities=[cheese],
    )
    OfferFactory(
        organisation=italian,
        language="it",
        title="Cerchiamo rimorchi agricoli",
        kind=Offer.Kind.TECHNOLOGY_REQUEST,
        clusters=[machinery],
        cooperation_types=["licence"],
        target_countries=["PL", "CZ"],
        activities=[machines],
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Sery dojrzewające dla sieci handlowych", "Cerchiamo rimorchi agricoli"}),
        ({"kind": "business_offer"}, {"Sery dojrzewające dla sieci handlowych"}),
        ({"kind": "technology_request"}, {"Cerchiamo rimorchi agricoli"}),
        ({"kind": "research"}, set()),
        ({"cluster": "dairy"}, {"Sery dojrzewające dla sieci handlowych"}),
        ({"cluster": "agricultural-machinery"}, {"Cerchiamo rimorchi agricoli"}),
        ({"cooperation": "distribution"}, {"Sery dojrzewające dla sieci handlowych"}),
        ({"cooperation": "licence"}, {"Cerchiamo rimorchi agricoli"}),
        ({"cooperation": "joint_venture"}, set()),
        ({"country": "IT"}, {"Cerchiamo rimorchi agricoli"}),
        ({"country": "PL"}, {"Sery dojrzewające dla sieci handlowych"}),
        ({"country": "HU"}, set()),
        ({"target": "AT"}, {"Sery dojrzewające dla sieci handlowych"}),
        ({"target": "CZ"}, {"Cerchiamo rimorchi agricoli"}),
        ({"target": "RO"}, set()),
        ({"activity": "10.51"}, {"Sery dojrzewające dla sieci handlowych"}),
        ({"activity": "28.30"}, {"Cerchiamo rimorchi agricoli"}),
        ({"q": "rimorchio"}, {"Cerchiamo rimorchi agricoli"}),
        ({"q": "ser dojrzewający"}, {"Sery dojrzewające dla sieci handlowych"}),
        ({"q": "ser", "cluster": "agricultural-machinery"}, set()),
        (
            {"kind": "business_offer", "target": "IT", "cluster": "dairy"},
            {"Sery dojrzewające dla sieci handlowych"},
        ),
    ],
)
def test_each_filter_narrows_the_list(client, two_offers, query, expected):
    response = client.get(list_url("pl"), query)

    assert response.status_code == 200
    assert not response.context["filter"].form.errors
    assert set(shown_titles(response)) == expected


def test_the_list_is_sorted_newest_first_expiring_first_or_by_relevance(client):
    now = timezone.now()
    old = OfferFactory(title="Przyczepy i prasy", published_at=now - datetime.timedelta(days=100))
    new = OfferFactory(
        title="Przyczepy rolnicze wywrotki",
        summary="Przyczepy rolnicze.",
        published_at=now - datetime.timedelta(days=1),
    )
    services.offer_renew(offer=old)  # now it expires last

    newest = client.get(list_url(), {"sort": "newest"})
    expiring = client.get(list_url(), {"sort": "expiring"})
    relevance = client.get(list_url(), {"q": "przyczepy rolnicze"})
    by_default = client.get(list_url())

    assert shown_titles(newest) == [new.title_pl, old.title_pl]
    assert shown_titles(by_default) == [new.title_pl, old.title_pl]
    assert shown_titles(expiring) == [new.title_pl, old.title_pl]
    assert shown_titles(client.get(list_url(), {"sort": "expiring", "q": "przyczepy"})) == [
        new.title_pl,
        old.title_pl,
    ]
    assert shown_titles(relevance)[0] == new.title_pl


def test_a_search_ranks_its_newest_matches_first_then_lists_the_others_newest_first(
    client, monkeypatch
):
    monkeypatch.setattr("portal.common.search.RANKED", 2)
    monkeypatch.setattr("django.conf.settings.DIRECTORY_PAGE_SIZE", 2)
    now = timezone.now()
    offers = [
        ("Prasy", "Prasy do słomy."),
        ("Przyczepy", "Prasy do słomy."),
        ("Przyczepy rolnicze", "Przyczepy rolnicze."),
        ("Przyczepy, przyczepy wywrotki", "Przyczepy."),
    ]
    for days, (title, summary) in enumerate(offers):
        OfferFactory(title=title, summary=summary, published_at=now - datetime.timedelta(days=days))

    first = client.get(list_url(), {"q": "przyczepy", "page": 1})
    second = client.get(list_url(), {"q": "przyczepy", "page": 2})

    # The two newest matches by relevance; the oldest, the closest match, after them.
    assert shown_titles(first) == ["Przyczepy rolnicze", "Przyczepy"]
    assert shown_titles(second) == ["Przyczepy, przyczepy wywrotki"]


def test_a_search_counts_up_to_a_limit_and_pages_no_further(client, monkeypatch):
    monkeypatch.setattr("portal.common.search.COUNT_LIMIT", 2)
    monkeypatch.setattr("django.conf.settings.DIRECTORY_PAGE_SIZE", 1)
    now = timezone.now()
    for days in range(3):
        OfferFactory(title=f"Przyczepy {days}", published_at=now - datetime.timedelta(days=days))

    response = client.get(list_url("en"), {"q": "przyczepy", "sort": "newest"})
    beyond = client.get(list_url("en"), {"q": "przyczepy", "sort": "newest", "page": 3})
    every_offer = client.get(list_url("en"))

    assert "more than 2 offers found" in " ".join(response.content.decode().split())
    assert response.context["paginator"].num_pages == 2
    assert shown_titles(beyond) == ["Przyczepy 1"]
    assert "3 offers found" in " ".join(every_offer.content.decode().split())


def test_a_reader_on_the_italian_list_finds_a_polish_only_offer_by_a_polish_word(
    client, polish_offer
):
    OfferFactory(language="it", title="Formaggi stagionati", summary="Formaggi.")

    response = client.get(list_url("it"), {"q": "przyczepę rolniczą"})

    assert shown_titles(response) == ["Przyczepy rolnicze – szukamy dystrybutora"]
    assert ("pl", "Przyczepy rolnicze – szukamy dystrybutora") in lang_parts(response)
    response = client.get(list_url("it"), {"q": "formaggio stagionato"})
    assert shown_titles(response) == ["Formaggi stagionati"]


def test_a_search_sorted_by_relevance_ranks_the_better_match_first(client):
    OfferFactory(title="Mleko w proszku", summary="Również ser.")
    OfferFactory(title="Ser dojrzewający", summary="Ser dojrzewający z mleka krowiego, ser.")

    response = client.get(list_url(), {"q": "ser dojrzewający", "sort": "relevance"})

    assert shown_titles(response) == ["Ser dojrzewający"]
    response = client.get(list_url(), {"q": "ser", "sort": "relevance"})
    assert shown_titles(response) == ["Ser dojrzewający", "Mleko w proszku"]


def test_relevance_without_words_sorts_newest_first(client):
    now = timezone.now()
    OfferFactory(title="Starsza", published_at=now - datetime.timedelta(days=3))
    OfferFactory(title="Nowsza", published_at=now - datetime.timedelta(days=1))

    response = client.get(list_url(), {"sort": "relevance"})

    assert shown_titles(response) == ["Nowsza", "Starsza"]


def test_the_list_is_paginated(client, settings):
    now = timezone.now()
    for day in range(settings.DIRECTORY_PAGE_SIZE + 3):
        OfferFactory(title=f"Oferta {day:02d}", published_at=now - datetime.timedelta(days=day))

    first = client.get(list_url())
    second = client.get(list_url(), {"page": 2})

    assert len(shown_titles(first)) == settings.DIRECTORY_PAGE_SIZE
    assert shown_titles(second) == ["Oferta 20", "Oferta 21", "Oferta 22"]
    assert "?page=2" in first.content.decode()


def test_many_pages_link_the_ends_and_the_pages_near_the_current_one(client, settings):
    settings.DIRECTORY_PAGE_SIZE = 1
    for _ in range(30):
        OfferFactory()

    page = client.get(list_url(), {"page": 15}).content.decode()

    linked = [int(number) for number in re.findall(r'href="\?page=(\d+)"', page)]
    assert sorted(set(linked)) == [1, 13, 14, 15, 16, 17, 30]
    assert page.count('<span class="page-link" aria-hidden="true">…</span>') == 2


@pytest.mark.parametrize(
    ("page", "expected_number"),
    [("abc", 1), ("0", 1), ("-1", 1), ("1.5", 1), ("\x00", 1), ("999", 2), ("9" * 40, 2)],
)
def test_an_invalid_page_number_gives_the_first_or_last_page(
    client, settings, page, expected_number
):
    for _ in range(settings.DIRECTORY_PAGE_SIZE + 1):
        OfferFactory()

    response = client.get(list_url(), {"page": page})

    assert response.status_code == 200
    assert response.context["page_obj"].number == expected_number


# An expired offer: published, but past its date (no job has marked it yet).


def test_an_expired_offer_is_in_no_list_no_search_and_its_page_says_expired(client, polish_offer):
    expired = expired_offer(
        organisation=polish_offer.organisation,
        title="Przyczepy rolnicze z zeszłego roku",
        summary="Przyczepy rolnicze.",
    )
    assert expired.status == Offer.Status.PUBLISHED

    for language in ("pl", "it", "en"):
        listed = client.get(list_url(language))
        searched = client.get(list_url(language), {"q": "przyczepy rolnicze"})
        assert shown_titles(listed) == ["Przyczepy rolnicze – szukamy dystrybutora"]
        assert shown_titles(searched) == ["Przyczepy rolnicze – szukamy dystrybutora"]
    organisation_page = client.get(
        url("companies:organisation_detail", "en", slug=polish_offer.organisation.slug)
    ).content.decode()
    assert "z zeszłego roku" not in organisation_page
    assert "Przyczepy rolnicze – szukamy dystrybutora" in organisation_page

    response = client.get(page_url(expired, "en"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "This offer has expired" in page
    assert url("offers:interest_create", "en", reference=expired.reference) not in page
    assert "Express interest" not in page
    assert '<dd class="offer-state">Expired</dd>' in page
    assert '<meta name="robots" content="noindex">' in page


def test_an_offer_marked_expired_says_so(client):
    offer = expired_offer(title="Stara oferta")
    services.offers_expire_due()
    offer.refresh_from_db()
    assert offer.status == Offer.Status.EXPIRED

    page = client.get(page_url(offer, "en")).content.decode()

    assert "This offer has expired" in page
    assert "Express interest" not in page


# One offer's page.


def test_the_offer_page_shows_every_field_and_the_organisation(client, dairy):
    activity = ActivityFactory(code="10.51", name_pl="Przetwórstwo mleka", name_en="Dairies")
    offer = OfferFactory(
        organisation__name="Mleczarnia Narew",
        organisation__email="biuro@narew.example",
        kind=Offer.Kind.TECHNOLOGY_OFFER,
        title="Linia do serów dojrzewających",
        summary="Oferujemy licencję na linię.",
        description="Opis techniczny linii.",
        partner_sought="Producent serów we Włoszech.",
        cooperation_types=["licence", "technical"],
        target_countries=["IT", "CZ"],
        clusters=[dairy],
        activities=[activity],
        keywords="ser, licencja",
    )

    response = client.get(page_url(offer, "en"))

    page = " ".join(response.content.decode().split())
    parts = lang_parts(response)
    assert response.status_code == 200
    assert ("pl", "Linia do serów dojrzewających") in parts
    assert ("pl", "Oferujemy licencję na linię.") in parts
    assert ("pl", "Opis techniczny linii.") in parts
    assert ("pl", "Producent serów we Włoszech.") in parts
    assert ("pl", "ser, licencja") in parts
    assert "Not yet translated into this language. Language of the text shown: Polish." in page
    assert "Technology offer · Reference: " + offer.reference in page
    assert "<li>Licence agreement</li><li>Technical co-operation</li>" in page
    assert f"<dd>{countries.name('CZ')}, {countries.name('IT')}</dd>" in page
    assert f'<a href="{url("companies:cluster_detail", "en", slug="dairy")}">' in page
    assert "<li>10.51 Dairies</li>" in page
    assert '<dd class="offer-state">Published</dd>' in page
    assert date_shown(offer.published_at) in page
    assert date_shown(offer.expires_at) in page
    organisation_url = url("companies:organisation_detail", "en", slug=offer.organisation.slug)
    assert f'<a href="{organisation_url}">Mleczarnia Narew</a>' in page
    assert "biuro@narew.example" not in page
    interest = url("offers:interest_create", "en", reference=offer.reference)
    assert f'href="{interest}">Express interest</a>' in page


def test_an_offer_closed_to_interest_has_no_interest_link(client):
    offer = OfferFactory()
    Offer.objects.filter(pk=offer.pk).update(open_for_interest=False)

    page = client.get(page_url(offer, "en")).content.decode()

    assert "Express interest" not in page
    assert "This offer does not take expressions of interest at the moment." in page


def test_an_unpublished_organisation_is_named_without_a_link(client):
    offer = OfferFactory(organisation__name="Firma Ukryta", organisation__is_published=False)

    page = client.get(page_url(offer, "en")).content.decode()

    assert "Firma Ukryta" in page
    assert url("companies:organisation_detail", "en", slug=offer.organisation.slug) not in page


@pytest.mark.parametrize("status", ["draft", "submitted", "rejected"])
def test_an_offer_not_yet_public_is_not_found(client, status):
    offer = OfferFactory(published=False, title="Tajna oferta")
    if status in ("submitted", "rejected"):
        services.offer_submit(offer=offer)
    if status == "rejected":
        services.offer_reject(offer=offer, by=None, reason="Niepełna.")

    response = client.get(page_url(offer, "en"))

    assert response.status_code == 404
    assert "Tajna oferta" not in response.content.decode()


@pytest.mark.parametrize("status", ["withdrawn", "archived"])
def test_a_withdrawn_or_archived_offer_is_gone(client, status):
    offer = OfferFactory(title="Wycofana oferta", summary="Tekst oferty.")
    services.offer_withdraw(offer=offer)
    if status == "archived":
        Offer.objects.filter(pk=offer.pk).update(status=Offer.Status.ARCHIVED)

    response = client.get(page_url(offer, "en"))

    page = response.content.decode()
    assert response.status_code == 410
    assert "This offer is no longer available: it was withdrawn or archived." in page
    assert "Tekst oferty." not in page
    assert "Express interest" not in page


@pytest.mark.parametrize("reference", ["OF-2026-99999", "OF-0000-1"])
def test_an_unknown_reference_is_not_found(client, reference):
    response = client.get(url("offers:offer_detail", "en", reference=reference))

    assert response.status_code == 404


@pytest.mark.parametrize("path", ["/en/offers/nonsense/", "/en/offers/OF-2026-1%00/"])
def test_a_malformed_reference_is_not_found(client, path):
    assert client.get(path).status_code == 404


# Anonymous offers.


def test_an_anonymous_offer_never_shows_the_organisation(client, dairy):
    organisation = OrganisationFactory(
        name="Mleczarnia Tajemnicza",
        slug="mleczarnia-tajemnicza",
        email="tajna@mleczarnia.example",
        website="https://mleczarnia.example",
        country="PL",
        size_class=Organisation.SizeClass.MEDIUM,
        clusters=[dairy],
    )
    offer = OfferFactory(organisation=organisation, is_anonymous=True, title="Mleko w proszku")

    for language in ("en", "it"):
        with translation.override(language):
            label = gettext("Anonymous offer")
        for address in (list_url(language), page_url(offer, language)):
            page = client.get(address).content.decode()
            assert "Mleko w proszku" in page
            assert label in page
            assert "Tajemnicza" not in page
            assert "tajna@mleczarnia.example" not in page
            assert "mleczarnia.example" not in page
            assert "mleczarnia-tajemnicza" not in page

    list_page = " ".join(client.get(list_url("en")).content.decode().split())
    assert "Anonymous offer, Poland · medium (50–249 persons)" in list_page
    detail = " ".join(client.get(page_url(offer, "en")).content.decode().split())
    assert "<dt>Country</dt> <dd>Poland</dd>" in detail
    assert f"<dt>Clusters</dt> <dd>{dairy.name_en}</dd>" in detail
    assert "<dt>Size</dt> <dd>medium (50–249 persons)</dd>" in detail
    assert "Contact through the office" in detail
    assert "Express interest" in detail


def test_an_anonymous_offer_is_not_listed_on_the_organisation_page(client):
    organisation = OrganisationFactory(name="Mleczarnia Jawna")
    OfferFactory(organisation=organisation, title="Oferta jawna")
    OfferFactory(organisation=organisation, title="Oferta anonimowa", is_anonymous=True)
    OfferFactory(organisation=organisation, title="Oferta robocza", published=False)
    other = OfferFactory(title="Oferta innej firmy")

    response = client.get(url("companies:organisation_detail", "en", slug=organisation.slug))

    page = response.content.decode()
    assert "Oferta jawna" in page
    assert "Oferta anonimowa" not in page
    assert "Oferta robocza" not in page
    assert "Oferta innej firmy" not in page
    assert ("pl", "Oferta jawna") in lang_parts(response)
    assert other.reference not in page


def test_an_organisation_without_live_offers_has_no_offers_section(client):
    organisation = OrganisationFactory()

    page = client.get(
        url("companies:organisation_detail", "en", slug=organisation.slug)
    ).content.decode()

    assert "organisation-offers" not in page


# Bad input never gives a 500.


@pytest.mark.parametrize(
    "query",
    [
        {"q": "ser\x00"},
        {"q": "a" * 5000},
        {"q": "ser" * 1000},
        {"kind": "nonsense"},
        {"cluster": "no-such-cluster"},
        {"cooperation": "x"},
        {"country": "XX"},
        {"target": "'; --"},
        {"activity": "99.99.99"},
        {"sort": "price"},
        {"q": "\x00", "page": "\x00", "sort": "\x00"},
    ],
)
def test_bad_filter_input_shows_the_errors(client, polish_offer, query):
    response = client.get(list_url("en"), query)

    assert response.status_code == 200
    assert response.context["filter"].form.errors
    assert "\x00" not in response.content.decode()
    assert 'class="invalid-feedback' in response.content.decode()


def test_words_with_nul_are_refused_with_a_message(client, polish_offer):
    response = client.get(list_url("en"), {"q": "przyczepy\x00"})

    assert response.context["filter"].form.errors["q"] == [NUL_REFUSED]


def test_too_many_words_are_refused_with_a_message(client, polish_offer):
    response = client.get(list_url("en"), {"q": "a" * 5000})

    assert response.context["filter"].form.errors["q"] == [
        "Ensure this value has at most 200 characters (it has 5000)."
    ]


def test_words_that_are_all_punctuation_or_stop_words_find_nothing_without_failing(
    client, polish_offer
):
    for query in ("!!! ??? &&&", "the and of", "'\"", "ą"):
        response = client.get(list_url("en"), {"q": query})
        assert response.status_code == 200, query


# Query counts: the same with 1 and with 50 offers.


def make_offers(count, cluster, activity):
    for number in range(count):
        offer = OfferFactory(
            title=f"Przyczepy rolnicze {number}",
            clusters=[cluster],
            activities=[activity],
            target_countries=["IT"],
            is_anonymous=number % 3 == 0,
        )
        if number % 2:
            add_translation(offer, "it", title=f"Rimorchi {number}", machine=number % 4 == 1)
    return offer


# The offer list's queries with its filters' options read from the database (cold,
# three queries: countries, clusters, activities) and kept in the cache (warm). A
# page of the list reads its offers' keys, then the offers whose cards it renders
# with their clusters and translation states. A search reads the keys of the
# matches it ranks with their count, in a transaction of its own (here a
# savepoint, its release, and the setting that reads them from the index), then
# ranks those rows by their keys.
@pytest.mark.parametrize(
    ("query", "cold", "warm"),
    [
        ({}, 8, 5),
        ({"q": "przyczepy"}, 11, 8),
        ({"q": "przyczepy", "cluster": "agricultural-machinery", "page": "2"}, 12, 9),
    ],
)
def test_the_list_runs_the_same_queries_with_1_and_50_offers(client, machinery, query, cold, warm):
    activity = ActivityFactory(code="28.30", name_pl="Maszyny rolnicze")
    make_offers(1, machinery, activity)
    address = list_url("it") + "?" + "&".join(f"{key}={value}" for key, value in query.items())
    one = count_queries(client, address)
    one_warm = count_queries(client, address)

    make_offers(49, machinery, activity)  # new offers: the options are read again
    fifty = count_queries(client, address)
    fifty_warm = count_queries(client, address)

    assert one == fifty
    assert one == cold
    assert one_warm == fifty_warm
    assert one_warm == warm


def test_the_list_runs_the_same_queries_whatever_the_countries_and_activities(client, machinery):
    OfferFactory(organisation=OrganisationFactory(country="PL"), target_countries=["IT"])
    counts = {}
    counts["few"] = (count_queries(client, list_url("it")), count_queries(client, list_url("it")))

    codes = [code for code, _name in countries][:40]
    for number, code in enumerate(codes):
        activity = ActivityFactory(code=f"{10 + number}.11", name_pl=f"Działalność {number}")
        OfferFactory(
            organisation=OrganisationFactory(country=code),
            target_countries=codes[number : number + 5],
            clusters=[machinery],
            activities=[activity],
        )
    counts["many"] = (count_queries(client, list_url("it")), count_queries(client, list_url("it")))

    page = client.get(list_url("it")).content.decode()
    assert all(f'<option value="{code}">' in page for code in codes)
    assert all(f'<option value="{10 + number}.11">' in page for number in range(40))
    assert counts == {"few": (8, 5), "many": (8, 5)}


def test_with_its_cards_and_count_kept_a_page_of_the_list_reads_only_its_keys(
    client, machinery, fragment_cache
):
    activity = ActivityFactory(code="28.30", name_pl="Maszyny rolnicze")
    make_offers(1, machinery, activity)
    count_queries(client, list_url("it"))
    one, first = queries_and_response(client, list_url("it"))

    make_offers(49, machinery, activity)
    count_queries(client, list_url("it"))
    fifty, page = queries_and_response(client, list_url("it"))

    assert (one, fifty) == (1, 1)
    assert first.content.decode().count("offer-card") == 1
    assert page.content.decode().count("offer-card") == settings.DIRECTORY_PAGE_SIZE


def test_with_its_body_kept_an_offer_page_reads_only_the_offers_state(
    client, machinery, fragment_cache
):
    offer = OfferFactory(clusters=[machinery], is_anonymous=True)
    built, first = queries_and_response(client, page_url(offer, "it"))
    served, again = queries_and_response(client, page_url(offer, "it"))

    assert (built, served) == (6, 1)
    assert again.content == first.content


# The offer page reads the offer's state, then the offer with what its page shows.
@pytest.mark.parametrize(("anonymous", "queries"), [(False, 5), (True, 6)])
def test_the_offer_page_runs_the_same_queries_with_1_and_50_offers(
    client, dairy, machinery, anonymous, queries
):
    activity = ActivityFactory(code="28.30", name_pl="Maszyny rolnicze")
    offer = OfferFactory(clusters=[machinery], activities=[activity], is_anonymous=anonymous)
    one = count_queries(client, page_url(offer, "it"))

    make_offers(49, machinery, activity)
    offer.clusters.add(dairy)
    offer.activities.add(ActivityFactory(code="10.51", name_pl="Mleczarstwo"))
    offer.organisation.clusters.set([dairy, machinery])
    add_translation(offer, "it", title="Rimorchi")
    fifty = count_queries(client, page_url(offer, "it"))

    assert one == fifty
    assert one == queries


def test_the_organisation_page_runs_the_same_queries_with_1_and_20_offers(client, machinery):
    organisation = OrganisationFactory()
    OfferFactory(organisation=organisation, clusters=[machinery])
    address = url("companies:organisation_detail", "it", slug=organisation.slug)
    one = count_queries(client, address)

    for _ in range(19):
        OfferFactory(organisation=organisation, clusters=[machinery])
    twenty = count_queries(client, address)

    assert one == twenty
    # The organisation's state, then the organisation with what its page shows.
    assert one == 9


def select_options(page, name):
    """The values of a select's options, in their order, without the empty one."""
    select = re.search(rf'<select name="{name}".*?</select>', page, re.S).group(0)
    return re.findall(r'<option value="([^"]+)"', select)


def test_the_country_filters_offer_the_countries_of_live_offers(client):
    OfferFactory(organisation=OrganisationFactory(country="IT"), target_countries=["AT", "PL"])
    OfferFactory(organisation=OrganisationFactory(country="CZ"), target_countries=["HU"])
    OfferFactory(
        organisation=OrganisationFactory(country="DE"), target_countries=["FR"], published=False
    )
    expired_offer(organisation=OrganisationFactory(country="RO"), target_countries=["BG"])

    page = client.get(list_url("en")).content.decode()

    assert select_options(page, "country") == ["CZ", "IT"]  # Czechia, Italy
    assert select_options(page, "target") == ["AT", "HU", "PL"]


def test_a_country_without_live_offers_is_still_a_filter_and_stays_chosen(client):
    OfferFactory(organisation=OrganisationFactory(country="IT"))

    response = client.get(list_url("en"), {"country": "FR", "target": "ES"})

    page = response.content.decode()
    assert not response.context["filter"].form.errors
    assert response.context["paginator"].count == 0
    assert '<option value="FR" selected>France</option>' in page
    assert '<option value="ES" selected>Spain</option>' in page
    assert select_options(page, "country") == ["FR", "IT"]


def test_the_country_filters_follow_offers_published_and_withdrawn(client):
    OfferFactory(organisation=OrganisationFactory(country="IT"))
    first = client.get(list_url("en")).content.decode()

    czech = OfferFactory(organisation=OrganisationFactory(country="CZ"), target_countries=["AT"])
    published = client.get(list_url("en")).content.decode()
    services.offer_withdraw(offer=czech)
    withdrawn = client.get(list_url("en")).content.decode()

    assert select_options(first, "country") == ["IT"]
    assert select_options(published, "country") == ["CZ", "IT"]
    assert select_options(published, "target") == ["AT"]
    assert select_options(withdrawn, "country") == ["IT"]
    assert select_options(withdrawn, "target") == []


def test_an_offer_past_its_date_leaves_the_country_filters_within_a_minute(client):
    OfferFactory(organisation=OrganisationFactory(country="IT"))
    ending = OfferFactory(organisation=OrganisationFactory(country="CZ"))
    Offer.objects.filter(pk=ending.pk).update(
        expires_at=timezone.now() + datetime.timedelta(seconds=30)
    )
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        before = client.get(list_url("en")).content.decode()
        traveller.shift(datetime.timedelta(seconds=61))
        after = client.get(list_url("en")).content.decode()

    assert select_options(before, "country") == ["CZ", "IT"]
    assert select_options(after, "country") == ["IT"]


def test_the_cluster_and_activity_filters_follow_their_edits(client):
    cluster = ClusterFactory(slug="wood", name_pl="Drzewny", name_en="Wood")
    activity = ActivityFactory(code="16.10", name_pl="Tartaki", name_en="Sawmills")
    before = client.get(list_url("en")).content.decode()

    cluster.name_en = "Timber"
    cluster.save()
    activity.name_en = "Sawmilling"
    activity.save()
    after = client.get(list_url("en")).content.decode()

    assert '<option value="wood">Wood</option>' in before
    assert '<option value="16.10">16.10 Sawmills</option>' in before
    assert '<option value="wood">Timber</option>' in after
    assert '<option value="16.10">16.10 Sawmilling</option>' in after


def test_the_filter_form_keeps_the_choices_and_ties_labels_to_controls(client, machinery):
    OfferFactory(organisation=OrganisationFactory(country="IT"), clusters=[machinery])

    page = client.get(
        list_url("en"), {"q": "trailers", "kind": "research", "country": "IT", "sort": "expiring"}
    ).content.decode()

    assert '<input type="text" name="q" value="trailers"' in page
    assert '<option value="research" selected>' in page
    assert '<option value="IT" selected>Italy</option>' in page
    assert '<option value="expiring" selected>' in page
    for name in FILTER_NAMES:
        assert f'<label for="id_{name}" class="form-label">' in page
        assert f'id="id_{name}"' in page


def test_an_alert_still_takes_any_country(client):
    OfferFactory(organisation=OrganisationFactory(country="IT"))

    search = selectors.search_from_data({"country": "FR", "target": "ES"}, "en")

    assert search.filters == {"country": "FR", "target": "ES"}
    assert not search.dropped


# Renewing by the link in the reminder.


def renew_url(token, language="en"):
    return url("offers:offer_renew", language, token=token)


def test_the_renew_link_shows_a_button_and_renews_on_post(client):
    offer = OfferFactory(title="Przyczepy")
    token = links.renew_token(offer)
    old_expiry = offer.expires_at

    shown = client.get(renew_url(token))
    offer.refresh_from_db()
    assert offer.expires_at == old_expiry  # a GET renews nothing
    assert shown.status_code == 200
    assert "Renew for twelve months" in shown.content.decode()

    response = client.post(renew_url(token))

    offer.refresh_from_db()
    assert offer.renewed_at is not None
    assert offer.expires_at == old_expiry + services.PUBLICATION_PERIOD
    page = " ".join(response.content.decode().split())
    assert (
        f"Your offer has been renewed. It is published until {date_shown(offer.expires_at)}."
        in page
    )


def test_an_offer_is_renewed_only_once(client):
    offer = OfferFactory()
    token = links.renew_token(offer)
    client.post(renew_url(token))
    offer.refresh_from_db()
    expiry = offer.expires_at

    again = client.post(renew_url(token))
    shown = client.get(renew_url(token))

    offer.refresh_from_db()
    assert offer.expires_at == expiry
    for response in (again, shown):
        page = " ".join(response.content.decode().split())
        assert "This offer has already been renewed once and cannot be renewed again." in page
        assert "Renew for twelve months" not in page


def test_an_expired_offer_is_renewed_from_today(client):
    offer = expired_offer()
    before = timezone.now()

    client.post(renew_url(links.renew_token(offer)))

    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED
    assert offer.expires_at >= before + services.PUBLICATION_PERIOD
    assert client.get(page_url(offer, "en")).status_code == 200
    assert "This offer has expired" not in client.get(page_url(offer, "en")).content.decode()


def test_a_withdrawn_offer_cannot_be_renewed(client):
    offer = OfferFactory()
    services.offer_withdraw(offer=offer)

    response = client.post(renew_url(links.renew_token(offer)))

    offer.refresh_from_db()
    assert offer.renewed_at is None
    assert "This offer can no longer be renewed" in response.content.decode()


@pytest.mark.parametrize(
    "token", ["forged", signing.dumps("OF-2026-00001", salt="other"), "a" * 3000]
)
def test_a_forged_renew_link_is_refused(client, token):
    OfferFactory()

    for response in (client.get(renew_url(token)), client.post(renew_url(token))):
        assert response.status_code == 400
        assert "This link is not valid" in response.content.decode()


def test_a_renew_link_for_an_unknown_offer_is_refused(client):
    token = signing.dumps("OF-1999-00001", salt=links.RENEW_SALT)

    assert client.post(renew_url(token)).status_code == 400


def test_an_old_renew_link_has_expired(client):
    offer = OfferFactory()
    long_ago = timezone.now().timestamp() - (links.RENEW_LINK_DAYS + 1) * 86400
    with mock.patch("django.core.signing.time.time", return_value=long_ago):
        token = links.renew_token(offer)

    response = client.post(renew_url(token))

    offer.refresh_from_db()
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert offer.renewed_at is None


def test_the_renew_page_is_in_the_readers_language(client):
    offer = OfferFactory(title="Przyczepy")

    response = client.get(renew_url(links.renew_token(offer), "it"))

    assert '<html lang="it">' in response.content.decode()
    assert re.search(r'<span lang="pl">Przyczepy</span>', response.content.decode())


# Pages kept for anonymous visitors (portal/common/page_cache.py), and their parts
# kept rendered for every reader (portal/common/fragments.py): a write that changes
# what they show retires them at once, a date within a minute.


def test_a_published_offer_enters_the_kept_list_and_search_at_once(client, kept):
    OfferFactory(title="Mleko w proszku")
    draft = OfferFactory(title="Sery dojrzewające dla hurtowni", published=False)
    services.offer_submit(offer=draft)
    before = {address: kept_page(client, address) for address in (list_url(), "/pl/offers/?q=sery")}

    services.offer_publish(offer=draft, by=None)

    for address, page in before.items():
        assert "Sery dojrzewające dla hurtowni" not in page
        assert "Sery dojrzewające dla hurtowni" in client.get(address).content.decode()


def test_a_withdrawn_offer_leaves_the_kept_list_and_its_page_says_so(client, kept):
    offer = OfferFactory(title="Maszyny do zbioru siana")
    listed = kept_page(client, list_url())
    kept_page(client, page_url(offer))

    services.offer_withdraw(offer=offer, reason="Sprzedane.")
    after = client.get(list_url()).content.decode()
    page = client.get(page_url(offer))

    assert "Maszyny do zbioru siana" in listed
    assert "Maszyny do zbioru siana" not in after
    assert page.status_code == 410


def test_an_edited_offer_shows_its_new_text_in_the_kept_pages(client, kept):
    offer = OfferFactory(title="Sery twarde")
    kept_page(client, list_url())
    kept_page(client, page_url(offer))

    services.offer_update_source(offer=offer, texts={"title": "Sery twarde i półtwarde"})

    assert "Sery twarde i półtwarde" in client.get(list_url()).content.decode()
    assert "Sery twarde i półtwarde" in client.get(page_url(offer)).content.decode()


@pytest.mark.parametrize("machine", [False, True], ids=["reviewed", "machine"])
def test_an_italian_translation_shows_in_the_kept_italian_pages(client, kept, machine):
    offer = OfferFactory(title="Sery twarde")
    italian = {
        address: kept_page(client, address) for address in (list_url("it"), page_url(offer, "it"))
    }
    polish = {address: kept_page(client, address) for address in (list_url(), page_url(offer))}

    if machine:
        add_translation(offer, "it", machine=True, title="Formaggi stagionati")
    else:
        services.offer_review_translation(
            offer=offer, language="it", texts={"title": "Formaggi stagionati"}, by=None
        )

    for address, page in italian.items():
        assert "Formaggi stagionati" not in page
        assert "Formaggi stagionati" in client.get(address).content.decode()
    for address, page in polish.items():
        # Built again (the write retires every language's pages) and still Polish.
        again = client.get(address).content.decode()
        assert "Sery twarde" in again and "Formaggi stagionati" not in again
        assert again == page


def test_an_offer_past_its_date_leaves_the_kept_pages_within_a_minute(client, kept):
    OfferFactory(title="Oferta stała")
    ending = OfferFactory(title="Oferta kończąca się")
    # No write announces a date that passes.
    Offer.objects.filter(pk=ending.pk).update(
        expires_at=timezone.now() + datetime.timedelta(seconds=90)
    )
    search = "/pl/offers/?q=oferta"
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        traveller.shift(datetime.timedelta(seconds=31))  # long after the last write
        before = [kept_page(client, address) for address in (list_url(), search, page_url(ending))]
        traveller.shift(datetime.timedelta(seconds=61))
        after = [client.get(address).content.decode() for address in (list_url(), search)]
        page = client.get(page_url(ending)).content.decode()

    assert all("Oferta kończąca się" in text for text in before)
    assert "offer-expired" not in before[2]
    assert all("Oferta kończąca się" not in text and "Oferta stała" in text for text in after)
    assert "offer-expired" in page


def test_a_renamed_organisation_shows_its_new_name_on_the_kept_offer_pages(client, kept):
    organisation = OrganisationFactory(name="Mleczarnia Stara")
    offer = OfferFactory(organisation=organisation)
    kept_page(client, list_url())
    kept_page(client, page_url(offer))

    organisation.name = "Mleczarnia Nowa"
    organisation.save()

    for address in (list_url(), page_url(offer)):
        page = client.get(address).content.decode()
        assert "Mleczarnia Nowa" in page and "Mleczarnia Stara" not in page, address


def test_a_cluster_renamed_or_added_shows_on_the_kept_offer_page(client, kept):
    wood = ClusterFactory(slug="wood", name_pl="Drzewny", name_en="Wood")
    metal = ClusterFactory(slug="metal", name_pl="Metalowy", name_en="Metal")
    offer = OfferFactory(clusters=[wood])
    kept_page(client, page_url(offer, "en"))

    wood.name_en = "Timber"
    wood.save()
    renamed = client.get(page_url(offer, "en")).content.decode()
    kept_page(client, page_url(offer, "en"))
    offer.clusters.add(metal)
    added = client.get(page_url(offer, "en")).content.decode()

    assert "Timber" in renamed and "Metal" not in renamed
    assert "Timber" in added and "Metal" in added


def test_an_offers_deletion_retires_its_kept_pages(client, kept):
    offer = OfferFactory(title="Oferta do usunięcia")
    kept_page(client, list_url())
    address = page_url(offer)
    kept_page(client, address)

    offer.delete()

    assert "Oferta do usunięcia" not in client.get(list_url()).content.decode()
    assert client.get(address).status_code == 404


def test_the_kept_filter_form_offers_the_country_of_a_new_offer_at_once(client, fragment_cache):
    OfferFactory(organisation=OrganisationFactory(country="PL"))
    before = kept_page(client, list_url("en"))

    OfferFactory(organisation=OrganisationFactory(country="AT"))
    after = client.get(list_url("en")).content.decode()

    assert '<option value="AT">Austria</option>' not in before
    assert '<option value="AT">Austria</option>' in after
    assert "2 offers found" in after
