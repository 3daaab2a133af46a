"""Writes to questionnaire submissions, from sending to the office's decision."""

from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from companies.models import Activity, Certification, Cluster, Organisation
from companies.services import contact_person_save, organisation_create, organisation_update
from offers.models import Offer
from offers.services import offer_create
from portal.common.erasure import Erasure, addresses, email_q, when
from portal.common.history import record_by
from questionnaire import emails
from questionnaire.answers import Answers
from questionnaire.models import Draft, Submission, SubmissionEvent, SurveyAnswer, SurveyQuestion
from questionnaire.retention import ANONYMISED
from questionnaire.uploads import PrivateUploads, referred_files

Status = Submission.Status

# Which status may follow which; anything else is refused.
TRANSITIONS = {
    Status.UNCONFIRMED: {Status.CONFIRMED},
    Status.CONFIRMED: {Status.ACCEPTED, Status.REJECTED, Status.CHANGES_REQUESTED},
    Status.ACCEPTED: set(),
    Status.REJECTED: set(),
    Status.CHANGES_REQUESTED: set(),
}


class TransitionError(Exception):
    """A status change that the submission's current status does not allow."""


def _log(submission, *, from_status, to_status, by=None, reason=""):
    SubmissionEvent.objects.create(
        submission=submission, from_status=from_status, to_status=to_status, by=by, reason=reason
    )


def _registered_organisation(organisation):
    """The directory's organisation with the same tax id, if there is one."""
    if organisation.get("nip"):
        return Organisation.objects.filter(nip=organisation["nip"]).first()
    if organisation.get("vat_id"):
        return Organisation.objects.filter(vat_id=organisation["vat_id"]).first()
    return None


def submission_create(*, key, language, answers, survey, form_data, logo=None, previous=None):
    """Store a sent questionnaire and e-mail its confirmation link once it is stored.

    `key` identifies one filling-in of the questionnaire: sending the same one twice
    returns the first submission. `answers` are its `Answers`, `survey` holds
    (question, answer) pairs. Returns (submission, created).
    """
    organisation, consents = answers.organisation, answers.consents
    with transaction.atomic():
        submission, created = Submission.objects.get_or_create(
            key=key,
            defaults={
                "language": language,
                "email": answers.contact["email"],
                "organisation_name": organisation["name"],
                "country": organisation["country"],
                "answers": answers.to_json(),
                "form_data": form_data,
                "privacy_notice_version": consents["privacy_notice_version"],
                "privacy_acknowledged_at": consents["at"],
                "publication_consent": consents["publication"],
                "alerts_consent": consents["alerts"],
                "consent_version": consents["version"],
                "existing_organisation": _registered_organisation(organisation),
                "previous": previous,
            },
        )
        if not created:
            return submission, False
        if logo:
            submission.logo.save(logo.name, logo, save=True)
        submission.clusters.set(organisation["clusters"])
        _save_survey(submission, survey)
        _log(submission, from_status="", to_status=Status.UNCONFIRMED)
        transaction.on_commit(lambda: emails.send_confirmation_request(submission))
    return submission, True


def _save_survey(submission, survey):
    rows, chosen = [], []
    for question, value in survey:
        answer = SurveyAnswer(submission=submission, question=question)
        if question.kind == SurveyQuestion.Kind.TEXT:
            answer.text = value
        elif question.kind in {SurveyQuestion.Kind.YES_NO, SurveyQuestion.Kind.SCALE}:
            answer.value = value
        rows.append(answer)
        if question.kind == SurveyQuestion.Kind.SINGLE:
            chosen.append((answer, [value]))
        elif question.kind == SurveyQuestion.Kind.MULTIPLE:
            chosen.append((answer, value))
    SurveyAnswer.objects.bulk_create(rows)
    through = SurveyAnswer.choices.through
    through.objects.bulk_create(
        through(surveyanswer_id=answer.pk, surveychoice_id=choice)
        for answer, choices in chosen
        for choice in choices
    )


def _change_status(submission, to_status, *, by=None, reason=""):
    if to_status not in TRANSITIONS[submission.status]:
        raise TransitionError(f"{submission.status} → {to_status}")
    from_status = submission.status
    submission.status = to_status
    now = timezone.now()
    if to_status == Status.CONFIRMED:
        submission.confirmed_at = now
    else:
        submission.decided_at = now
        submission.reason = reason
    record_by(submission, by).save()
    _log(submission, from_status=from_status, to_status=to_status, by=by, reason=reason)


