import datetime

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from offers import services
from offers.models import Offer, OfferEvent, OfferTranslation
from tests.factories import OrganisationFactory
from tests.offers.factories import OfferFactory, add_translation

pytestmark = pytest.mark.django_db

Status = Offer.Status
State = OfferTranslation.State
DAY = datetime.timedelta(days=1)

# How each target status is reached; an expired offer is published again by renewal.
MOVES = {
    Status.DRAFT: lambda offer, by: services.offer_request_changes(
        offer=offer, by=by, reason="Popraw"
    ),
    Status.SUBMITTED: lambda offer, by: services.offer_submit(offer=offer, by=by),
    Status.PUBLISHED: lambda offer, by: services.offer_publish(offer=offer, by=by),
    Status.REJECTED: lambda offer, by: services.offer_reject(offer=offer, by=by, reason="Za mało"),
    Status.WITHDRAWN: lambda offer, by: services.offer_withdraw(
        offer=offer, by=by, reason="Sprzedane"
    ),
    Status.EXPIRED: lambda offer, by: services.offer_expire(offer=offer, by=by, reason="Termin"),
    Status.ARCHIVED: lambda offer, by: services.offer_archive(offer=offer, by=by, reason="Stara"),
}
REASONS = {
    Status.DRAFT: "Popraw",
    Status.SUBMITTED: "",
    Status.PUBLISHED: "",
    Status.REJECTED: "Za mało",
    Status.WITHDRAWN: "Sprzedane",
    Status.EXPIRED: "Termin",
    Status.ARCHIVED: "Stara",
}


@pytest.fixture
def staff():
    return User.objects.create_user("moderator", "moderator@urzad.example", "pass", is_staff=True)


def offer_in(status, **kwargs):
    """A draft, then put straight into `status` (the state a test starts from)."""
    offer = OfferFactory(published=False, **kwargs)
    published_days_ago = {Status.DRAFT: None, Status.SUBMITTED: None, Status.EXPIRED: 400}.get(
        status, 30
    )
    if published_days_ago:
        published_at = timezone.now() - published_days_ago * DAY
        Offer.objects.filter(pk=offer.pk).update(
            published_at=published_at, expires_at=published_at + 365 * DAY
        )
    Offer.objects.filter(pk=offer.pk).update(status=status)
    offer.events.all().delete()  # the log starts at the status the test sets
    offer.refresh_from_db()
    return offer


def test_create_writes_the_source_texts_eight_translation_states_and_a_log_entry(staff):
    organisation = OrganisationFactory()

    offer = services.offer_create(
        organisation=organisation,
        kind=Offer.Kind.TECHNOLOGY_OFFER,
        language="it",
        title="Fermenti probiotici",
        summary="Ceppi per formaggi.",
        by=staff,
    )

    assert offer.reference == f"OF-{timezone.now().year}-00001"
    assert (offer.title_it, offer.summary_it) == ("Fermenti probiotici", "Ceppi per formaggi.")
    assert not offer.title_pl
    assert dict(offer.translations.values_list("language", "state")) == {
        "pl": State.MISSING,
        "en": State.MISSING,
        "de": State.MISSING,
        "it": State.SOURCE,
        "cs": State.MISSING,
        "hu": State.MISSING,
        "ro": State.MISSING,
        "bg": State.MISSING,
    }
    assert list(offer.events.values_list("from_status", "to_status", "by")) == [
        ("", Status.DRAFT, staff.pk)
    ]


def test_references_count_up_within_the_year():
    first = OfferFactory(published=False)
    second = OfferFactory(published=False)

    year = timezone.now().year
    assert (first.reference, second.reference) == (f"OF-{year}-00001", f"OF-{year}-00002")


@pytest.mark.parametrize("from_status", [status for status in Status if status != Status.DRAFT])
@pytest.mark.parametrize("to_status", list(MOVES))
def test_every_transition_is_allowed_or_refused_as_the_table_says(from_status, to_status, staff):
    offer = offer_in(from_status)
    allowed = to_status in services.TRANSITIONS[from_status] and not (
        from_status == Status.EXPIRED and to_status == Status.PUBLISHED
    )

    if allowed:
        MOVES[to_status](offer, staff)
        offer.refresh_from_db()
        assert offer.status == to_status
        event = offer.events.get()
        assert (event.from_status, event.to_status, event.by, event.reason) == (
            from_status,
            to_status,
            staff,
            REASONS[to_status],
        )
    else:
        with pytest.raises(services.TransitionError):
            MOVES[to_status](offer, staff)
        offer.refresh_from_db()
        assert offer.status == from_status
        assert not offer.events.exists()


@pytest.mark.parametrize("to_status", list(MOVES))
def test_from_a_draft_only_submitting_and_withdrawing_are_allowed(to_status, staff):
    offer = OfferFactory(published=False)

    if to_status in {Status.SUBMITTED, Status.WITHDRAWN}:
        MOVES[to_status](offer, staff)
        assert offer.events.latest("pk").to_status == to_status
    else:
        with pytest.raises(services.TransitionError):
            MOVES[to_status](offer, staff)
        assert Offer.objects.get(pk=offer.pk).status == Status.DRAFT


