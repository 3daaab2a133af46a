"""The admin's start page: what awaits the staff, counted for one user.

Each block is counted only for a user who may open the list it links to, and
does that list's work: the moderators' queues need the permission to moderate
offers (translators view offers too, but do not publish them); the translation
queue, to translate or change offers. A handful of queries, whatever the number
of offers.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode

from offers import selectors
from offers.models import ExpressionOfInterest, Offer, OfferTranslation
from portal.common.languages import LANGUAGE_CODES
from questionnaire.models import Submission

State = OfferTranslation.State


@dataclass(frozen=True)
class Figure:
    """A number and the admin list that shows exactly those rows."""

    number: int
    url: str


@dataclass(frozen=True)
class QueueRow:
    language: str
    missing: Figure
    outdated: Figure
    machine: Figure


@dataclass(frozen=True)
class Dashboard:
    # None: the user may not see the block.
    submissions_awaiting_review: Figure | None = None
    offers_submitted: Figure | None = None
    offers_expiring: Figure | None = None
    interests_new: Figure | None = None
    translation_queue: list[QueueRow] | None = None

    @property
    def is_empty(self):
        return self == Dashboard()


def _url(name, **query):
    return f"{reverse(f'admin:{name}')}?{urlencode(query)}"


def may_see_submissions(user):
    return user.has_perm("questionnaire.view_submission")


def may_moderate_offers(user):
    return user.has_perm("offers.view_offer") and user.has_perm("offers.moderate_offer")


def may_see_interests(user):
    return user.has_perm("offers.view_expressionofinterest")


def may_translate_offers(user):
    return user.has_perm("offers.translate_offer") or user.has_perm("offers.change_offer")


def dashboard_for(user, now=None):
    """The dashboard's figures that `user` may see (None for the others)."""
    figures = {}
    if may_see_submissions(user):
        awaiting = Submission.objects.filter(status=Submission.Status.CONFIRMED).count()
        figures["submissions_awaiting_review"] = Figure(
            awaiting,
            _url("questionnaire_submission_changelist", queue=Submission.Status.CONFIRMED),
        )
    if may_moderate_offers(user):
        offers = Offer.objects.aggregate(
            submitted=Count("pk", filter=Q(status=Offer.Status.SUBMITTED)),
            expiring=Count("pk", filter=selectors.expiring_soon(now)),
        )
        figures["offers_submitted"] = Figure(
            offers["submitted"],
            _url("offers_offer_changelist", status__exact=Offer.Status.SUBMITTED),
        )
        figures["offers_expiring"] = Figure(
            offers["expiring"], _url("offers_offer_changelist", expires="14d")
        )
    if may_see_interests(user):
        new = ExpressionOfInterest.objects.filter(status=ExpressionOfInterest.Status.NEW).count()
        figures["interests_new"] = Figure(
            new,
            _url(
                "offers_expressionofinterest_changelist",
                status__exact=ExpressionOfInterest.Status.NEW,
            ),
        )
    if may_translate_offers(user):
        figures["translation_queue"] = _translation_queue()
    return Dashboard(**figures)


def _translation_queue():
    """Per language: how many translations are missing, outdated, machine drafts."""
    counted = {
        row["language"]: row
        for row in selectors.translation_queue()
        .values("language")
        .annotate(
            missing=Count("pk", filter=Q(state=State.MISSING)),
            outdated=Count("pk", filter=Q(state=State.OUTDATED)),
            machine=Count("pk", filter=Q(state=State.MACHINE)),
        )
        .order_by()
    }
    url = reverse("admin:offers_offer_changelist")

    def figure(code, state, key):
        number = counted.get(code, {}).get(key, 0)
        return Figure(number, f"{url}?{urlencode({'translation_queue': f'{code}-{state}'})}")

    return [
        QueueRow(
            language=code,
            missing=figure(code, State.MISSING, "missing"),
            outdated=figure(code, State.OUTDATED, "outdated"),
            machine=figure(code, State.MACHINE, "machine"),
        )
        for code in LANGUAGE_CODES
    ]
