"""The survey's part of a cluster's profile: the answers to its questions, counted."""

from django.db.models import Q
from django.utils.translation import gettext as _

from companies.analysis.profile import region_filter
from portal.common.cluster_profile import ProfilePart
from questionnaire.results import counted_submissions, survey_results


def submissions_in_scope(*, cluster, region=None):
    """The cluster's counted questionnaires, within `region` if given.

    A questionnaire is placed in a NUTS region by the organisation it is linked
    to in the directory (one not linked is in no region); in a country (level 0)
    also by the country its sender gave.
    """
    submissions = counted_submissions(cluster=cluster)
    if region is None:
        return submissions
    within = region_filter(region, prefix="organisation__")
    if region.level == 0:
        within |= Q(organisation__isnull=True, country=region.country)
    return submissions.filter(within)


def scope_note(region):
    counted = _("Questionnaires of the cluster confirmed by their senders and not rejected.")
    if region is None:
        return counted
    if region.level == 0:
        where = _("Sent from %(country)s.") % {"country": region.country.name}
    else:
        where = _(
            "Only those of organisations in the directory whose NUTS 2 region is %(region)s."
        ) % {"region": region.name}
    return f"{counted} {where}"


def survey_parts(*, cluster, region=None):
    """One part per question with answers to count (not text): six queries."""
    submissions = submissions_in_scope(cluster=cluster, region=region)
    total = submissions.count()
    note = scope_note(region)
    parts = []
    for result in survey_results(submissions=submissions, text_limit=0):
        if not result.rows or (not result.question.is_active and not result.answered):
            continue
        parts.append(
            ProfilePart(
                title=result.question.prompt,
                rows=[(row.label, row.count) for row in result.rows],
                answered=result.answered,
                total=total,
                note=note,
                unit="questionnaires",
                count_heading=_("Questionnaires"),
            )
        )
    return parts
