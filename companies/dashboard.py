"""The directory's block on the admin's start page (portal/common/dashboard.py).

Registered from CompaniesConfig.ready(): members' proposed changes to their
organisations awaiting a decision, for staff who may accept or reject them.
"""

from django.utils.translation import gettext_lazy as _

from companies.models import OrganisationRevision
from portal.common.dashboard import Awaiting, Figure, Row, admin_list_url

PENDING = OrganisationRevision.Status.PENDING


def may_moderate_revisions(user):
    return user.has_perm("companies.view_organisationrevision") and user.has_perm(
        "companies.moderate_organisationrevision"
    )


def count_revisions(user, now):
    pending = OrganisationRevision.objects.filter(status=PENDING).count()
    return {
        "revisions_pending": Figure(
            pending,
            admin_list_url("companies_organisationrevision_changelist", status__exact=PENDING),
        )
    }


REVISIONS = Awaiting(
    rows=(
        Row(
            "revisions_pending",
            _("Proposed changes to organisations awaiting a decision"),
            order=15,
        ),
    ),
    may_see=may_moderate_revisions,
    count=count_revisions,
)

BLOCKS = (REVISIONS,)