def _given(value):
    if hasattr(value, "exists"):
        return value.exists()
    return value not in (None, "", [])


def _locked(submission):
    return Submission.objects.select_for_update().get(pk=submission.pk)


@transaction.atomic
def submission_confirm(*, submission):
    """The submitter followed the e-mailed link: the submission joins the staff queue.

    Returns True the first time, False when it was already confirmed.
    """
    submission = _locked(submission)
    if submission.status != Status.UNCONFIRMED:
        return False
    _change_status(submission, Status.CONFIRMED)
    transaction.on_commit(lambda: emails.notify_staff_of_submission(submission))
    return True


@transaction.atomic
def submission_accept(*, submission, by):
    """Create or update the organisation, its contact person and its offers.

    Accepting an accepted submission (twice, or by two staff at once) changes
    nothing and returns the organisation made the first time.
    """
    submission = _locked(submission)
    if submission.status == Status.ACCEPTED:
        return submission.organisation
    if Status.ACCEPTED not in TRANSITIONS[submission.status]:
        raise TransitionError(f"{submission.status} → {Status.ACCEPTED}")
    answers, language = Answers.from_json(submission.answers), submission.language
    data = dict(answers.organisation)
    data["clusters"] = Cluster.objects.filter(pk__in=data["clusters"])
    data["activities"] = Activity.objects.filter(pk__in=data["activities"])
    data["certifications"] = Certification.objects.filter(pk__in=data["certifications"])
    logo = submission.logo.file if submission.logo else None
    if logo:
        logo.name = submission.logo.name.rsplit("/", 1)[-1]
    existing = submission.existing_organisation
    if existing is not None:
        # What the submitter left empty does not erase what the record holds.
        organisation = organisation_update(
            organisation=existing,
            data={name: value for name, value in data.items() if _given(value)},
            language=language,
            texts={name: text for name, text in answers.texts.items() if text},
            logo=logo,
            by=by,
        )
    else:
        organisation = organisation_create(
            data=data, language=language, texts=answers.texts, logo=logo, published=True, by=by
        )
    contact_person_save(
        organisation=organisation,
        language=language,
        publication_consent=answers.consent("publication"),
        alerts_consent=answers.consent("alerts"),
        # The submitter confirmed the address by the e-mailed link: it may sign in.
        email_confirmed_at=submission.confirmed_at,
        by=by,
        **answers.contact,
    )
    for offer in answers.offers:
        offer_create(
            organisation=organisation,
            language=language,
            status=Offer.Status.SUBMITTED,
            clusters=data["clusters"],
            activities=data["activities"],
            by=by,
            **offer,
        )
    submission.organisation = organisation
    _change_status(submission, Status.ACCEPTED, by=by)
    transaction.on_commit(lambda: emails.send_decision(submission))
    return organisation


@transaction.atomic
def submission_reject(*, submission, by, reason):
    """Reject with a reason that is e-mailed to the submitter in their language."""
    submission = _locked(submission)
    _change_status(submission, Status.REJECTED, by=by, reason=reason)
    transaction.on_commit(lambda: emails.send_decision(submission))
    return submission


@transaction.atomic
def submission_request_changes(*, submission, by, reason):
    """Return the questionnaire to the submitter, filled in, with what to change."""
    submission = _locked(submission)
    _change_status(submission, Status.CHANGES_REQUESTED, by=by, reason=reason)
    draft = Draft.objects.create(
        email=submission.email,
        language=submission.language,
        form_data=submission.form_data,
        previous=submission,
    )
    transaction.on_commit(lambda: emails.send_decision(submission, draft=draft))
    return draft


@transaction.atomic
def draft_save(*, email, language, form_data, step, files=None, previous=None):
    """Keep a questionnaire to continue later and e-mail the link to it.

    `files` are the uploads it keeps in the private folder (questionnaire/uploads.py).
    """
    draft = Draft.objects.create(
        email=email,
        language=language,
        form_data=form_data,
        files=files or {},
        step=step,
        previous=previous,
    )
    transaction.on_commit(lambda: emails.send_resume_link(draft))
    return draft


# A person's data (GDPR art. 15, 17, 20): portal/common/erasure.py says what an erasure
# leaves; portal/privacy.py puts the apps' parts together.


def _person_submissions(emails):
    return Submission.objects.filter(
        email_q("email", emails) | email_q("answers__contact__email", emails)
    )


