"""E-mail subjects are plain text on one line, whatever the names in them."""

import pytest
from django.contrib.auth.models import User
from django.core import mail

from offers.services import interest
from questionnaire import emails as questionnaire_emails
from tests.offers.factories import OfferFactory
from tests.questionnaire.submissions import make_submission

pytestmark = pytest.mark.django_db


def test_an_e_mail_subject_names_a_partner_as_typed_on_one_line(
    django_capture_on_commit_callbacks,
):
    User.objects.create_superuser("admin", "admin@urzad.example", "pass")
    offer = OfferFactory()

    with django_capture_on_commit_callbacks(execute=True):
        interest.interest_create(
            offer=offer,
            name="Jana Nováková",
            organisation_name="Host & Co <b>\r\nBcc: x@evil.example",
            country="CZ",
            email="jana@mlekarna.example",
            phone="",
            message="Dobrý den.",
            language="cs",
        )

    staff = next(message for message in mail.outbox if message.to == ["admin@urzad.example"])
    assert staff.subject.endswith(": Host & Co <b> Bcc: x@evil.example")
    assert "&amp;" not in staff.subject and "\n" not in staff.subject


def test_a_questionnaire_subject_names_the_organisation_as_typed(
    django_capture_on_commit_callbacks,
):
    User.objects.create_superuser("admin", "admin@urzad.example", "pass")
    submission = make_submission(organisation={"name": "Host & Co <b>"}, confirm=False)

    questionnaire_emails.notify_staff_of_submission(submission)

    (message,) = mail.outbox
    assert message.subject.endswith(": Host & Co <b>")
