"""Every e-mail about an offer reaches the firm by one rule: one address, one language."""

import pytest
from django.contrib.auth.models import User
from django.utils import translation
from django.utils.translation import gettext

from offers import services
from offers.services import interest
from tests.factories import ContactPersonFactory, OrganisationFactory
from tests.offers.factories import OfferFactory
from tests.offers.interest import make_interest

pytestmark = pytest.mark.django_db


def in_language(language, msgid, **values):
    with translation.override(language):
        return gettext(msgid) % values


@pytest.mark.parametrize(
    ("contact_language", "address", "language"),
    [
        # Without a contact person: the organisation's own address, in the offer's language.
        (None, "info@molkerei.example", "de"),
        # With one: that person, in the language they chose.
        ("it", "giulia@molkerei.example", "it"),
    ],
)
def test_the_decision_and_the_forwarded_interest_reach_the_same_address_in_one_language(
    mailoutbox, django_capture_on_commit_callbacks, contact_language, address, language
):
    staff = User.objects.create_user("moderator", "moderator@urzad.example", "pass")
    organisation = OrganisationFactory(email="info@molkerei.example")
    if contact_language:
        ContactPersonFactory(organisation=organisation, email=address, language=contact_language)
    offer = services.offer_submit(
        offer=OfferFactory(organisation=organisation, language="de", published=False)
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.offer_publish(offer=offer, by=staff)
    (decision,) = mailoutbox
    with django_capture_on_commit_callbacks(execute=True):
        expression = make_interest(offer=offer, phone="")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        interest.interest_forward(interest=expression, by=staff)
    (forwarded,) = mailoutbox

    assert decision.to == forwarded.to == [address]
    assert decision.subject == in_language(
        language, "Your co-operation offer %(reference)s is published", reference=offer.reference
    )
    assert forwarded.subject == in_language(
        language, "A partner is interested in your offer %(reference)s", reference=offer.reference
    )
    assert in_language(
        language, "A partner is interested in your offer %(reference)s", reference="X"
    ) != in_language("en", "A partner is interested in your offer %(reference)s", reference="X")