def test_publish_sets_twelve_months_and_clears_an_old_rejection_reason(staff):
    offer = offer_in(Status.SUBMITTED)
    Offer.objects.filter(pk=offer.pk).update(rejection_reason="Stary powód")
    moment = timezone.now() - 2 * DAY

    published = services.offer_publish(offer=offer, by=staff, now=moment)

    offer.refresh_from_db()
    assert published.status == offer.status == Status.PUBLISHED
    assert offer.published_at == moment
    assert offer.expires_at == moment + datetime.timedelta(days=365)
    assert offer.rejection_reason == ""


def test_an_expired_offer_is_not_published_again_but_renewed(staff):
    offer = offer_in(Status.EXPIRED)

    with pytest.raises(services.TransitionError):
        services.offer_publish(offer=offer, by=staff)
    services.offer_renew(offer=offer, by=staff)

    offer.refresh_from_db()
    assert offer.status == Status.PUBLISHED
    assert list(offer.events.values_list("from_status", "to_status", "reason")) == [
        (Status.EXPIRED, Status.PUBLISHED, "renewed")
    ]


def test_reject_keeps_the_reason_on_the_offer_and_in_the_log(staff):
    offer = offer_in(Status.SUBMITTED)

    services.offer_reject(offer=offer, by=staff, reason="Oferta bez opisu produktu.")

    offer.refresh_from_db()
    assert offer.status == Status.REJECTED
    assert offer.rejection_reason == "Oferta bez opisu produktu."
    assert offer.events.get().reason == "Oferta bez opisu produktu."


def test_renew_adds_twelve_months_from_the_expiry_date_once(staff):
    published_at = timezone.now() - 355 * DAY
    offer = OfferFactory(published_at=published_at)
    now = timezone.now()

    services.offer_renew(offer=offer, by=staff, now=now)

    offer.refresh_from_db()
    assert offer.expires_at == published_at + datetime.timedelta(days=730)
    assert offer.renewed_at == now
    assert offer.status == Status.PUBLISHED
    assert list(offer.events.values_list("from_status", "to_status", "by", "reason"))[-1] == (
        Status.PUBLISHED,
        Status.PUBLISHED,
        staff.pk,
        "renewed",
    )
    with pytest.raises(services.RenewalRefused):
        services.offer_renew(offer=offer, by=staff)
    offer.refresh_from_db()
    assert offer.expires_at == published_at + datetime.timedelta(days=730)
    assert offer.events.filter(reason="renewed").count() == 1


def test_renewing_an_expired_offer_counts_from_now():
    offer = offer_in(Status.EXPIRED)
    now = timezone.now()

    services.offer_renew(offer=offer, now=now)

    offer.refresh_from_db()
    assert (offer.status, offer.expires_at) == (Status.PUBLISHED, now + 365 * DAY)


@pytest.mark.parametrize(
    "status", [Status.DRAFT, Status.SUBMITTED, Status.REJECTED, Status.WITHDRAWN, Status.ARCHIVED]
)
def test_only_published_and_expired_offers_are_renewed(status):
    offer = offer_in(status)

    with pytest.raises(services.RenewalRefused):
        services.offer_renew(offer=offer)

    offer.refresh_from_db()
    assert (offer.status, offer.renewed_at) == (status, None)


def test_expire_due_marks_only_published_offers_past_their_date():
    now = timezone.now()
    past = OfferFactory(published_at=now - 366 * DAY)
    live = OfferFactory(published_at=now - 364 * DAY)
    withdrawn = offer_in(Status.WITHDRAWN)
    Offer.objects.filter(pk=withdrawn.pk).update(expires_at=now - DAY)

    assert services.offers_expire_due(now=now) == 1
    assert services.offers_expire_due(now=now) == 0

    statuses = dict(Offer.objects.values_list("pk", "status"))
    assert statuses == {
        past.pk: Status.EXPIRED,
        live.pk: Status.PUBLISHED,
        withdrawn.pk: Status.WITHDRAWN,
    }
    event = past.events.latest("pk")
    assert (event.from_status, event.to_status, event.by, event.reason) == (
        Status.PUBLISHED,
        Status.EXPIRED,
        None,
        "expiry date passed",
    )