def _person_drafts(emails, submissions):
    return Draft.objects.filter(email_q("email", emails) | Q(previous__in=submissions))


def _survey_answer(answer):
    return {
        "question": answer.question.prompt,
        "text": answer.text,
        "value": answer.value,
        "chosen": [choice.label for choice in answer.choices.all()],
    }


def person_data(*, email, user=None):
    """The questionnaires the person sent (their answers, survey answers, consents,
    the office's decisions) and those they saved to continue later."""
    emails = addresses(email=email, user=user)
    submissions = list(
        _person_submissions(emails)
        .prefetch_related(
            "events",
            Prefetch(
                "survey_answers",
                SurveyAnswer.objects.select_related("question").prefetch_related("choices"),
            ),
        )
        .order_by("created_at", "pk")
    )
    return {
        "submissions": [
            {
                "id": submission.pk,
                "status": submission.status,
                "language": submission.language,
                "email": submission.email,
                "organisation_name": submission.organisation_name,
                "country": submission.country.code,
                "answers": submission.answers,
                "survey_answers": [_survey_answer(a) for a in submission.survey_answers.all()],
                "consents": {
                    "privacy_notice_version": submission.privacy_notice_version,
                    "privacy_acknowledged_at": when(submission.privacy_acknowledged_at),
                    "publication": submission.publication_consent,
                    "alerts": submission.alerts_consent,
                    "version": submission.consent_version,
                },
                "sent_at": when(submission.created_at),
                "confirmed_at": when(submission.confirmed_at),
                "decided_at": when(submission.decided_at),
                "reason": submission.reason,
                "status_changes": [
                    {
                        "from": event.from_status,
                        "to": event.to_status,
                        "at": when(event.at),
                        "reason": event.reason,
                    }
                    for event in submission.events.all()
                ],
            }
            for submission in submissions
        ],
        "saved_questionnaires": [
            {
                "email": draft.email,
                "language": draft.language,
                "step": draft.step,
                "saved_at": when(draft.created_at),
                "form_data": draft.form_data,
            }
            for draft in _person_drafts(emails, submissions).order_by("pk")
        ],
    }


@transaction.atomic
def person_erase(*, email, user=None, by=None, erasure=None):
    """Anonymise the person's questionnaires; delete those saved to continue later.

    A submission keeps the organisation's answers, offers and choices for the
    office's statistics, as retention keeps a rejected one's
    (questionnaire/retention.py): the contact person, the consents, the form
    data, the address and the texts written into the survey go. The reasons staff
    gave keep their words without the person's name. A saved questionnaire and its
    uploads serve nobody else: they are deleted once the erasure is committed.
    """
    erasure = erasure or Erasure(emails=addresses(email=email, user=user))
    submissions = list(_person_submissions(erasure.emails).select_for_update())
    contacts = [Answers.from_json(submission.answers).contact for submission in submissions]
    erasure.learn(
        names=[
            name
            for contact in contacts
            for name in (
                f"{contact.get('first_name', '')} {contact.get('last_name', '')}",
                contact.get("last_name", ""),
            )
        ],
        phones=[contact.get("phone", "") for contact in contacts],
    )
    now = timezone.now()
    for submission in submissions:
        submission.answers = Answers.from_json(submission.answers).without_personal_data().to_json()
        submission.form_data = {}
        submission.email = ""
        submission.reason = erasure.redact(submission.reason)
        submission.anonymised_at = submission.anonymised_at or now
        record_by(submission, by).save()
    history = Submission.history.filter(id__in=[submission.pk for submission in submissions])
    history.update(email="")
    for row in history.exclude(reason=""):
        history.filter(history_id=row.history_id).update(reason=erasure.redact(row.reason))
    for event in SubmissionEvent.objects.filter(submission__in=submissions).exclude(reason=""):
        SubmissionEvent.objects.filter(pk=event.pk).update(reason=erasure.redact(event.reason))
    survey = SurveyAnswer.objects.filter(submission__in=submissions).exclude(text="")
    survey_texts = survey.update(text=ANONYMISED)

    drafts = _person_drafts(erasure.emails, submissions)
    files = referred_files(drafts)
    deleted, _rows = drafts.delete()
    transaction.on_commit(lambda: _delete_uploads(files))
    return {"submissions": len(submissions), "survey_texts": survey_texts, "drafts": deleted}


def _delete_uploads(names):
    storage = PrivateUploads()
    for name in names:
        if name:
            storage.delete(name)
