"""Reads of the directory shared by views, with their joins and prefetches."""

from django.db.models import Prefetch

from companies.models import Cluster, ContactPerson, Organisation


def organisation_list():
    """Published organisations, with what a list row shows."""
    return Organisation.objects.published().prefetch_related(
        Prefetch("clusters", queryset=Cluster.objects.only("pk", "slug", "name"))
    )


def directory_choices():
    """Countries and regions that published organisations are in (one query)."""
    pairs = Organisation.objects.published().order_by().values_list("country", "region").distinct()
    countries, regions = set(), set()
    for country, region in pairs:
        countries.add(country)
        if region:
            regions.add(region)
    return {"countries": sorted(countries), "regions": sorted(regions)}


def organisation_detail_queryset():
    """Published organisations with all an organisation page shows.

    Contact persons come only when they agreed to publication.
    """
    return Organisation.objects.published().prefetch_related(
        "clusters",
        "activities",
        "certifications",
        Prefetch(
            "contacts",
            queryset=ContactPerson.objects.filter(publication_consent=True),
            to_attr="public_contacts",
        ),
    )


def map_points(queryset):
    """Position, name and address of organisations that have a position."""
    return queryset.filter(latitude__isnull=False, longitude__isnull=False).values(
        "slug", "name", "town", "kind", "latitude", "longitude"
    )


def cluster_detail_queryset():
    return Cluster.objects.prefetch_related("activities")


def cluster_members(cluster):
    return organisation_list().filter(pk__in=cluster.organisations.values("pk"))
