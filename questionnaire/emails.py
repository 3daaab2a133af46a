"""E-mails of the questionnaire, each in the language of the person who gets it."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from portal.common import mail
from portal.common.mail import absolute
from questionnaire import links
from questionnaire.models import Submission

Status = Submission.Status


def send_confirmation_request(submission):
    with translation.override(submission.language):
        path = reverse(
            "questionnaire:confirm", kwargs={"token": links.confirmation_token(submission)}
        )
    mail.send(
        to=[submission.email],
        language=submission.language,
        template="questionnaire/email/confirm",
        context={
            "submission": submission,
            "link": absolute(path),
            "hours": settings.QUESTIONNAIRE_CONFIRMATION_HOURS,
            "unconfirmed_days": settings.QUESTIONNAIRE_UNCONFIRMED_DAYS,
        },
    )


def send_resume_link(draft):
    with translation.override(draft.language):
        path = reverse("questionnaire:resume", kwargs={"token": links.resume_token(draft)})
    mail.send(
        to=[draft.email],
        language=draft.language,
        template="questionnaire/email/resume",
        context={"draft": draft, "link": absolute(path), "days": settings.QUESTIONNAIRE_DRAFT_DAYS},
    )


def notify_staff_of_submission(submission):
    """Tell the reviewing staff, in Polish, the office's language."""
    recipients = mail.staff_addresses("questionnaire.review_submission")
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("admin:questionnaire_submission_change", args=[submission.pk])
    mail.send(
        to=recipients,
        language=settings.LANGUAGE_CODE,
        template="questionnaire/email/staff_new",
        context={"submission": submission, "link": absolute(path)},
    )


def send_decision(submission, draft=None):
    """The office's decision: accepted, rejected with the reason, or changes asked for."""
    context = {"submission": submission, "days": settings.QUESTIONNAIRE_DRAFT_DAYS}
    with translation.override(submission.language):
        if submission.status == Status.ACCEPTED:
            context["link"] = absolute(submission.organisation.get_absolute_url())
        if draft is not None:
            context["link"] = absolute(
                reverse("questionnaire:resume", kwargs={"token": links.resume_token(draft)})
            )
    mail.send(
        to=[submission.email],
        language=submission.language,
        template=f"questionnaire/email/decision_{submission.status}",
        context=context,
    )
