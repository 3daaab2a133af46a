"""The questionnaire's block on the admin's start page (portal/common/dashboard.py).

Registered from QuestionnaireConfig.ready(): confirmed submissions awaiting
review, for staff who may view submissions.
"""

from django.utils.translation import gettext_lazy as _

from portal.common.dashboard import Awaiting, Figure, Row, admin_list_url
from questionnaire.models import Submission


def may_see_submissions(user):
    return user.has_perm("questionnaire.view_submission")


def count_submissions(user, now):
    awaiting = Submission.objects.filter(status=Submission.Status.CONFIRMED).count()
    return {
        "submissions_awaiting_review": Figure(
            awaiting,
            admin_list_url(
                "questionnaire_submission_changelist", queue=Submission.Status.CONFIRMED
            ),
        )
    }


SUBMISSIONS = Awaiting(
    rows=(
        Row(
            "submissions_awaiting_review",
            _("Questionnaire submissions awaiting review"),
            order=10,
        ),
    ),
    may_see=may_see_submissions,
    count=count_submissions,
)

BLOCKS = (SUBMISSIONS,)
