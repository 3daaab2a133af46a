"""Reads of offers shared by pages, feeds, sitemaps, expressions of interest and alerts."""

import dataclasses
import datetime

from django import forms
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from companies.models import Activity, Cluster
from offers.filters import OfferFilter, country_options
from offers.models import (
    ExpressionOfInterest,
    Offer,
    OfferRevision,
    OfferTranslation,
    SavedSearch,
)
from portal.common import dashboard
from portal.common.cache import cached_per_language, forget
from portal.common.rows import first_row

EXPIRING_WITHIN = datetime.timedelta(days=14)
# The states of a translation that wait for a translator (a machine draft waits
# for a person's review), as every translation queue counts them.
QUEUE_STATES = dashboard.QUEUE_STATES


def reader_translation(language):
    """Prefetch of the translation state in the reader's language, as `reader_translations`."""
    return Prefetch(
        "translations",
        queryset=OfferTranslation.objects.filter(language=language),
        to_attr="reader_translations",
    )


def live_offers(language, now=None):
    """Published offers not past their date (checked at query time), ready to list."""
    return live_offer_rows(now).prefetch_related(*card_related(language))


def live_offer_rows(now=None):
    """Live offers with their organisation; what else a card shows is read by `card_related`
    only for the cards a page renders (the others are kept, portal/common/fragments.py)."""
    return Offer.objects.live(now).select_related("organisation")


def card_related(language):
    """What an offer's card reads besides its row and its organisation, to prefetch."""
    return ("clusters", reader_translation(language))


# The options of the offer list's filters, kept in the cache per language and
# forgotten when an offer, an organisation, a cluster or an activity changes. An
# offer also leaves the list when its date passes, which no write announces: they
# are kept a minute at most.
OFFER_LIST_OPTIONS = "offers:list-options"
OPTIONS_TIMEOUT = 60


def offer_list_options():
    """What the offer list's filters offer, as (value, label) pairs in the reader's language.

    The clusters and NACE classes, the countries of the organisations of live
    offers (`country`) and the countries live offers are interested in (`target`).
    """
    return cached_per_language(OFFER_LIST_OPTIONS, _offer_list_options, timeout=OPTIONS_TIMEOUT)


def forget_offer_list_options():
    forget(OFFER_LIST_OPTIONS)


def _offer_list_options():
    offering, targets = set(), set()
    pairs = (
        Offer.objects.live()
        .order_by()
        .values_list("organisation__country", "target_countries")
        .distinct()
    )
    for country, target_countries in pairs:
        offering.add(country)
        # A CountryField(multiple=True) is stored as "AT,CZ,IT".
        targets.update(code for code in target_countries.split(",") if code)
    activities = Activity.objects.filter(level=Activity.Level.CLASS).order_by("code")
    return {
        "clusters": [(cluster.slug, str(cluster)) for cluster in Cluster.objects.all()],
        "activities": [(activity.code, str(activity)) for activity in activities],
        "country": country_options(offering),
        "target": country_options(targets),
    }


def offer_for_page(reference, language):
    """One offer in any status (its page says when it is not live), or None."""
    return (
        _public_offers(reference)
        .select_related("organisation")
        .prefetch_related("activities", *card_related(language))
        .first()
    )


# What an offer's page needs to know before its body, kept rendered, is read.
PAGE_STATE_FIELDS = ("reference", "status", "expires_at", "open_for_interest", "updated_at")


# The states an offer's page is not shown in.
NOT_PUBLIC = (Offer.Status.DRAFT, Offer.Status.SUBMITTED, Offer.Status.REJECTED)


def offer_page_state(reference):
    """An offer's reference, status, date and last change (no other field is read), or None.

    Read on every visit of its page, by plain SQL (portal/common/rows.py).
    """
    return first_row(
        Offer,
        PAGE_STATE_FIELDS,
        "{reference} = %s AND {status} NOT IN (%s, %s, %s)",
        [reference, *NOT_PUBLIC],
    )


def _public_offers(reference):
    return Offer.objects.filter(reference=reference).exclude(status__in=NOT_PUBLIC)


def is_open_for_interest(offer, now=None):
    """Whether the offer is live and takes expressions of interest."""
    return Offer.objects.live(now).filter(pk=offer.pk, open_for_interest=True).exists()


def live_offers_of(organisation, language):
    return live_offers(language).filter(organisation=organisation).order_by("-published_at")


def now():
    return timezone.now()


# A firm's member area.


def organisation_offers(organisation, language):
    """Every offer of `organisation`, whatever its status, newest first, as a list row shows it.

    Each carries `has_pending_edit` (an edit awaiting the office's decision),
    `interests_forwarded` (how many expressions of interest reached the firm) and
    `reader_translations` (the state of its texts in `language`). Two queries.
    """
    pending = OfferRevision.objects.filter(
        offer=OuterRef("pk"), status=OfferRevision.Status.PENDING
    )
    return (
        Offer.objects.filter(organisation=organisation)
        .annotate(
            has_pending_edit=Exists(pending),
            interests_forwarded=Count(
                "expressions_of_interest",
                filter=Q(expressions_of_interest__status=ExpressionOfInterest.Status.FORWARDED),
            ),
        )
        .prefetch_related(reader_translation(language))
        .order_by("-created_at", "-pk")
    )


