"""The office's decisions on offers reach the firms: e-mails in the contact's language."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from offers import services
from offers.models import Offer
from portal.roles import MODERATOR
from questionnaire import services as submission_services
from tests.factories import ContactPersonFactory, OrganisationFactory
from tests.helpers import add_roles, sign_in
from tests.offers.factories import OfferFactory, add_translation
from tests.questionnaire.submissions import make_submission

pytestmark = pytest.mark.django_db

Status = Offer.Status


@pytest.fixture
def staff():
    return User.objects.create_user("moderator", "moderator@urzad.example", "pass", is_staff=True)


def firm(language, email):
    """An organisation with an address of its own and a contact person writing in `language`."""
    organisation = OrganisationFactory(email="biuro@firma.example")
    ContactPersonFactory(organisation=organisation, email=email, language=language)
    return organisation


def submitted_offer(organisation, **kwargs):
    offer = OfferFactory(organisation=organisation, published=False, **kwargs)
    return services.offer_submit(offer=offer)


def in_language(language, msgid, **values):
    with translation.override(language):
        return gettext(msgid) % values


def public_link(offer, language):
    with translation.override(language):
        return settings.PORTAL_URL.rstrip("/") + offer.get_absolute_url()


def test_publishing_emails_the_contact_in_their_language_with_the_link(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    offer = submitted_offer(firm("it", "giulia@caseificio.example"), title="Sery dojrzewające")
    add_translation(offer, "it", title="Formaggi stagionati")

    with django_capture_on_commit_callbacks(execute=True):
        services.offer_publish(offer=offer, by=staff)

    (message,) = mailoutbox
    assert message.to == ["giulia@caseificio.example"]
    assert message.reply_to == [settings.PORTAL_CONTACT["email"]]
    assert message.subject == in_language(
        "it", "Your co-operation offer %(reference)s is published", reference=offer.reference
    )
    assert public_link(offer, "it") in message.body
    assert public_link(offer, "it").startswith(settings.PORTAL_URL.rstrip("/") + "/it/")
    assert '"Formaggi stagionati"' in message.body
    assert "Sery dojrzewające" not in message.body


def test_nothing_is_sent_when_the_publication_is_rolled_back(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    offer = submitted_offer(firm("pl", "jan@firma.example"))

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.offer_publish(offer=offer, by=staff)
        raise RuntimeError("the request failed after publishing")

    assert callbacks == []
    assert mailoutbox == []
    assert Offer.objects.get(pk=offer.pk).status == Status.SUBMITTED


def test_rejecting_emails_the_reason(staff, mailoutbox, django_capture_on_commit_callbacks):
    offer = submitted_offer(firm("de", "klaus@molkerei.example"))
    reason = "Die Beschreibung nennt keine Produkte."

    with django_capture_on_commit_callbacks(execute=True):
        services.offer_reject(offer=offer, by=staff, reason=reason)

    (message,) = mailoutbox
    assert message.to == ["klaus@molkerei.example"]
    assert message.subject == in_language(
        "de",
        "Your co-operation offer %(reference)s has not been published",
        reference=offer.reference,
    )
    assert reason in message.body
    assert public_link(offer, "de") not in message.body


def test_asking_for_changes_returns_a_draft_logs_it_and_emails_the_reason(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    offer = submitted_offer(firm("cs", "jana@mlekarna.example"))
    reason = "Doplňte prosím, do kterých zemí chcete vyvážet."

    with django_capture_on_commit_callbacks(execute=True):
        services.offer_request_changes(offer=offer, by=staff, reason=reason)

    offer.refresh_from_db()
    assert offer.status == Status.DRAFT
    event = offer.events.latest("pk")
    assert (event.from_status, event.to_status, event.by, event.reason) == (
        Status.SUBMITTED,
        Status.DRAFT,
        staff,
        reason,
    )
    (message,) = mailoutbox
    assert message.to == ["jana@mlekarna.example"]
    assert message.subject == in_language(
        "cs", "Changes needed in your co-operation offer %(reference)s", reference=offer.reference
    )
    assert reason in message.body
    with translation.override("cs"):
        questionnaire = reverse("questionnaire:start")
    assert settings.PORTAL_URL.rstrip("/") + questionnaire in message.body
    assert questionnaire.startswith("/cs/")


@pytest.mark.parametrize("status", [Status.DRAFT, Status.PUBLISHED, Status.REJECTED])
def test_only_a_submitted_offer_is_returned_for_changes(staff, mailoutbox, status):
    offer = submitted_offer(firm("pl", "jan@firma.example"))
    if status == Status.DRAFT:
        offer = services.offer_request_changes(offer=offer, by=staff, reason="Popraw.")
    elif status == Status.PUBLISHED:
        offer = services.offer_publish(offer=offer, by=staff)
    else:
        offer = services.offer_reject(offer=offer, by=staff, reason="Nie.")
    events = offer.events.count()

    with pytest.raises(services.TransitionError):
        services.offer_request_changes(offer=offer, by=staff, reason="Jeszcze raz.")

    assert Offer.objects.get(pk=offer.pk).status == status
    assert offer.events.count() == events


def test_the_admin_action_asks_for_the_reason_and_the_firm_is_told(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    add_roles()
    sign_in(client, MODERATOR)
    offer = submitted_offer(firm("pl", "jan@firma.example"), title="Przyczepy")
    url = reverse("admin:offers_offer_changelist")
    data = {"action": "request_changes_offers", "_selected_action": [offer.pk]}

    page = client.post(url, data)
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, {**data, "apply": "1", "reason": "Dodaj opis produktu."})

    assert page.status_code == 200
    assert f"{offer.reference}: Przyczepy" in page.content.decode()
    assert done.status_code == 302
    assert Offer.objects.get(pk=offer.pk).status == Status.DRAFT
    (message,) = mailoutbox
    assert "Dodaj opis produktu." in message.body

    client.post(url, {"action": "submit_offers", "_selected_action": [offer.pk]})

    assert Offer.objects.get(pk=offer.pk).status == Status.SUBMITTED


def test_accepting_a_submission_sends_only_its_decision_and_publishing_its_offer_one_more(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    submission = make_submission(language="it")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        organisation = submission_services.submission_accept(submission=submission, by=staff)

    (decision,) = mailoutbox
    assert decision.to == [submission.email]
    assert decision.subject == in_language("it", "Your questionnaire has been accepted")
    (offer,) = organisation.offers.all()
    assert offer.status == Status.SUBMITTED

    with django_capture_on_commit_callbacks(execute=True):
        services.offer_publish(offer=offer, by=staff)

    assert len(mailoutbox) == 2
    assert mailoutbox[1].to == [submission.email]
    assert mailoutbox[1].subject == in_language(
        "it", "Your co-operation offer %(reference)s is published", reference=offer.reference
    )


@pytest.mark.parametrize("decision", ["publish", "reject", "request changes"])
def test_an_organisation_without_an_address_is_sent_nothing(
    staff, mailoutbox, django_capture_on_commit_callbacks, decision
):
    offer = submitted_offer(OrganisationFactory(email=""))
    decide = {
        "publish": lambda: services.offer_publish(offer=offer, by=staff),
        "reject": lambda: services.offer_reject(offer=offer, by=staff, reason="Nie."),
        "request changes": lambda: services.offer_request_changes(
            offer=offer, by=staff, reason="Popraw."
        ),
    }[decision]

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        decide()

    assert len(callbacks) == 1
    assert mailoutbox == []
    assert Offer.objects.get(pk=offer.pk).status != Status.SUBMITTED


def test_an_organisation_without_a_contact_person_is_written_at_its_own_address(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    offer = submitted_offer(OrganisationFactory(email="biuro@serowar.example"), language="de")

    with django_capture_on_commit_callbacks(execute=True):
        services.offer_publish(offer=offer, by=staff)

    (message,) = mailoutbox
    assert message.to == ["biuro@serowar.example"]
    assert public_link(offer, "de") in message.body
