"""Reads the member area's pages share, each narrowed to the member's organisation."""

from companies.models import OrganisationRevision
from portal.members.access import for_member_organisation
from portal.members.models import Member


def pending_revision(member):
    """The proposed change to the member's organisation awaiting the office, or None."""
    return (
        for_member_organisation(OrganisationRevision.objects.all(), member)
        .filter(status=OrganisationRevision.Status.PENDING)
        .first()
    )


def colleagues(member):
    """The members of the member's organisation (none for a partner), with their accounts."""
    return for_member_organisation(Member.objects.select_related("user"), member).order_by(
        "user__last_name", "user__first_name", "pk"
    )