def test_archive_due_counts_24_months_from_publication():
    now = timezone.now()
    old = OfferFactory(published_at=now - 731 * DAY)
    services.offers_expire_due(now=now)  # expired a year ago; saved (updated_at) today
    young = OfferFactory(published_at=now - 700 * DAY)
    services.offers_expire_due(now=now)
    old_published = OfferFactory(published_at=now - 740 * DAY)  # never marked expired
    renewed_late = OfferFactory(published_at=now - 740 * DAY)
    services.offer_renew(offer=renewed_late, now=now - 300 * DAY)  # live until now + 65 days
    rejected = offer_in(Status.REJECTED)
    Offer.objects.filter(pk=rejected.pk).update(published_at=None, updated_at=now - 731 * DAY)
    recent_rejection = offer_in(Status.REJECTED)
    Offer.objects.filter(pk=recent_rejection.pk).update(published_at=None)

    assert services.offers_archive_due(now=now) == 3
    assert services.offers_archive_due(now=now) == 0

    statuses = dict(Offer.objects.values_list("pk", "status"))
    assert statuses == {
        old.pk: Status.ARCHIVED,
        young.pk: Status.EXPIRED,
        old_published.pk: Status.ARCHIVED,
        renewed_late.pk: Status.PUBLISHED,
        rejected.pk: Status.ARCHIVED,
        recent_rejection.pk: Status.REJECTED,
    }
    assert old.events.latest("pk").reason == "24 months passed"


# Translations.


def states(offer):
    return dict(offer.translations.values_list("language", "state"))


def test_a_person_writes_a_human_translation_and_a_machine_never_replaces_it(staff):
    offer = OfferFactory(title="Mleko w proszku", summary="Dostawy całoroczne.")

    add_translation(offer, "it", title="Latte in polvere", summary="Forniture tutto l'anno.")
    add_translation(offer, "de", machine=True, title="Milchpulver", summary="Ganzjährig.")
    add_translation(offer, "it", machine=True, title="Latte (macchina)", summary="x")

    offer.refresh_from_db()
    assert offer.title_it == "Latte in polvere"
    assert states(offer)["it"] == State.HUMAN
    assert states(offer)["de"] == State.MACHINE
    assert states(offer)["pl"] == State.SOURCE


def test_writing_a_translation_does_not_undo_a_status_change_made_meanwhile():
    offer = OfferFactory(published=False)
    stale = Offer.objects.get(pk=offer.pk)
    services.offer_submit(offer=offer)

    add_translation(stale, "en", title="Milk powder")

    offer.refresh_from_db()
    assert (offer.status, offer.title_en) == (Status.SUBMITTED, "Milk powder")


def test_changing_the_source_makes_the_translations_outdated(staff):
    offer = OfferFactory(title="Mleko w proszku", summary="Dostawy całoroczne.")
    add_translation(offer, "it", title="Latte in polvere", summary="Forniture tutto l'anno.")
    add_translation(offer, "de", machine=True, title="Milchpulver", summary="Ganzjährig.")

    services.offer_update_source(offer=offer, texts={"summary": "Dostawy od marca."}, by=staff)

    assert states(offer) == {
        "pl": State.SOURCE,
        "en": State.MISSING,
        "de": State.OUTDATED,
        "it": State.OUTDATED,
        "cs": State.MISSING,
        "hu": State.MISSING,
        "ro": State.MISSING,
        "bg": State.MISSING,
    }


def test_sync_after_an_edit_marks_edited_languages_human_of_the_new_source(staff):
    offer = OfferFactory(title="Mleko w proszku")
    add_translation(offer, "it", title="Latte in polvere")
    add_translation(offer, "de", title="Milchpulver")
    offer.title_pl = "Mleko w proszku i serwatka"
    offer.title_it = "Latte in polvere e siero"
    offer.title_cs = "Sušené mléko"
    offer.save()

    services.offer_sync_translations(offer=offer, edited_languages={"it", "cs"}, by=staff)

    rows = {row.language: row for row in offer.translations.all()}
    assert {code: row.state for code, row in rows.items()} == {
        "pl": State.SOURCE,
        "en": State.MISSING,
        "de": State.OUTDATED,
        "it": State.HUMAN,
        "cs": State.HUMAN,
        "hu": State.MISSING,
        "ro": State.MISSING,
        "bg": State.MISSING,
    }
    assert rows["it"].updated_by == rows["cs"].updated_by == staff
    assert rows["it"].source_digest == rows["pl"].source_digest == services.source_digest(offer)


def test_clearing_a_translation_makes_it_missing(staff):
    offer = OfferFactory()
    add_translation(offer, "it", title="Latte in polvere")
    offer.title_it = ""
    offer.save()

    services.offer_sync_translations(offer=offer, edited_languages={"it"}, by=staff)

    assert states(offer)["it"] == State.MISSING


def test_offer_add_gives_a_reference_and_awaits_publication(staff):
    offer = Offer(
        organisation=OrganisationFactory(),
        kind=Offer.Kind.SUBCONTRACTING,
        source_language="pl",
        title_pl="Obróbka CNC",
    )

    services.offer_add(offer=offer, by=staff)
    services.offer_sync_translations(offer=offer, edited_languages=set(), by=staff)

    assert offer.reference == f"OF-{timezone.now().year}-00001"
    assert offer.status == Status.SUBMITTED
    assert list(offer.events.values_list("from_status", "to_status", "by")) == [
        ("", Status.SUBMITTED, staff.pk)
    ]
    assert states(offer)["pl"] == State.SOURCE
    assert OfferEvent.objects.count() == 1
