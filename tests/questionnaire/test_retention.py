import datetime
import io
import os

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from questionnaire import retention, services
from questionnaire.models import Draft, Submission, SubmissionEvent, SurveyAnswer, SurveyQuestion
from tests.questionnaire.submissions import make_submission

pytestmark = pytest.mark.django_db

Status = Submission.Status


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    """The questionnaire's uploads in a directory of the test's own."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    return tmp_path / "questionnaire"


def days_ago(days, minutes=0):
    return timezone.now() - datetime.timedelta(days=days, minutes=minutes)


def run():
    out = io.StringIO()
    call_command("questionnaire_retention", stdout=out)
    return out.getvalue()


def report(deleted=0, drafts=0, anonymised=0, uploads=0):
    return (
        f"Unconfirmed submissions deleted: {deleted}; saved questionnaires deleted: {drafts}; "
        f"rejected submissions anonymised: {anonymised}; stale uploads deleted: {uploads}.\n"
    )


def sent(submission, when):
    Submission.objects.filter(pk=submission.pk).update(created_at=when)


def decided(submission, when):
    Submission.objects.filter(pk=submission.pk).update(decided_at=when)


def test_unconfirmed_submissions_are_deleted_after_the_set_days_with_their_answers():
    days = settings.QUESTIONNAIRE_UNCONFIRMED_DAYS
    old = make_submission(organisation={"name": "Stara"}, confirm=False)
    recent = make_submission(organisation={"name": "Świeża"}, confirm=False)
    confirmed = make_submission(organisation={"name": "Potwierdzona"})
    sent(old, days_ago(days, minutes=1))
    sent(recent, days_ago(days, minutes=-1))
    sent(confirmed, days_ago(days + 30))
    assert SurveyAnswer.objects.filter(submission=old).count() == 8

    output = run()

    assert output == report(deleted=1)
    assert set(Submission.objects.values_list("organisation_name", flat=True)) == {
        "Świeża",
        "Potwierdzona",
    }
    assert not SurveyAnswer.objects.filter(submission_id=old.pk).exists()
    assert not SubmissionEvent.objects.filter(submission_id=old.pk).exists()
    assert not SurveyAnswer.choices.through.objects.filter(surveyanswer__submission_id=old.pk)
    assert SurveyAnswer.objects.filter(submission=recent).count() == 8
    assert SurveyAnswer.objects.filter(submission=confirmed).count() == 8
    assert Submission.objects.get(pk=confirmed.pk).status == Status.CONFIRMED


def test_saved_questionnaires_are_deleted_after_the_set_days():
    days = settings.QUESTIONNAIRE_DRAFT_DAYS
    old = Draft.objects.create(email="stara@firma.example", language="pl", form_data={"a": 1})
    recent = Draft.objects.create(email="nowa@firma.example", language="it", form_data={"b": 2})
    returned = services.submission_request_changes(
        submission=make_submission(), by=None, reason="Proszę uzupełnić."
    )
    Draft.objects.filter(pk=old.pk).update(created_at=days_ago(days, minutes=1))
    Draft.objects.filter(pk=recent.pk).update(created_at=days_ago(days, minutes=-1))
    Draft.objects.filter(pk=returned.pk).update(created_at=days_ago(days + 1))

    output = run()

    assert output == report(drafts=2)
    assert list(Draft.objects.all()) == [recent]
    # The submission returned for changes stays for the office.
    assert Submission.objects.get().status == Status.CHANGES_REQUESTED


def test_rejected_submissions_lose_personal_data_after_the_retention_period():
    days = settings.QUESTIONNAIRE_REJECTED_RETENTION_DAYS
    old = make_submission(
        language="it",
        organisation={"name": "Caseificio Rossi", "country": "IT", "nip": "", "vat_id": "IT1"},
    )
    recent = make_submission(organisation={"name": "Odrzucona niedawno"})
    accepted = make_submission(organisation={"name": "Przyjęta dawno"})
    services.submission_reject(submission=old, by=None, reason="Fuori dal programma.")
    services.submission_reject(submission=recent, by=None, reason="Spoza programu.")
    services.submission_accept(submission=accepted, by=None)
    decided(old, days_ago(days, minutes=1))
    decided(recent, days_ago(days, minutes=-1))
    decided(accepted, days_ago(days + 100))
    text_question = SurveyQuestion.objects.get(kind=SurveyQuestion.Kind.TEXT)
    choices_before = {
        answer.question_id: sorted(answer.choices.values_list("pk", flat=True))
        for answer in SurveyAnswer.objects.filter(submission=old)
    }
    values_before = dict(
        SurveyAnswer.objects.filter(submission=old).values_list("question_id", "value")
    )

    before = timezone.now()
    output = run()

    assert output == report(anonymised=1)
    old.refresh_from_db()
    assert old.email == ""
    assert old.answers["contact"] == {}
    assert old.answers["consents"] == {}
    assert old.form_data == {}
    assert "anna@serowarnia.example" not in str(old.answers)
    assert "Kowalska" not in str(old.answers)
    assert old.anonymised_at is not None and old.anonymised_at >= before
    # What stays for the office's statistics.
    assert old.organisation_name == "Caseificio Rossi"
    assert old.country.code == "IT"
    assert old.language == "it"
    assert old.status == Status.REJECTED
    assert old.reason == "Fuori dal programma."
    assert old.answers["organisation"]["name"] == "Caseificio Rossi"
    assert list(old.clusters.values_list("slug", flat=True)) == ["dairy"]
    answers = SurveyAnswer.objects.filter(submission=old)
    assert answers.count() == 8
    assert answers.get(question=text_question).text == retention.ANONYMISED
    assert not answers.filter(text="Wspólne stoisko na targach.").exists()
    assert {
        answer.question_id: sorted(answer.choices.values_list("pk", flat=True))
        for answer in answers
    } == choices_before
    assert dict(answers.values_list("question_id", "value")) == values_before
    assert sum(len(chosen) for chosen in choices_before.values()) == 6
    # The others are untouched.
    for submission in (recent, accepted):
        submission.refresh_from_db()
        assert submission.email == "anna@serowarnia.example"
        assert submission.anonymised_at is None
        assert submission.answers["contact"]["last_name"] == "Kowalska"
        assert submission.form_data["contact"]["contact-email"] == ["anna@serowarnia.example"]
        assert (
            SurveyAnswer.objects.get(submission=submission, question=text_question).text
            == "Wspólne stoisko na targach."
        )


def test_stale_uploads_of_questionnaires_never_sent_are_deleted(uploads):
    uploads.mkdir()
    stale = uploads / "stale.png"
    fresh = uploads / "fresh.png"
    stale.write_bytes(b"png")
    fresh.write_bytes(b"png")
    old = days_ago(settings.QUESTIONNAIRE_DRAFT_DAYS + 2).timestamp()
    os.utime(stale, (old, old))

    output = run()

    assert output == report(uploads=1)
    assert sorted(path.name for path in uploads.iterdir()) == ["fresh.png"]


def test_running_twice_is_safe_and_the_second_run_finds_nothing(uploads):
    unconfirmed = make_submission(confirm=False)
    sent(unconfirmed, days_ago(settings.QUESTIONNAIRE_UNCONFIRMED_DAYS + 1))
    draft = Draft.objects.create(email="stara@firma.example", language="pl")
    Draft.objects.filter(pk=draft.pk).update(
        created_at=days_ago(settings.QUESTIONNAIRE_DRAFT_DAYS + 1)
    )
    rejected = make_submission()
    services.submission_reject(submission=rejected, by=None, reason="Nie.")
    decided(rejected, days_ago(settings.QUESTIONNAIRE_REJECTED_RETENTION_DAYS + 1))
    uploads.mkdir()
    upload = uploads / "logo.webp"
    upload.write_bytes(b"webp")
    old = days_ago(settings.QUESTIONNAIRE_DRAFT_DAYS + 2).timestamp()
    os.utime(upload, (old, old))

    first = run()
    rejected.refresh_from_db()
    anonymised_at = rejected.anonymised_at
    second = run()

    assert first == report(deleted=1, drafts=1, anonymised=1, uploads=1)
    assert second == report()
    rejected.refresh_from_db()
    assert rejected.anonymised_at == anonymised_at
    assert list(Submission.objects.all()) == [rejected]
    assert Draft.objects.count() == 0


def test_nothing_to_do_without_an_upload_directory():
    assert run() == report()
