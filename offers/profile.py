"""The offers' part of a cluster's profile: live offers by kind."""

from collections import Counter

from django.utils.translation import gettext as _

from companies.analysis.profile import organisations_in_scope, scope_note
from offers.models import Offer
from portal.common.cluster_profile import ProfilePart


def offer_parts(*, cluster, region=None):
    """Live offers of the organisations in scope, by kind: two queries."""
    scope = organisations_in_scope(cluster=cluster, region=region)
    total = scope.count()
    offers = list(
        Offer.objects.live().filter(organisation__in=scope).values_list("organisation", "kind")
    )
    kinds = Counter(kind for _organisation, kind in offers)
    return [
        ProfilePart(
            title=_("Live co-operation offers by kind"),
            rows=[(label, kinds[kind]) for kind, label in Offer.Kind.choices if kinds[kind]],
            answered=len({organisation for organisation, _kind in offers}),
            total=total,
            note=" ".join(
                (_("Offers published and not past their expiry date."), scope_note(region))
            ),
            label_heading=_("Kind of offer"),
            count_heading=_("Offers"),
        )
    ]
