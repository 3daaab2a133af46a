"""The questionnaire's logo uploads in the private folder: one file per questionnaire
being filled in, kept for a saved one, none left once it is sent or abandoned."""

import datetime
import io
import os

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from questionnaire.models import Draft, Submission
from tests.questionnaire import walk

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def folders(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path


def private_files():
    folder = settings.PRIVATE_MEDIA_ROOT / "questionnaire"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def png(colour=(200, 30, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", (12, 8), colour).save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def post_logo(client, colour=(200, 30, 30)):
    response = walk.post_step(
        client,
        "organisation",
        walk.organisation_answers(),
        files={"organisation-logo": png(colour)},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def test_a_second_logo_replaces_the_first_file(client):
    client.get(walk.step_url("organisation"))

    post_logo(client)
    first = private_files()
    post_logo(client, colour=(0, 90, 200))

    assert len(first) == 1
    assert len(private_files()) == 1
    assert private_files() != first


def test_sending_moves_the_logo_to_the_submission_and_leaves_no_private_file(client):
    client.get(walk.step_url("organisation"))
    post_logo(client)
    walk.fill_in(client)  # the other steps; the organisation again, without a new file

    walk.send(client)

    submission = Submission.objects.get()
    assert submission.logo and submission.logo.name.startswith("submissions/")
    assert os.path.exists(submission.logo.path)
    assert private_files() == []


def test_starting_afresh_removes_the_abandoned_logo(client):
    client.get(walk.step_url("organisation"))
    post_logo(client)

    client.get("/pl/questionnaire/?new")

    assert private_files() == []


def test_a_saved_questionnaire_keeps_its_logo_and_brings_it_back(
    client, django_capture_on_commit_callbacks
):
    from django.core import mail
    from django.test import Client

    client.get(walk.step_url("organisation"))
    post_logo(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/pl/questionnaire/save/", {"email": "anna@serowarnia.example"})
    draft = Draft.objects.get()
    link = mail.outbox[0].body.split("http://testserver", 1)[1].split()[0]

    assert list(draft.files) == ["organisation"]
    assert len(private_files()) == 1

    other_browser = Client()
    other_browser.get(link)
    organisation = other_browser.get(walk.step_url("organisation"))
    walk.fill_in(other_browser)
    walk.send(other_browser)

    assert "Otrzymaliśmy logo" in organisation.content.decode()
    assert Submission.objects.get().logo
    # The saved questionnaire's own copy stays, for its link, until it expires.
    assert len(private_files()) == 1


def test_a_logo_file_gone_from_the_folder_does_not_break_the_questionnaire(client):
    client.get(walk.step_url("organisation"))
    post_logo(client)
    for name in private_files():
        (settings.PRIVATE_MEDIA_ROOT / "questionnaire" / name).unlink()

    page = client.get(walk.step_url("organisation"))
    walk.fill_in(client)
    sent = walk.send(client)

    assert page.status_code == 200
    assert sent.redirect_chain[-1][0] == "/pl/questionnaire/sent/"
    assert not Submission.objects.get().logo


def test_retention_removes_old_uploads_that_no_saved_questionnaire_refers_to():
    folder = settings.PRIVATE_MEDIA_ROOT / "questionnaire"
    folder.mkdir(parents=True)
    old = (
        timezone.now() - datetime.timedelta(days=settings.QUESTIONNAIRE_DRAFT_DAYS + 2)
    ).timestamp()
    for name in ("abandoned.png", "saved.png", "recent.png"):
        (folder / name).write_bytes(b"png")
        if name != "recent.png":
            os.utime(folder / name, (old, old))
    Draft.objects.create(
        email="anna@serowarnia.example",
        language="pl",
        form_data={},
        files={"organisation": {"organisation-logo": {"tmp_name": "saved.png", "name": "l.png"}}},
    )

    call_command("questionnaire_retention", stdout=io.StringIO())

    assert private_files() == ["recent.png", "saved.png"]
