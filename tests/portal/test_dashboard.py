"""The admin's start page: its figures against the database, and who sees which."""

import datetime
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from companies import services as company_services
from companies.models import OrganisationRevision
from offers import services
from offers.models import ExpressionOfInterest, Offer, OfferRevision, OfferTranslation
from offers.services import interest
from portal.common import dashboard
from portal.common.languages import LANGUAGE_CODES
from portal.common.translations import translatable_for
from portal.news.models import NewsItem
from portal.project.models import Partner
from portal.roles import ADMINISTRATOR, EDITOR, MODERATOR, TRANSLATOR
from questionnaire import services as submission_services
from questionnaire.models import Submission
from tests.factories import ContactPersonFactory, OrganisationFactory
from tests.helpers import add_roles, sign_in
from tests.offers.factories import OfferFactory, add_translation, expired_offer
from tests.offers.interest import make_interest
from tests.questionnaire.submissions import make_submission

pytestmark = pytest.mark.django_db

Status = Offer.Status
State = OfferTranslation.State
DAY = datetime.timedelta(days=1)
QUEUE = {"missing": State.MISSING, "outdated": State.OUTDATED, "machine": State.MACHINE}


class FigureParser(HTMLParser):
    """The page's figures: {data-figure: (number shown, link)}."""

    def __init__(self):
        super().__init__()
        self.figures, self._open = {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "data-figure" in attrs:
            self._open = (attrs["data-figure"], attrs["href"])

    def handle_data(self, data):
        if self._open and data.strip():
            name, href = self._open
            self.figures[name] = (int(data), href)
            self._open = None


def figures(response):
    parser = FigureParser()
    parser.feed(response.content.decode())
    return parser.figures


def published_expiring_in(days, **kwargs):
    return OfferFactory(published_at=timezone.now() - (365 - days) * DAY, **kwargs)


def offer_with_status(status, **kwargs):
    """An offer brought to `status` by the services, as it would be in use."""
    if status == Status.PUBLISHED:
        return OfferFactory(**kwargs)
    if status == Status.EXPIRED:
        return services.offer_expire(offer=expired_offer(**kwargs))
    offer = OfferFactory(published=False, **kwargs)
    if status == Status.DRAFT:
        return offer
    if status == Status.WITHDRAWN:
        return services.offer_withdraw(offer=offer)
    if status == Status.ARCHIVED:
        return services.offer_archive(offer=services.offer_withdraw(offer=offer))
    offer = services.offer_submit(offer=offer)
    if status == Status.REJECTED:
        return services.offer_reject(offer=offer, by=None, reason="Niepełna.")
    return offer


def translate_every_way(offer):
    """Italian by a person, German by a machine, both then outdated; Czech a machine
    draft; English by a person; Hungarian outdated by a person; the rest missing."""
    add_translation(offer, "it", title="Offerta")
    add_translation(offer, "de", machine=True, title="Angebot")
    source = offer.source_language
    services.offer_update_source(offer=offer, texts={"summary": f"Nowe {offer.pk}."})
    add_translation(offer, "cs", machine=True, title="Nabídka")
    add_translation(offer, "en", title="Offer")
    if source != "hu":
        add_translation(offer, "hu", title="Ajánlat")
        services.offer_update_source(offer=offer, texts={"summary": f"Nowsze {offer.pk}."})
        add_translation(offer, "cs", machine=True, title="Nabídka")
        add_translation(offer, "en", title="Offer")
        add_translation(offer, "it", title="Offerta")


@pytest.fixture(autouse=True)
def _roles():
    add_roles()


@pytest.fixture
def staff():
    return User.objects.create_user("staff", "staff@urzad.example", "pass", is_staff=True)


@pytest.fixture
def world(staff):
    """Offers in every status, expiry dates around 14 days, translations in every
    state and origin, submissions in every status and expressions of interest."""
    offers = []
    for status in Status:
        for language in ("pl", "it"):
            offer = offer_with_status(status, language=language)
            translate_every_way(offer)
            offers.append(offer)
    offer_with_status(Status.SUBMITTED, language="de")
    for days in (3, 14, 20):
        published_expiring_in(days)
    expired_offer()  # past its date, not yet marked expired

    make_submission(confirm=False)
    make_submission(language="it")
    make_submission(language="de")
    submission_services.submission_accept(submission=make_submission(), by=staff)
    submission_services.submission_reject(submission=make_submission(), by=staff, reason="Nie.")
    submission_services.submission_request_changes(
        submission=make_submission(), by=staff, reason="Uzupełnij."
    )

    # News: published with a translation, published and scheduled with none, a draft.
    NewsItem.objects.create(slug="sery", title_pl="Sery", title_it="Formaggi", is_published=True)
    NewsItem.objects.create(
        slug="studium",
        title_pl="Studium",
        is_published=True,
        publish_at=timezone.now() + 3 * DAY,
    )
    NewsItem.objects.create(slug="szkic", title_pl="Szkic")

    published = Offer.objects.filter(status=Status.PUBLISHED).order_by("pk")
    make_interest(published[0])
    make_interest(published[1])
    interest.interest_set_status(
        interest=make_interest(published[2]),
        status=ExpressionOfInterest.Status.DECLINED,
        by=staff,
    )
    firm = ContactPersonFactory(email="jan@firma.example").organisation
    forwarded = make_interest(OfferFactory(organisation=firm))
    interest.interest_forward(interest=forwarded, by=staff)
    interest.interest_forward(interest=make_interest(OfferFactory(organisation=firm)), by=staff)
    interest.interest_set_outcome(
        interest=forwarded, outcome=ExpressionOfInterest.Outcome.AGREEMENT, by=staff
    )

    # Edits of published offers: two awaiting a decision, one accepted, one replaced.
    published = list(published)
    services.offer_propose_edit(offer=published[0], changes={"title": "Nowy"}, by=staff)
    services.offer_propose_edit(offer=published[0], changes={"keywords": "ser"}, by=staff)
    services.offer_propose_edit(offer=published[1], changes={"title": "Inny"}, by=staff)
    services.offer_accept_edit(
        revision=services.offer_propose_edit(
            offer=published[2], changes={"title": "Przyjęty"}, by=staff
        ),
        by=staff,
    )

    # Proposed changes to organisations: pending, superseded, accepted, rejected, withdrawn.
    for _number in range(2):
        superseded = OrganisationFactory()
        propose(superseded, name="Pierwsza propozycja")
        propose(superseded, name="Druga propozycja")
    company_services.organisation_accept_revision(revision=propose(), by=staff)
    company_services.organisation_reject_revision(revision=propose(), by=staff, reason="Nie.")
    company_services.organisation_withdraw_revision(revision=propose(), by=None)


def propose(organisation=None, name="Nowa nazwa"):
    return company_services.organisation_propose_revision(
        organisation=organisation or OrganisationFactory(),
        changes={"name": name},
        language="pl",
        by=None,
    )


def expected_rows():
    """What each figure should count, worked out row by row: {figure: primary keys}."""
    now = timezone.now()
    offers = list(Offer.objects.all())
    rows = {
        "submissions_awaiting_review": {
            submission.pk
            for submission in Submission.objects.all()
            if submission.status == Submission.Status.CONFIRMED
        },
        "offers_submitted": {offer.pk for offer in offers if offer.status == Status.SUBMITTED},
        "offers_expiring": {
            offer.pk
            for offer in offers
            if offer.status == Status.PUBLISHED and now < offer.expires_at <= now + 14 * DAY
        },
        "interests_new": {
            expression.pk
            for expression in ExpressionOfInterest.objects.all()
            if expression.status == ExpressionOfInterest.Status.NEW
        },
        "offer_edits_pending": {
            revision.pk
            for revision in OfferRevision.objects.all()
            if revision.status == OfferRevision.Status.PENDING
        },
        "revisions_pending": {
            revision.pk
            for revision in OrganisationRevision.objects.all()
            if revision.status == OrganisationRevision.Status.PENDING
        },
    }
    for code in LANGUAGE_CODES:
        for word in QUEUE:
            rows[f"queue-{code}-{word}"] = set()
            rows[f"news-queue-{code}-{word}"] = set()
    news = translatable_for(NewsItem)
    for item in NewsItem.objects.filter(is_published=True):
        for code, state in news.states(item, news.source_language(item)).items():
            if state in QUEUE.values():
                word = {state: word for word, state in QUEUE.items()}[state]
                rows[f"news-queue-{code}-{word}"].add(item.pk)
    # No events or documents here: their queues are tested in
    # tests/portal/events/test_admin.py and tests/portal/documents/test_admin.py.
    for code in LANGUAGE_CODES:
        for word in QUEUE:
            rows[f"event-queue-{code}-{word}"] = set()
            rows[f"queue-documents-{code}-{word}"] = set()
            rows[f"partner-queue-{code}-{word}"] = set()
    # The project's partners, as the migrations seed them.
    partners = translatable_for(Partner)
    for partner in Partner.objects.all():
        for code, state in partners.states(partner, partners.source_language(partner)).items():
            if state in QUEUE.values():
                word = {state: word for word, state in QUEUE.items()}[state]
                rows[f"partner-queue-{code}-{word}"].add(partner.pk)
    for row in OfferTranslation.objects.select_related("offer"):
        offer = row.offer
        waiting = offer.status in {Status.PUBLISHED, Status.SUBMITTED}
        if waiting and row.language != offer.source_language and row.state in QUEUE.values():
            word = {state: word for word, state in QUEUE.items()}[row.state]
            rows[f"queue-{row.language}-{word}"].add(offer.pk)
    return rows


def listed(client, url):
    """The primary keys of the admin list a figure links to (every page of it)."""
    response = client.get(url)
    assert response.status_code == 200
    return set(response.context["cl"].queryset.values_list("pk", flat=True))


def test_the_figures_match_the_database_and_link_to_exactly_their_rows(client, world):
    sign_in(client, ADMINISTRATOR)
    rows = expected_rows()

    response = client.get(reverse("admin:index"))

    shown = figures(response)
    assert {name: number for name, (number, _url) in shown.items()} == {
        name: len(pks) for name, pks in rows.items()
    }
    assert {name: listed(client, url) for name, (_number, url) in shown.items()} == rows
    # The set-up reaches every case the figures tell apart.
    assert len(rows["offers_expiring"]) == 2  # in 3 and in 14 days
    assert all(rows[name] for name in ("offers_submitted", "submissions_awaiting_review"))
    assert rows["interests_new"]
    assert len(rows["offer_edits_pending"]) == 2
    assert len(rows["revisions_pending"]) == 2  # the newer of each organisation's two
    assert {name.rsplit("-", 1)[1] for name, pks in rows.items() if "queue" in name and pks} == {
        "missing",
        "outdated",
        "machine",
    }


def test_a_translation_of_an_offers_source_language_is_not_in_the_queue(client):
    offer = OfferFactory(language="it")
    # Left behind by a change of source language, say: the source's own row is no gap.
    OfferTranslation.objects.filter(offer=offer, language="it").update(state=State.MISSING)
    sign_in(client, ADMINISTRATOR)

    shown = figures(client.get(reverse("admin:index")))

    assert shown["queue-it-missing"][0] == 0
    assert shown["queue-pl-missing"][0] == 1
    assert listed(client, shown["queue-it-missing"][1]) == set()


def test_each_role_sees_the_blocks_it_may_open(client, world):
    moderation = {"submissions_awaiting_review", "offers_submitted", "offers_expiring"}
    moderation |= {"interests_new", "offer_edits_pending", "revisions_pending"}
    queue = {f"queue-{code}-{word}" for code in LANGUAGE_CODES for word in QUEUE}
    news_queue = {f"news-queue-{code}-{word}" for code in LANGUAGE_CODES for word in QUEUE}
    event_queue = {f"event-{figure}" for figure in queue}
    document_queue = {f"queue-documents-{code}-{word}" for code in LANGUAGE_CODES for word in QUEUE}
    partner_queue = {f"partner-queue-{code}-{word}" for code in LANGUAGE_CODES for word in QUEUE}
    content_queues = news_queue | event_queue | document_queue | partner_queue
    seen = {}
    for role in (MODERATOR, TRANSLATOR, EDITOR, ADMINISTRATOR):
        client.logout()
        sign_in(client, role)
        response = client.get(reverse("admin:index"))
        assert response.status_code == 200
        seen[role] = set(figures(response))

    assert seen == {
        MODERATOR: moderation | queue,
        TRANSLATOR: queue | content_queues,
        EDITOR: content_queues,
        ADMINISTRATOR: moderation | queue | content_queues,
    }


@pytest.mark.parametrize(
    # The news', the events' and the documents' translation queues: one query each without any
    # record, for editors, translators and administrators; the partners' (seeded by a
    # migration) two: the partners and their translation records.
    ("role", "queries"),
    [(EDITOR, 5), (TRANSLATOR, 6), (MODERATOR, 6), (ADMINISTRATOR, 11)],
)
def test_nothing_is_counted_for_a_block_the_user_may_not_see(
    role, queries, django_assert_num_queries
):
    user = User.objects.create_user(role, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    user.has_perm("offers.view_offer")  # the permissions, read once and kept
    ContentType.objects.get_for_model(Partner)  # kept by Django once read

    with django_assert_num_queries(queries):
        board = dashboard.dashboard_for(user)

    assert [shown.queue.figure_prefix for shown in board.translation_queue] == {
        EDITOR: ["news-queue", "event-queue", "queue-documents", "partner-queue"],
        TRANSLATOR: ["queue", "news-queue", "event-queue", "queue-documents", "partner-queue"],
        MODERATOR: ["queue"],
        ADMINISTRATOR: ["queue", "news-queue", "event-queue", "queue-documents", "partner-queue"],
    }[role]


def test_the_start_page_makes_as_many_queries_for_thirty_offers_as_for_one(
    client, django_assert_num_queries
):
    sign_in(client, ADMINISTRATOR)
    OfferFactory(published=False)
    ContentType.objects.get_for_model(Partner)  # kept by Django once read
    with CaptureQueriesContext(connection) as one_offer:
        client.get(reverse("admin:index"))
    assert len(one_offer) == 17
    for number in range(29):
        offer = offer_with_status([Status.SUBMITTED, Status.PUBLISHED][number % 2])
        add_translation(offer, "it", machine=True, title="Offerta")
    published_expiring_in(5)

    with django_assert_num_queries(len(one_offer)):
        response = client.get(reverse("admin:index"))

    assert figures(response)["offers_submitted"][0] == 15


def test_proposed_changes_awaiting_a_decision_cost_one_query_however_many(
    client, django_assert_num_queries
):
    sign_in(client, MODERATOR)
    propose()
    with CaptureQueriesContext(connection) as one:
        first = client.get(reverse("admin:index"))
    for _number in range(20):
        propose()
    company_services.organisation_reject_revision(revision=propose(), by=None, reason="Nie.")

    with django_assert_num_queries(len(one)):
        response = client.get(reverse("admin:index"))

    assert figures(first)["revisions_pending"][0] == 1
    number, url = figures(response)["revisions_pending"]
    assert number == 21
    assert url == reverse("admin:companies_organisationrevision_changelist") + (
        "?status__exact=pending"
    )
    assert "Proponowane zmiany organizacji czekające na decyzję" in response.content.decode()
