"""Signed links in the questionnaire's e-mails: to confirm a submission, to resume."""

from django.conf import settings
from django.core import signing

from portal.common import signed
from questionnaire.models import Draft, Submission

CONFIRM_SALT = "questionnaire.confirm"
RESUME_SALT = "questionnaire.resume"


LinkExpired = signed.Expired
LinkInvalid = signed.Invalid


def confirmation_token(submission):
    return signing.dumps(str(submission.key), salt=CONFIRM_SALT)


def resume_token(draft):
    return signing.dumps(draft.pk, salt=RESUME_SALT)


def submission_from_token(token):
    """The submission a confirmation link names; LinkExpired or LinkInvalid if none."""
    key = signed.load(
        token,
        salt=CONFIRM_SALT,
        shape=signed.UUID,
        max_age=settings.QUESTIONNAIRE_CONFIRMATION_HOURS * 3600,
    )
    submission = Submission.objects.filter(key=key).first()
    if submission is None:
        # Deleted after seven unconfirmed days: to the reader, an expired link.
        raise LinkExpired
    return submission


def draft_from_token(token):
    """The saved questionnaire a resume link names; LinkExpired or LinkInvalid if none."""
    pk = signed.load(
        token, salt=RESUME_SALT, shape=signed.ID, max_age=settings.QUESTIONNAIRE_DRAFT_DAYS * 86400
    )
    draft = Draft.objects.filter(pk=pk).first()
    if draft is None:
        raise LinkExpired
    return draft
