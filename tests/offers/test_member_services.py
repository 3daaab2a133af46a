"""What a firm's member does with its offers and with the interest they received."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from companies.models import Cluster
from offers import selectors, services
from offers.models import ExpressionOfInterest, Offer, OfferRevision, OfferTranslation
from offers.services import interest
from portal.common.mail import absolute
from tests.factories import ContactPersonFactory, OrganisationFactory
from tests.offers.factories import OfferFactory, add_translation
from tests.offers.interest import make_interest

pytestmark = pytest.mark.django_db

Status = Offer.Status
State = OfferTranslation.State
Revision = OfferRevision.Status
Outcome = ExpressionOfInterest.Outcome
DAY = datetime.timedelta(days=1)


@pytest.fixture
def member():
    return User.objects.create_user("zofia", "zofia@mleczarnia.example", "pass")


@pytest.fixture
def moderator():
    return User.objects.create_user("moderator", "moderator@urzad.example", "pass", is_staff=True)


def page_url(offer, language="pl"):
    with translation.override(language):
        return offer.get_absolute_url()


def firm_offer(contact_language="it", **kwargs):
    """A published Polish offer of a firm whose contact person reads `contact_language`."""
    contact = ContactPersonFactory(email="zofia@mleczarnia.example", language=contact_language)
    offer = OfferFactory(organisation=contact.organisation, title="Sery dojrzewające", **kwargs)
    add_translation(offer, "it", title="Formaggi stagionati", summary="Cerchiamo partner.")
    return Offer.objects.get(pk=offer.pk)


# Edits of a published offer: proposed, then decided by the office.


def test_a_proposed_edit_leaves_the_public_page_as_it_was_until_accepted(
    client, page_cache, member, moderator, django_capture_on_commit_callbacks, mailoutbox
):
    offer = firm_offer()
    dairy = Cluster.objects.get(slug="dairy")
    assert "Sery dojrzewające" in client.get(page_url(offer)).content.decode()  # kept now

    revision = services.offer_propose_edit(
        offer=offer,
        changes={"title": "Sery dojrzewające z Podlasia", "keywords": "ser", "clusters": [dairy]},
        by=member,
    )

    page = client.get(page_url(offer)).content.decode()
    offer.refresh_from_db()
    assert "Sery dojrzewające z Podlasia" not in page
    assert (offer.title_pl, offer.keywords, list(offer.clusters.all())) == (
        "Sery dojrzewające",
        "",
        [],
    )
    assert offer.translations.get(language="it").state == State.HUMAN
    assert (revision.status, revision.proposed_by, revision.language) == (
        Revision.PENDING,
        member,
        "pl",
    )
    assert (revision.title, revision.summary) == (
        "Sery dojrzewające z Podlasia",
        "Szukamy partnerów handlowych.",
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.offer_accept_edit(revision=revision, by=moderator)

    page = client.get(page_url(offer)).content.decode()
    offer.refresh_from_db()
    revision.refresh_from_db()
    assert "Sery dojrzewające z Podlasia" in page
    assert (offer.title_pl, offer.keywords, list(offer.clusters.all())) == (
        "Sery dojrzewające z Podlasia",
        "ser",
        [dairy],
    )
    assert offer.translations.get(language="it").state == State.OUTDATED
    assert offer.translations.get(language="pl").state == State.SOURCE
    assert (revision.status, revision.decided_by) == (Revision.ACCEPTED, moderator)
    assert revision.decided_at is not None
    latest = offer.history.latest("history_date")
    assert (latest.title_pl, latest.history_user) == ("Sery dojrzewające z Podlasia", moderator)
    event = offer.events.latest("pk")
    assert (event.from_status, event.to_status, event.by, event.reason) == (
        Status.PUBLISHED,
        Status.PUBLISHED,
        moderator,
        "edit accepted",
    )
    (message,) = mailoutbox
    assert message.to == ["zofia@mleczarnia.example"]
    assert message.subject == (
        f"La modifica dell'offerta di cooperazione {offer.reference} è pubblicata"
    )
    assert "Formaggi stagionati" in message.body
    assert absolute(page_url(offer, "it")) in message.body


def test_a_new_proposal_builds_on_the_pending_one_and_supersedes_it(member):
    offer = firm_offer()
    first = services.offer_propose_edit(offer=offer, changes={"title": "Nowy tytuł"}, by=member)

    second = services.offer_propose_edit(
        offer=offer, changes={"summary": "Nowe streszczenie."}, by=member
    )

    first.refresh_from_db()
    assert first.status == Revision.SUPERSEDED
    assert (second.status, second.title, second.summary) == (
        Revision.PENDING,
        "Nowy tytuł",
        "Nowe streszczenie.",
    )
    assert offer.revisions.filter(status=Revision.PENDING).get() == second


def test_proposing_the_offer_as_it_is_withdraws_the_pending_proposal(member):
    offer = firm_offer()
    first = services.offer_propose_edit(offer=offer, changes={"title": "Nowy tytuł"}, by=member)

    again = services.offer_propose_edit(
        offer=offer, changes={"title": "Sery dojrzewające"}, by=member
    )

    first.refresh_from_db()
    assert again is None
    assert first.status == Revision.SUPERSEDED
    assert not offer.revisions.filter(status=Revision.PENDING).exists()


def test_a_proposal_with_a_bad_value_is_refused_with_a_translated_message(member):
    offer = firm_offer()

    with translation.override("pl"), pytest.raises(ValidationError) as empty_title:
        services.offer_propose_edit(offer=offer, changes={"title": "  "}, by=member)
    with translation.override("en"), pytest.raises(ValidationError) as bad_type:
        services.offer_propose_edit(
            offer=offer, changes={"cooperation_types": ["bribe"]}, by=member
        )
    with pytest.raises(ValidationError) as bad_country:
        services.offer_propose_edit(offer=offer, changes={"target_countries": ["XX"]}, by=member)
    with pytest.raises(ValueError):
        services.offer_propose_edit(offer=offer, changes={"status": "published"}, by=member)

    assert empty_title.value.message_dict["title"] == ["To pole nie może być puste."]
    assert bad_type.value.message_dict["cooperation_types"] == [
        "Choose the co-operation types from the list."
    ]
    assert "target_countries" in bad_country.value.message_dict
    assert not OfferRevision.objects.exists()


def test_rejecting_an_edit_needs_a_reason_and_tells_the_firm_in_its_language(
    member, moderator, django_capture_on_commit_callbacks, mailoutbox
):
    offer = firm_offer(contact_language="de")
    revision = services.offer_propose_edit(offer=offer, changes={"title": "Inny"}, by=member)

    with translation.override("en"), pytest.raises(services.EditRefused) as refused:
        services.offer_reject_edit(revision=revision, by=moderator, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.offer_reject_edit(
            revision=revision, by=moderator, reason="Der Titel beschreibt das Angebot nicht."
        )

    revision.refresh_from_db()
    offer.refresh_from_db()
    assert refused.value.message == (
        "Give the reason for rejecting the edit: the organisation is told."
    )
    assert (revision.status, revision.decided_by, revision.reason) == (
        Revision.REJECTED,
        moderator,
        "Der Titel beschreibt das Angebot nicht.",
    )
    assert offer.title_pl == "Sery dojrzewające"
    (message,) = mailoutbox
    assert message.to == ["zofia@mleczarnia.example"]
    assert message.subject == (
        f"Ihre Änderung des Kooperationsangebots {offer.reference} wurde nicht angenommen"
    )
    assert "Der Titel beschreibt das Angebot nicht." in message.body
    with pytest.raises(services.EditRefused):
        services.offer_accept_edit(revision=revision, by=moderator)


def test_only_a_published_or_expired_offer_takes_proposals(member):
    draft = OfferFactory(published=False)
    withdrawn = services.offer_withdraw(offer=OfferFactory())

    for offer in (draft, withdrawn):
        with translation.override("en"):
            with pytest.raises(services.EditRefused) as refused:
                services.offer_propose_edit(offer=offer, changes={"title": "X"}, by=member)
            status = offer.get_status_display()
        assert refused.value.message == (
            f"{offer.reference} cannot be edited now: its status is {status}."
        )
    with pytest.raises(services.EditRefused):
        services.offer_edit(offer=OfferFactory(), changes={"title": "X"}, by=member)
    assert not OfferRevision.objects.exists()


# Edits in place, before publication.


def test_a_member_creates_an_offer_and_submits_it(member):
    organisation = OrganisationFactory()

    offer = services.offer_create(
        organisation=organisation,
        kind=Offer.Kind.BUSINESS_REQUEST,
        language="pl",
        title="Szukamy dostawcy mleka",
        summary="Skup mleka od rolników.",
        open_for_interest=False,
        by=member,
    )
    services.offer_submit(offer=offer, by=member)

    offer.refresh_from_db()
    assert (offer.status, offer.open_for_interest) == (Status.SUBMITTED, False)
    assert list(offer.events.order_by("pk").values_list("to_status", "by__username")) == [
        (Status.DRAFT, "zofia"),
        (Status.SUBMITTED, "zofia"),
    ]
    assert offer.history.earliest("history_date").history_user == member


def test_a_draft_is_edited_in_place_and_stays_a_draft_until_submitted(member):
    offer = OfferFactory(published=False)

    services.offer_edit(offer=offer, changes={"title": "Poprawiony", "kind": "research"}, by=member)

    offer.refresh_from_db()
    assert (offer.status, offer.title_pl, offer.kind) == (Status.DRAFT, "Poprawiony", "research")
    assert not OfferRevision.objects.exists()


def test_a_draft_returned_for_changes_goes_back_to_moderation_when_edited(member, moderator):
    offer = services.offer_submit(offer=OfferFactory(published=False))
    services.offer_request_changes(offer=offer, by=moderator, reason="Popraw tytuł.")

    services.offer_edit(offer=offer, changes={"title": "Poprawiony"}, by=member)

    offer.refresh_from_db()
    assert (offer.status, offer.title_pl) == (Status.SUBMITTED, "Poprawiony")
    event = offer.events.latest("pk")
    assert (event.from_status, event.to_status, event.by, event.reason) == (
        Status.DRAFT,
        Status.SUBMITTED,
        member,
        "edited",
    )


def test_a_rejected_offer_edited_goes_back_to_moderation_and_its_translations_outdate(
    member, moderator
):
    offer = services.offer_submit(offer=OfferFactory(published=False))
    add_translation(offer, "en", title="Ripened cheese")
    services.offer_reject(offer=offer, by=moderator, reason="Za mało.", notify=False)

    services.offer_edit(offer=offer, changes={"summary": "Więcej szczegółów."}, by=member)

    offer.refresh_from_db()
    assert (offer.status, offer.summary_pl) == (Status.SUBMITTED, "Więcej szczegółów.")
    assert offer.translations.get(language="en").state == State.OUTDATED


# Renewal by a member: once, within 30 days of the expiry date.


def published_expiring_in(days):
    offer = OfferFactory()
    Offer.objects.filter(pk=offer.pk).update(expires_at=timezone.now() + days * DAY)
    return Offer.objects.get(pk=offer.pk)


def test_a_member_renews_within_thirty_days_of_the_expiry_date(member):
    offer = published_expiring_in(20)
    expires = offer.expires_at

    services.offer_renew_by_member(offer=offer, by=member)

    offer.refresh_from_db()
    assert offer.expires_at == expires + services.PUBLICATION_PERIOD
    assert offer.renewed_at is not None
    assert offer.events.latest("pk").by == member


def test_a_member_renews_an_offer_expired_less_than_thirty_days_ago(member):
    offer = published_expiring_in(-10)
    services.offer_expire(offer=offer)

    services.offer_renew_by_member(offer=offer, by=member)

    offer.refresh_from_db()
    assert offer.status == Status.PUBLISHED
    assert offer.expires_at > timezone.now() + 360 * DAY


def test_a_member_may_not_renew_too_early_too_late_or_twice(member):
    early = published_expiring_in(45)
    late = published_expiring_in(-31)
    twice = published_expiring_in(10)
    services.offer_renew_by_member(offer=twice, by=member)

    refusals = {}
    with translation.override("en"):
        for name, offer in {"early": early, "late": late, "twice": twice}.items():
            with pytest.raises(services.RenewalRefused) as refused:
                services.offer_renew_by_member(offer=offer, by=member)
            refusals[name] = refused.value.message

    assert refusals["early"].startswith("This offer can be renewed from ")
    assert refusals["early"].endswith(", 30 days before it expires.")
    assert refusals["late"] == (
        "This offer expired more than 30 days ago and can no longer be renewed: "
        "send it to the office again as a new offer."
    )
    assert refusals["twice"].startswith("This offer was renewed once already, on ")
    with translation.override("pl"):
        assert services.member_renewal_refusal(late) == (
            "Ta oferta wygasła ponad 30 dni temu i nie można jej już przedłużyć: "
            "wyślij ją do urzędu ponownie jako nową ofertę."
        )
    early.refresh_from_db()
    late.refresh_from_db()
    assert (early.renewed_at, late.renewed_at) == (None, None)


def test_the_emailed_renewal_link_keeps_its_own_rules(client):
    """An offer expiring in 45 days, too early for a member, is renewed by its e-mailed link."""
    from offers import links

    offer = published_expiring_in(45)
    with translation.override("en"):
        url = reverse("offers:offer_renew", kwargs={"token": links.renew_token(offer)})

    client.post(url)

    offer.refresh_from_db()
    assert offer.renewed_at is not None


# Outcomes of expressions of interest.


def test_an_outcome_is_recorded_only_for_a_forwarded_interest_and_logged(member, moderator):
    offer = firm_offer()
    new = make_interest(offer)
    forwarded = interest.interest_forward(
        interest=make_interest(offer, email="b@partner.example"), by=moderator
    )

    with pytest.raises(interest.TransitionError):
        interest.interest_set_outcome(interest=new, outcome=Outcome.CONTACTED, by=member)
    with pytest.raises(ValueError):
        interest.interest_set_outcome(interest=forwarded, outcome="married", by=member)
    interest.interest_set_outcome(interest=forwarded, outcome=Outcome.MEETING, by=member)
    interest.interest_set_outcome(interest=forwarded, outcome=Outcome.AGREEMENT, by=member)

    new.refresh_from_db()
    forwarded.refresh_from_db()
    assert (new.status, new.outcome) == (ExpressionOfInterest.Status.NEW, "")
    assert (forwarded.status, forwarded.outcome, forwarded.outcome_by) == (
        ExpressionOfInterest.Status.FORWARDED,
        Outcome.AGREEMENT,
        member,
    )
    assert forwarded.outcome_at is not None
    assert list(
        LogEntry.objects.filter(object_id=str(forwarded.pk))
        .order_by("pk")
        .values_list("user__username", "change_message")
    ) == [
        ("moderator", "Forwarded to the firm."),
        ("zofia", "Outcome: meeting."),
        ("zofia", "Outcome: agreement."),
    ]


def test_the_interest_admin_shows_and_filters_the_outcome(admin_client, moderator):
    offer = firm_offer()
    agreed = interest.interest_forward(interest=make_interest(offer), by=moderator)
    interest.interest_set_outcome(interest=agreed, outcome=Outcome.AGREEMENT, by=moderator)
    interest.interest_forward(interest=make_interest(offer, email="b@partner.example"), by=None)

    with translation.override("en"):
        url = reverse("admin:offers_expressionofinterest_changelist")
    response = admin_client.get(url, {"outcome__exact": Outcome.AGREEMENT})

    assert [row.pk for row in response.context["cl"].result_list] == [agreed.pk]
    assert '<td class="field-outcome">agreement signed</td>' in response.content.decode()


# Selectors of the member area.


def test_an_organisations_offers_every_status_newest_first_in_two_queries(
    member, moderator, django_assert_num_queries
):
    organisation = ContactPersonFactory(email="zofia@mleczarnia.example").organisation
    published = OfferFactory(organisation=organisation)
    draft = OfferFactory(organisation=organisation, published=False)
    withdrawn = services.offer_withdraw(offer=OfferFactory(organisation=organisation))
    OfferFactory()  # another organisation's
    services.offer_propose_edit(offer=published, changes={"title": "Nowy"}, by=member)
    interest.interest_forward(interest=make_interest(published), by=moderator)
    make_interest(published, email="b@partner.example")  # not forwarded

    with django_assert_num_queries(2):
        rows = [
            (
                offer.reference,
                offer.status,
                offer.has_pending_edit,
                offer.interests_forwarded,
                [row.state for row in offer.reader_translations],
            )
            for offer in selectors.organisation_offers(organisation, "en")
        ]

    assert rows == [
        (withdrawn.reference, Status.WITHDRAWN, False, 0, [State.MISSING]),
        (draft.reference, Status.DRAFT, False, 0, [State.MISSING]),
        (published.reference, Status.PUBLISHED, True, 1, [State.MISSING]),
    ]


def test_the_interests_forwarded_to_an_organisation_in_one_query(
    moderator, django_assert_num_queries
):
    offer = firm_offer()
    first = interest.interest_forward(interest=make_interest(offer), by=moderator, note="Pilne.")
    second = interest.interest_forward(
        interest=make_interest(offer, email="b@partner.example", name="Luca Bianchi"),
        by=moderator,
    )
    make_interest(offer, email="c@partner.example")  # new: not forwarded
    interest.interest_forward(interest=make_interest(firm_offer_of_another()), by=moderator)

    organisation = offer.organisation

    with django_assert_num_queries(1):
        rows = [
            (row.pk, row.name, row.email, row.staff_note, row.offer.reference)
            for row in selectors.interests_forwarded_to(organisation)
        ]

    assert rows == [
        (second.pk, "Luca Bianchi", "b@partner.example", "", offer.reference),
        (first.pk, "Jana Nováková", "jana@mlekarna.example", "Pilne.", offer.reference),
    ]


def firm_offer_of_another():
    return OfferFactory(organisation=ContactPersonFactory(email="jan@inna.example").organisation)


# The office's pages for the edits.


def revision_url(name, *args):
    with translation.override("en"):
        return reverse(f"admin:offers_offerrevision_{name}", args=args)


def test_the_revision_page_shows_current_and_proposed_side_by_side_and_accepts(
    admin_client, member
):
    offer = firm_offer()
    revision = services.offer_propose_edit(
        offer=offer, changes={"title": "Sery z Podlasia", "is_anonymous": True}, by=member
    )

    page = admin_client.get(revision_url("change", revision.pk)).content.decode()
    accepted = admin_client.post(revision_url("accept", revision.pk))

    rows = " ".join(page.split())
    assert (
        '<tr class="changed"> <th scope="row"> Title <strong>(changed)</strong> </th> '
        "<td>Sery dojrzewające</td> <td>Sery z Podlasia</td> </tr>"
    ) in rows
    assert "<td>no</td> <td>yes</td>" in rows
    assert revision_url("accept", revision.pk) in page
    assert accepted.status_code == 302
    offer.refresh_from_db()
    assert (offer.title_pl, offer.is_anonymous) == ("Sery z Podlasia", True)


def test_rejecting_in_the_admin_without_a_reason_changes_nothing(admin_client, member):
    revision = services.offer_propose_edit(offer=firm_offer(), changes={"title": "Inny"}, by=member)

    response = admin_client.post(revision_url("reject", revision.pk), {"reason": ""}, follow=True)

    revision.refresh_from_db()
    assert revision.status == Revision.PENDING
    assert [str(message) for message in response.context["messages"]] == [
        "Give the reason for rejecting the edit (at most 2000 characters)."
    ]


def test_the_revision_list_puts_pending_first_in_a_fixed_number_of_queries(
    admin_client, member, moderator, django_assert_num_queries
):
    first = firm_offer()
    accepted = services.offer_propose_edit(offer=first, changes={"title": "A"}, by=member)
    services.offer_accept_edit(revision=accepted, by=moderator)
    pending = services.offer_propose_edit(offer=first, changes={"title": "B"}, by=member)
    admin_client.get(revision_url("changelist"))  # the session and permissions, once

    with django_assert_num_queries(8):
        response = admin_client.get(revision_url("changelist"))
    assert list(response.context["cl"].result_list) == [pending, accepted]

    for number in range(3):
        services.offer_propose_edit(
            offer=OfferFactory(), changes={"title": f"C{number}"}, by=member
        )
    with django_assert_num_queries(8):
        response = admin_client.get(revision_url("changelist"))
    listed = list(response.context["cl"].result_list)
    assert [revision.status for revision in listed] == [Revision.PENDING] * 4 + [Revision.ACCEPTED]
    assert (listed[3], listed[4]) == (pending, accepted)
