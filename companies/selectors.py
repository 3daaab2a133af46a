"""Reads of the directory shared by views, with their joins and prefetches."""

from django.db.models import Prefetch
from django_countries import countries

from companies.models import Activity, Certification, Cluster, ContactPerson, Organisation
from portal.common.cache import cached_per_language, forget
from portal.common.rows import first_row

# The directory filters' options, kept in the cache per language a minute at most;
# forgotten when an organisation, a cluster, an activity or a certification changes.
DIRECTORY_OPTIONS = "companies:directory-options"
OPTIONS_TIMEOUT = 60


def organisation_list():
    """Published organisations, with what a list row shows."""
    return Organisation.objects.published().prefetch_related(*card_related())


def card_related():
    """What an organisation's card reads besides its row, to prefetch (the directory
    reads it only for the cards it renders, the others are kept:
    portal/common/fragments.py)."""
    return (Prefetch("clusters", queryset=Cluster.objects.only("pk", "slug", "name")),)


def directory_choices():
    """The options of the directory's filters in the reader's language (from the cache).

    (value, label) pairs: the countries and regions that published organisations
    are in, every country as an export market, the clusters, NACE activities and
    certifications.
    """
    return cached_per_language(DIRECTORY_OPTIONS, _directory_options, timeout=OPTIONS_TIMEOUT)


def forget_directory_choices():
    forget(DIRECTORY_OPTIONS)


def _directory_options():
    pairs = Organisation.objects.published().order_by().values_list("country", "region").distinct()
    codes, regions = set(), set()
    for country, region in pairs:
        codes.add(country)
        if region:
            regions.add(region)
    names = dict(countries)
    return {
        "countries": sorted(
            ((code, str(names.get(code, code))) for code in codes),
            key=lambda choice: choice[1],
        ),
        "regions": [(region, region) for region in sorted(regions)],
        "markets": [(code, str(name)) for code, name in countries],
        "clusters": [(cluster.slug, str(cluster)) for cluster in Cluster.objects.all()],
        "activities": [(activity.code, str(activity)) for activity in Activity.objects.all()],
        "certifications": [
            (certification.slug, str(certification))
            for certification in Certification.objects.all()
        ],
    }


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


# What an organisation's page reads before its body, kept rendered: its title, and
# whether it loads the map's files (its position).
PAGE_STATE_FIELDS = ("slug", "name", "latitude", "longitude", "updated_at")


def organisation_page_state(slug):
    """A published organisation with only what its page shows outside its body, or None.

    Read on every visit of its page, by plain SQL (portal/common/rows.py).
    """
    return first_row(Organisation, PAGE_STATE_FIELDS, "{slug} = %s AND {is_published}", [slug])


def map_points(queryset):
    """Position, name and address of organisations that have a position."""
    return queryset.filter(latitude__isnull=False, longitude__isnull=False).values(
        "slug", "name", "town", "kind", "latitude", "longitude"
    )


def cluster_detail_queryset():
    return Cluster.objects.prefetch_related("activities")


def cluster_members(cluster):
    return organisation_list().filter(pk__in=cluster.organisations.values("pk"))
