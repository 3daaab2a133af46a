"""E-mails of the questionnaire, each in the language of the person who gets it."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from portal.common.mail import render_subject
from questionnaire import links
from questionnaire.models import Submission

Status = Submission.Status


def absolute(path):
    return settings.PORTAL_URL.rstrip("/") + path


def _send(*, to, language, template, context):
    with translation.override(language):
        context = {"contact": settings.PORTAL_CONTACT, "portal_url": settings.PORTAL_URL, **context}
        subject = render_subject(f"questionnaire/email/{template}_subject.txt", context)
        body = render_to_string(f"questionnaire/email/{template}.txt", context)
    EmailMessage(subject, body, to=to).send()


def send_confirmation_request(submission):
    with translation.override(submission.language):
        path = reverse(
            "questionnaire:confirm", kwargs={"token": links.confirmation_token(submission)}
        )
    _send(
        to=[submission.email],
        language=submission.language,
        template="confirm",
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
    _send(
        to=[draft.email],
        language=draft.language,
        template="resume",
        context={"draft": draft, "link": absolute(path), "days": settings.QUESTIONNAIRE_DRAFT_DAYS},
    )


def notify_staff_of_submission(submission):
    """Tell the reviewing staff, in Polish, the office's language."""
    reviewers = (
        get_user_model()
        .objects.with_perm("questionnaire.review_submission")
        .filter(is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    recipients = sorted({*reviewers, *settings.QUESTIONNAIRE_NOTIFY_EMAILS})
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("admin:questionnaire_submission_change", args=[submission.pk])
    _send(
        to=recipients,
        language=settings.LANGUAGE_CODE,
        template="staff_new",
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
    _send(
        to=[submission.email],
        language=submission.language,
        template=f"decision_{submission.status}",
        context=context,
    )
