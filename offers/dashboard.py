"""The offers' blocks on the admin's start page (portal/common/dashboard.py).

Registered from OffersConfig.ready(). The moderators' rows need the permission to
moderate offers (translators view offers too, but do not publish them); the
translation queue, to translate or change offers. Offers submitted and offers
expiring are counted in one query, the translation queue in one; the edits
awaiting a decision need, besides, the permission to view them.
"""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from offers import selectors
from offers.models import ExpressionOfInterest, Offer, OfferRevision, OfferTranslation
from portal.common.dashboard import (
    QUEUE_STATES,
    Awaiting,
    Figure,
    Row,
    TranslationQueue,
    admin_list_url,
    queue_rows,
)

State = OfferTranslation.State


def may_moderate_offers(user):
    return user.has_perm("offers.view_offer") and user.has_perm("offers.moderate_offer")


def may_decide_edits(user):
    return user.has_perm("offers.view_offerrevision") and user.has_perm("offers.moderate_offer")


def may_see_interests(user):
    return user.has_perm("offers.view_expressionofinterest")


def may_translate_offers(user):
    return user.has_perm("offers.translate_offer") or user.has_perm("offers.change_offer")


def count_offers(user, now):
    offers = Offer.objects.aggregate(
        submitted=Count("pk", filter=Q(status=Offer.Status.SUBMITTED)),
        expiring=Count("pk", filter=selectors.expiring_soon(now)),
    )
    return {
        "offers_submitted": Figure(
            offers["submitted"],
            admin_list_url("offers_offer_changelist", status__exact=Offer.Status.SUBMITTED),
        ),
        "offers_expiring": Figure(
            offers["expiring"], admin_list_url("offers_offer_changelist", expires="14d")
        ),
    }


def count_interests(user, now):
    new = ExpressionOfInterest.objects.filter(status=ExpressionOfInterest.Status.NEW).count()
    return {
        "interests_new": Figure(
            new,
            admin_list_url(
                "offers_expressionofinterest_changelist",
                status__exact=ExpressionOfInterest.Status.NEW,
            ),
        )
    }


def count_edits(user, now):
    pending = OfferRevision.objects.filter(status=OfferRevision.Status.PENDING).count()
    return {
        "offer_edits_pending": Figure(
            pending,
            admin_list_url(
                "offers_offerrevision_changelist", status__exact=OfferRevision.Status.PENDING
            ),
        )
    }


def count_translation_queue(user, now):
    """Per language: how many translations are missing, outdated, machine drafts."""
    counted = {
        row.pop("language"): row
        for row in selectors.translation_queue()
        .values("language")
        .annotate(**{state.value: Count("pk", filter=Q(state=state)) for state in QUEUE_STATES})
        .order_by()
    }
    url = reverse("admin:offers_offer_changelist")
    return queue_rows(
        counted,
        lambda language, state: f"{url}?{urlencode({'translation_queue': f'{language}-{state}'})}",
    )


OFFERS = Awaiting(
    rows=(
        Row("offers_submitted", _("Offers submitted for publication"), order=20),
        Row("offers_expiring", _("Published offers expiring within 14 days"), order=40),
    ),
    may_see=may_moderate_offers,
    count=count_offers,
)

EDITS = Awaiting(
    rows=(
        Row("offer_edits_pending", _("Edits of published offers awaiting a decision"), order=25),
    ),
    may_see=may_decide_edits,
    count=count_edits,
)

INTERESTS = Awaiting(
    rows=(Row("interests_new", _("New expressions of interest"), order=30),),
    may_see=may_see_interests,
    count=count_interests,
)

TRANSLATION_QUEUE = TranslationQueue(
    caption=_("Translation queue: offers published or awaiting publication"),
    element_id="dashboard-translation-queue",
    figure_prefix="queue",
    order=10,
    may_see=may_translate_offers,
    count=count_translation_queue,
)

BLOCKS = (OFFERS, EDITS, INTERESTS, TRANSLATION_QUEUE)
