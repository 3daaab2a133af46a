"""The directory's part of a cluster's profile: its organisations, counted.

`organisations_in_scope` is the one rule of which organisations a cluster's
profile counts: the published organisations of the cluster, and with a region
only those in it (its NUTS 2 region, through `Organisation.nuts_region`; a
region of level 0 is its country, a region of level 1 its NUTS 2 regions). The
offers and the questionnaire count within the same scope.
"""

from collections import Counter

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django_countries import countries

from companies.models import Activity, Certification, Organisation
from portal.common import cluster_profile
from portal.common.cluster_profile import ProfilePart
from portal.common.fragments import kept_value

# How many rows the tables of activities and export markets show at most.
TOP = 10


def region_filter(region, prefix=""):
    """A Q on organisations (or on `prefix`, say "organisation__") within `region`."""
    if region is None:
        return Q()
    if region.level == 0:
        return Q(**{f"{prefix}country": region.country})
    return Q(**{f"{prefix}nuts_region": region}) | Q(**{f"{prefix}nuts_region__parent": region})


def organisations_in_scope(*, cluster, region=None):
    """The organisations a cluster's profile counts (a query, not yet run)."""
    return Organisation.objects.published().filter(region_filter(region), clusters=cluster)


def kept_profile(*, cluster, region=None):
    """Every app's parts of the cluster's profile (`cluster_profile.parts`), kept per
    language as the directory's parts are (portal/common/fragments.py).

    Counting a cluster's tens of thousands of offers takes a few hundred
    milliseconds: a page shows the profile kept. A change to an organisation or an
    offer retires it (both retire the directory's pages); a new questionnaire shows
    within FRAGMENT_CACHE_SECONDS.
    """
    key = f"cluster-profile:{cluster.pk}:{region.pk if region is not None else '-'}"
    return kept_value(
        "directory", key, lambda: cluster_profile.parts(cluster=cluster, region=region)
    )


def scope_note(region):
    if region is None:
        return _("Published organisations of the cluster in the directory.")
    if region.level == 0:
        return _("Published organisations of the cluster in the directory, in %(country)s.") % {
            "country": region.country.name
        }
    return _(
        "Published organisations of the cluster in the directory whose NUTS 2 region is %(region)s."
    ) % {"region": region.name}


def _top(counts, name, limit=TOP):
    """[(name(key), count)]: the `limit` largest counts, largest first, then by name."""
    rows = sorted(((name(key), n) for key, n in counts.items()), key=lambda row: (-row[1], row[0]))
    return rows[:limit]


def _by_choice(counts, choices):
    return [(label, counts[value]) for value, label in choices if counts[value]]


def _has(through):
    """Whether the organisation has a row in `through` (its activities, say)."""
    return Exists(through.objects.filter(organisation=OuterRef("pk")))


def _related_counts(through, scope, column):
    """{related pk: how many organisations in scope have it}, counted by the database."""
    pairs = through.objects.filter(organisation__in=scope.values("pk"))
    return dict(pairs.values_list(column).annotate(n=Count("organisation")).order_by())


def directory_parts(*, cluster, region=None):
    """Organisations by kind and size class, top activities, export markets and
    certifications: seven queries, whatever the number of organisations, each
    counted by the database."""
    scope = organisations_in_scope(cluster=cluster, region=region)
    note = scope_note(region)
    activity_through = Organisation.activities.through
    certification_through = Organisation.certifications.through

    kinds, sizes = Counter(), Counter()
    for kind, size, n in scope.values_list("kind", "size_class").annotate(n=Count("pk")).order_by():
        kinds[kind] += n
        sizes[size] += n
    total = sum(kinds.values())
    answered = scope.aggregate(
        activities=Count("pk", filter=Q(_has(activity_through))),
        certifications=Count("pk", filter=Q(_has(certification_through))),
    )

    # The multiple CountryField's column holds codes separated by commas: the
    # organisations are counted by the list they give, and the lists split here.
    markets, with_market = Counter(), 0
    for exported, n in (
        scope.exclude(export_markets="")
        .values_list("export_markets")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        with_market += n
        for code in exported.split(","):
            markets[code] += n

    activities = _related_counts(activity_through, scope, "activity")
    activity_names = Activity.objects.in_bulk(list(activities))
    certifications = _related_counts(certification_through, scope, "certification")
    certification_names = Certification.objects.in_bulk(list(certifications))

    return [
        ProfilePart(
            title=_("Organisations by kind"),
            rows=_by_choice(kinds, Organisation.Kind.choices),
            answered=total,
            total=total,
            note=note,
            label_heading=_("Kind"),
        ),
        ProfilePart(
            title=_("Organisations by size class"),
            rows=_by_choice(sizes, Organisation.SizeClass.choices),
            answered=total - sizes[""],
            total=total,
            note=note,
            label_heading=_("Size class"),
        ),
        ProfilePart(
            title=_("Most frequent NACE activities"),
            rows=_top(activities, lambda pk: str(activity_names[pk])),
            answered=answered["activities"],
            total=total,
            note=note,
            label_heading=_("NACE activity"),
        ),
        ProfilePart(
            title=_("Export markets"),
            rows=_top(markets, countries.name),
            answered=with_market,
            total=total,
            note=note,
            label_heading=_("Country"),
        ),
        ProfilePart(
            title=_("Certifications"),
            rows=_top(certifications, lambda pk: certification_names[pk].name, limit=None),
            answered=answered["certifications"],
            total=total,
            note=note,
            label_heading=_("Certification"),
        ),
    ]
