"""Reads of the project page: its partners and the milestones on its timeline."""

from django.db.models import Prefetch, Q
from django.utils import timezone

from companies.models import Cluster
from portal.events.models import Event
from portal.project.models import Partner


def partner_list():
    """Every partner of the project, the lead partner first, then in the staff's order."""
    return Partner.objects.order_by("-is_lead", "order", "pk")


def milestone_list():
    """Published events marked as milestones of the project, in the order they began,
    with their clusters."""
    now = timezone.now()
    return (
        Event.objects.filter(status=Event.Status.PUBLISHED, is_milestone=True)
        .filter(Q(published_at__isnull=True) | Q(published_at__lte=now))
        .prefetch_related(Prefetch("clusters", queryset=Cluster.objects.only("pk", "slug", "name")))
        .order_by("starts_at", "pk")
    )


def map_points(partners):
    """The partners that have a position, as points for the map (portal/static/js/map.js)."""
    return [
        {
            "name": partner.name,
            "town": partner.country.name,
            "kind": "",
            "lat": float(partner.latitude),
            "lon": float(partner.longitude),
        }
        for partner in partners
        if partner.has_position
    ]
