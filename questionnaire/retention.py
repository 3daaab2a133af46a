"""How long questionnaire data is kept (privacy notice, "How long we keep the data")."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from questionnaire.answers import Answers
from questionnaire.models import Draft, Submission, SurveyAnswer
from questionnaire.uploads import referred_files

ANONYMISED = "—"


def delete_unconfirmed(*, now=None):
    """Delete submissions never confirmed within the set days; return how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.QUESTIONNAIRE_UNCONFIRMED_DAYS)
    stale = Submission.objects.filter(status=Submission.Status.UNCONFIRMED, created_at__lt=cutoff)
    count = 0
    for submission in stale.iterator():
        with transaction.atomic():
            if submission.logo:
                submission.logo.delete(save=False)
            pk = submission.pk
            submission.delete()
            Submission.history.filter(id=pk).delete()  # the deletion's copy too
            count += 1
    return count


def delete_expired_drafts(*, now=None):
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.QUESTIONNAIRE_DRAFT_DAYS)
    count, _detail = Draft.objects.filter(created_at__lt=cutoff).delete()
    return count


def anonymise_rejected(*, now=None):
    """Remove the personal data of submissions rejected longer ago than the set period.

    The organisation's name, country and survey answers stay for the office's
    statistics; the contact person, e-mail address, free-text answers, the form data
    and the logo go.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.QUESTIONNAIRE_REJECTED_RETENTION_DAYS)
    due = Submission.objects.filter(
        status=Submission.Status.REJECTED, decided_at__lt=cutoff, anonymised_at=None
    )
    count = 0
    for submission in due.iterator():
        with transaction.atomic():
            answers = Answers.from_json(submission.answers)
            submission.answers = answers.without_personal_data().to_json()
            submission.form_data = {}
            submission.email = ""
            if submission.logo:
                submission.logo.delete(save=False)
            submission.anonymised_at = now
            # Its history held the personal data too: only the anonymised record stays.
            submission.history.all().delete()
            submission.save()
            SurveyAnswer.objects.filter(submission=submission).exclude(text="").update(
                text=ANONYMISED
            )
            Draft.objects.filter(previous=submission).delete()
            count += 1
    return count


def delete_stale_uploads(storage, *, now=None):
    """Logos of questionnaires never sent, older than a saved draft lives, that no
    saved questionnaire refers to (run after delete_expired_drafts)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.QUESTIONNAIRE_DRAFT_DAYS + 1)
    try:
        _dirs, files = storage.listdir("")
    except FileNotFoundError:
        return 0
    kept = referred_files(Draft.objects.all())
    count = 0
    for name in files:
        if name not in kept and storage.get_modified_time(name) < cutoff:
            storage.delete(name)
            count += 1
    return count
