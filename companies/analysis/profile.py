"""The directory's part of a cluster's profile: its organisations, counted.

`organisations_in_scope` is the one rule of which organisations a cluster's
profile counts: the published organisations of the cluster, and with a region
only those in it (its NUTS 2 region, through `Organisation.nuts_region`; a
region of level 0 is its country, a region of level 1 its NUTS 2 regions). The
offers and the questionnaire count within the same scope.
"""

from collections import Counter

from django.db.models import Q
from django.utils.translation import gettext as _
from django_countries import countries

from companies.models import Activity, Certification, Organisation
from portal.common.cluster_profile import ProfilePart

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


def _by_choice(values, choices):
    counts = Counter(value for value in values if value)
    return [(label, counts[value]) for value, label in choices if counts[value]]


def _related_counts(through, scope, column):
    """{related pk: organisations} and how many organisations have one at all."""
    pairs = list(through.objects.filter(organisation__in=scope).values_list("organisation", column))
    counts = Counter(related for _organisation, related in pairs)
    return counts, len({organisation for organisation, _related in pairs})


def directory_parts(*, cluster, region=None):
    """Organisations by kind and size class, top activities, export markets and
    certifications: five queries, whatever the number of organisations."""
    scope = organisations_in_scope(cluster=cluster, region=region)
    organisations = list(scope.values_list("kind", "size_class", "export_markets"))
    total = len(organisations)
    note = scope_note(region)

    activities, with_activity = _related_counts(
        Organisation.activities.through, scope.values("pk"), "activity"
    )
    activity_names = Activity.objects.in_bulk(list(activities))

    certifications, with_certification = _related_counts(
        Organisation.certifications.through, scope.values("pk"), "certification"
    )
    certification_names = Certification.objects.in_bulk(list(certifications))

    markets = Counter()
    with_market = 0
    for _kind, _size, exported in organisations:
        # The multiple CountryField's column: codes separated by commas.
        codes = [code for code in exported.split(",") if code]
        if codes:
            with_market += 1
            markets.update(codes)

    return [
        ProfilePart(
            title=_("Organisations by kind"),
            rows=_by_choice((kind for kind, _s, _m in organisations), Organisation.Kind.choices),
            answered=total,
            total=total,
            note=note,
            label_heading=_("Kind"),
        ),
        ProfilePart(
            title=_("Organisations by size class"),
            rows=_by_choice(
                (size for _k, size, _m in organisations), Organisation.SizeClass.choices
            ),
            answered=sum(1 for _k, size, _m in organisations if size),
            total=total,
            note=note,
            label_heading=_("Size class"),
        ),
        ProfilePart(
            title=_("Most frequent NACE activities"),
            rows=_top(activities, lambda pk: str(activity_names[pk])),
            answered=with_activity,
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
            answered=with_certification,
            total=total,
            note=note,
            label_heading=_("Certification"),
        ),
    ]