def interests_forwarded_to(organisation):
    """The expressions of interest the office forwarded to `organisation`, newest first.

    The partner's details and message as forwarded, the office's note, the offer
    (reference and texts) and the outcome recorded so far. One query.
    """
    return (
        ExpressionOfInterest.objects.filter(
            offer__organisation=organisation, status=ExpressionOfInterest.Status.FORWARDED
        )
        .select_related("offer")
        .order_by("-forwarded_at", "-pk")
    )


def expiring_soon(now=None):
    """Published offers whose date falls within the next 14 days (not yet past), as a Q."""
    now = now or timezone.now()
    return Q(
        status=Offer.Status.PUBLISHED, expires_at__gt=now, expires_at__lte=now + EXPIRING_WITHIN
    )


def translation_queue():
    """Translations awaiting a translator, of offers published or awaiting publication.

    Missing, outdated, or machine drafts not yet reviewed; never the source language.
    """
    return OfferTranslation.objects.filter(
        offer__status__in=[Offer.Status.PUBLISHED, Offer.Status.SUBMITTED],
        state__in=QUEUE_STATES,
    ).exclude(language=F("offer__source_language"))


# Alerts: a search of the offer list, kept and run again.

# The list's filters an alert keeps, beside its words ("q"); not the sort or page.
FILTERS = ("kind", "cluster", "cooperation", "country", "target", "activity")


@dataclasses.dataclass(frozen=True)
class Search:
    """A search of the offer list as an alert keeps it."""

    query: str
    filters: dict
    # Filters in the URL that are not valid (an unknown cluster, ...): left out.
    dropped: bool = False


def _filterset(data, language, queryset=None):
    return OfferFilter(
        data=data,
        queryset=Offer.objects.none() if queryset is None else queryset,
        language=language,
    )


def search_from_data(data, language):
    """The valid, non-empty filters and words of an offer-list URL's query string."""
    form = _filterset(data, language).form
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    filters = {}
    for name in FILTERS:
        value = cleaned.get(name)
        if name not in form.errors and value:
            # The value as the URL gives it: a cluster's slug, an activity's code.
            filters[name] = str(form.fields[name].prepare_value(value))
    query = "" if "q" in form.errors else cleaned.get("q") or ""
    dropped = any(name in form.errors for name in (*FILTERS, "q"))
    return Search(query=query, filters=filters, dropped=dropped)


def describe_search(query, filters, language):
    """The search in words, as (label, value) pairs in `language`; [] for all offers."""
    with translation.override(language):
        form = _filterset({**filters, "q": query}, language).form
        form.is_valid()
        cleaned = getattr(form, "cleaned_data", {})
        described = []
        if cleaned.get("q"):
            described.append((str(_("Words")), cleaned["q"]))
        for name in FILTERS:
            value = cleaned.get(name)
            if not value:
                continue
            field = form.fields[name]
            if isinstance(field, forms.ModelChoiceField):
                shown = str(value)
            elif not hasattr(field, "choices"):  # a country: any code is valid, no choices
                shown = str(countries.name(value) or value)
            else:
                shown = str(dict(field.choices).get(value, value))
            described.append((str(field.label), shown))
        return described


def describe_searches(searches, language):
    """`describe_search` of each (words, filters) pair, for a list of alerts: the
    clusters and NACE classes they name are read once for all (two queries at most).
    A value that is no longer valid is left out, as `describe_search` leaves it."""
    searches = list(searches)
    slugs = {filters["cluster"] for _query, filters in searches if filters.get("cluster")}
    codes = {filters["activity"] for _query, filters in searches if filters.get("activity")}
    with translation.override(language):
        named = {
            "cluster": {c.slug: str(c) for c in Cluster.objects.filter(slug__in=slugs)}
            if slugs
            else {},
            "activity": {
                a.code: str(a)
                for a in Activity.objects.filter(level=Activity.Level.CLASS, code__in=codes)
            }
            if codes
            else {},
        }
        fields = _filterset({}, language).form.fields
        every_country = {code: str(name) for code, name in countries}
        for name in FILTERS:
            if name in ("country", "target"):
                named[name] = every_country
            elif name not in named:
                named[name] = {str(value): str(label) for value, label in fields[name].choices}
        described = []
        for query, filters in searches:
            pairs = [(str(_("Words")), query)] if query else []
            for name in FILTERS:
                shown = named[name].get(str(filters.get(name) or ""))
                if filters.get(name) and shown is not None:
                    pairs.append((str(fields[name].label), shown))
            described.append(pairs)
        return described


def alerts_of(email):
    """The alerts kept for an e-mail address (any case), newest first."""
    return SavedSearch.objects.filter(email__iexact=email.strip()).order_by("-created_at", "-pk")


def alert_new_offers(alert, now):
    """Live offers published since the alert's last digest that match its search.

    None when the stored search no longer validates (a cluster deleted, ...): an
    alert never silently widens to every offer.
    """
    since = alert.last_sent_at or alert.confirmed_at
    queryset = live_offers(alert.language, now).filter(
        published_at__gt=since, published_at__lte=now
    )
    filterset = _filterset(
        {**alert.filters, "q": alert.query, "sort": "newest"}, alert.language, queryset
    )
    if not filterset.is_valid():
        return None
    return list(filterset.qs)
