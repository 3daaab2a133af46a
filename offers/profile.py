"""The offers' part of a cluster's profile: live offers by kind."""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _

from companies.analysis.profile import organisations_in_scope, scope_note
from offers.models import Offer
from portal.common.cluster_profile import ProfilePart


def offer_parts(*, cluster, region=None):
    """Live offers of the organisations in scope, by kind: two queries, each
    counted by the database."""
    scope = organisations_in_scope(cluster=cluster, region=region)
    live = Offer.objects.live()
    kinds = dict(
        live.filter(organisation__in=scope.values("pk"))
        .values_list("kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counted = scope.aggregate(
        total=Count("pk"),
        offering=Count("pk", filter=Q(Exists(live.filter(organisation=OuterRef("pk"))))),
    )
    return [
        ProfilePart(
            title=_("Live co-operation offers by kind"),
            rows=[(label, kinds[kind]) for kind, label in Offer.Kind.choices if kinds.get(kind)],
            answered=counted["offering"],
            total=counted["total"],
            note=" ".join(
                (_("Offers published and not past their expiry date."), scope_note(region))
            ),
            label_heading=_("Kind of offer"),
            count_heading=_("Offers"),
        )
    ]
