import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from offers import links
from offers.models import Offer
from offers.search import search_offers
from offers.selectors import live_offers
from tests.factories import ContactPersonFactory, OrganisationFactory
from tests.offers.factories import OfferFactory

pytestmark = pytest.mark.django_db

Status = Offer.Status
DAY = datetime.timedelta(days=1)


def maintenance():
    out = io.StringIO()
    call_command("offer_maintenance", stdout=out)
    return out.getvalue()


def expiring_in(days, **kwargs):
    """Published so that it expires in `days` days."""
    return OfferFactory(published_at=timezone.now() - (365 - days) * DAY, **kwargs)


def renew_link(body):
    return re.search(r"http://testserver/\S+", body).group(0)


def test_the_job_expires_archives_and_prints_its_counts():
    now = timezone.now()
    past = OfferFactory(published_at=now - 370 * DAY)
    old = OfferFactory(published_at=now - 800 * DAY)
    live = OfferFactory(published_at=now - 10 * DAY)

    first = maintenance()
    second = maintenance()

    assert first.splitlines() == [
        "Offers expired: 2.",
        "Offers archived: 1.",
        "Expiry reminders sent: 0.",
    ]
    assert second.splitlines() == [
        "Offers expired: 0.",
        "Offers archived: 0.",
        "Expiry reminders sent: 0.",
    ]
    assert dict(Offer.objects.values_list("pk", "status")) == {
        past.pk: Status.EXPIRED,
        old.pk: Status.ARCHIVED,
        live.pk: Status.PUBLISHED,
    }
    assert list(old.events.values_list("to_status", flat=True)) == [
        Status.DRAFT,
        Status.SUBMITTED,
        Status.PUBLISHED,
        Status.EXPIRED,
        Status.ARCHIVED,
    ]


def test_reminder_goes_once_to_the_contact_person_in_their_language_with_the_renew_link():
    organisation = OrganisationFactory(email="biuro@serowar.example")
    ContactPersonFactory(organisation=organisation, email="", language="de")
    ContactPersonFactory(organisation=organisation, email="giulia@serowar.example", language="it")
    ContactPersonFactory(organisation=organisation, email="jan@serowar.example", language="pl")
    offer = expiring_in(10, organisation=organisation, title="Sery dojrzewające")

    first = maintenance()
    second = maintenance()

    assert "Expiry reminders sent: 1." in first
    assert "Expiry reminders sent: 0." in second
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["giulia@serowar.example"]
    offer.refresh_from_db()
    with translation.override("it"):
        subject = gettext("Your co-operation offer %(reference)s expires soon") % {
            "reference": offer.reference
        }
        body = render_to_string(
            "offers/email/reminder.txt",
            {
                "offer": offer,
                "title": "Sery dojrzewające",
                "link": renew_link(message.body),
                "link_days": links.RENEW_LINK_DAYS,
                "contact": {"name": "", "email": ""},
            },
        )
    assert message.subject == subject
    # The body is the Italian rendering (up to the office's signature).
    assert message.body.split("\n--\n")[0] == body.split("\n--\n")[0]
    link = renew_link(message.body)
    token = link.removeprefix("http://testserver/it/offers/renew/").removesuffix("/")
    assert link == f"http://testserver/it/offers/renew/{token}/"
    assert links.reference_from_renew_token(token) == offer.reference
    assert offer.reminder_sent_at is not None
    assert offer.status == Status.PUBLISHED


def test_the_renew_link_in_the_reminder_opens_the_renewal_page(client):
    contact = ContactPersonFactory(language="en")
    expiring_in(5, organisation=contact.organisation)
    maintenance()

    response = client.get(renew_link(mail.outbox[0].body).removeprefix("http://testserver"))

    assert response.status_code == 200


def test_without_a_contact_person_the_organisation_is_written_to_in_the_offer_language():
    organisation = OrganisationFactory(email="info@molkerei.example")
    expiring_in(3, organisation=organisation, language="de", title="Käse")

    maintenance()

    assert [message.to for message in mail.outbox] == [["info@molkerei.example"]]
    assert "http://testserver/de/offers/renew/" in mail.outbox[0].body


def test_no_reminder_for_renewed_later_reminded_expired_or_unpublished_offers():
    contact = ContactPersonFactory()
    organisation = contact.organisation
    renewed = OfferFactory(organisation=organisation, published_at=timezone.now() - 700 * DAY)
    Offer.objects.filter(pk=renewed.pk).update(
        renewed_at=timezone.now() - 300 * DAY, expires_at=timezone.now() + 5 * DAY
    )
    expiring_in(20, organisation=organisation)  # later
    reminded = expiring_in(10, organisation=organisation)
    Offer.objects.filter(pk=reminded.pk).update(reminder_sent_at=timezone.now() - DAY)
    expiring_in(-1, organisation=organisation)  # past its date
    withdrawn = expiring_in(10, organisation=organisation)
    Offer.objects.filter(pk=withdrawn.pk).update(status=Status.WITHDRAWN)

    output = maintenance()

    assert "Expiry reminders sent: 0." in output
    assert mail.outbox == []


def test_an_organisation_without_any_address_is_counted_and_tried_again():
    organisation = OrganisationFactory(email="")
    offer = expiring_in(10, organisation=organisation)

    output = maintenance()

    assert mail.outbox == []
    assert "Expiry reminders not sent (the organisation has no e-mail address): 1." in output
    offer.refresh_from_db()
    assert offer.reminder_sent_at is None


def test_the_job_reads_the_words_of_published_offers_again_for_misspelt_searches():
    OfferFactory(title="Przyczepy rolnicze", summary="Podwykonawstwo.")

    def misspelt():
        return [offer.title_pl for offer in search_offers(live_offers("pl"), "psyczepy", "pl")]

    assert misspelt() == []

    maintenance()

    assert misspelt() == ["Przyczepy rolnicze"]
