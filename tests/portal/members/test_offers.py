"""The member's offers: the list with each state said plainly, new offers, edits,
withdrawal and renewal, each through offers/services and scoped to the member's
organisation."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzzing
from hypothesis import strategies as st

from companies.models import Cluster
from offers import services
from offers.models import Offer, OfferEvent, OfferRevision
from portal.members.services import member_for_contact_email
from tests.factories import OrganisationFactory
from tests.offers.factories import OfferFactory

pytestmark = pytest.mark.django_db

Status = Offer.Status
DAY = datetime.timedelta(days=1)
BACKEND = "portal.members.signin.MemberBackend"


@pytest.fixture
def firm_member(confirmed_contact):
    """The contact person of Mleczarnia Podlaska, a member who reads Czech."""
    return member_for_contact_email(email=confirmed_contact.email)


@pytest.fixture
def signed_in(client, firm_member):
    client.force_login(firm_member.user, backend=BACKEND)
    return client


def offer_of(member, **kwargs):
    return OfferFactory(organisation=member.organisation, **kwargs)


def expiring_in(days, organisation):
    """A published offer of `organisation` whose date is `days` away."""
    published_at = timezone.now() - services.PUBLICATION_PERIOD + days * DAY
    return OfferFactory(organisation=organisation, published_at=published_at)


def answers(**changes):
    dairy = Cluster.objects.get(slug="dairy")
    return {
        "kind": Offer.Kind.BUSINESS_OFFER,
        "cooperation_types": ["distribution"],
        "title": "Zrající sýry pro distributory",
        "summary": "Hledáme distributory v Itálii.",
        "description": "Sýry z Podlasí.",
        "partner_sought": "Distributor potravin.",
        "target_countries": ["IT", "AT"],
        "clusters": [str(dairy.pk)],
        "keywords": "sýr, mléko",
        "open_for_interest": "on",
        **changes,
    }


# The list.


def test_anonymous_is_sent_to_sign_in_from_every_page(client, firm_member):
    offer = offer_of(firm_member)
    for url in [
        "/pl/account/offers/",
        "/pl/account/offers/new/",
        f"/pl/account/offers/{offer.reference}/edit/",
        f"/pl/account/offers/{offer.reference}/withdraw/",
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"/pl/account/sign-in/?next={url}"
    response = client.post(f"/pl/account/offers/{offer.reference}/renew/")
    assert response["Location"].startswith("/pl/account/sign-in/")
    assert Offer.objects.get(pk=offer.pk).renewed_at is None


def test_the_list_says_each_offers_state_plainly(signed_in, firm_member):
    draft = offer_of(firm_member, published=False, title="Szkic oferty")
    submitted = services.offer_submit(offer=offer_of(firm_member, published=False))
    published = offer_of(firm_member, title="Sery dojrzewające")
    services.offer_propose_edit(
        offer=published, changes={"title": "Sery dojrzewające z Podlasia"}, by=firm_member.user
    )
    past = offer_of(firm_member, published_at=timezone.now() - 400 * DAY)
    rejected = services.offer_reject(
        offer=services.offer_submit(offer=offer_of(firm_member, published=False)),
        by=None,
        reason="Brakuje opisu.",
        notify=False,
    )
    withdrawn = services.offer_withdraw(offer=offer_of(firm_member, published=False))
    OfferFactory(title="Oferta innej firmy")

    page = signed_in.get("/en/account/offers/").content.decode()

    rows = {
        offer.reference: page.split(f'id="offer-{offer.reference}"', 1)[1].split("</tr>", 1)[0]
        for offer in (draft, submitted, published, past, rejected, withdrawn)
    }
    assert "Draft: not sent to the office yet" in rows[draft.reference]
    assert "Szkic oferty" in page
    assert "Awaiting moderation by the office" in rows[submitted.reference]
    with translation.override("en"):
        expires = date_format(timezone.localtime(published.expires_at), "DATE_FORMAT")
    assert f"Published until {expires}" in rows[published.reference]
    assert "An edit awaits the office's decision." in rows[published.reference]
    # The public sees the offer as it was, and so does its row.
    assert "Sery dojrzewające</td>" in rows[published.reference]
    assert "Expired on" in rows[past.reference]
    assert "Rejected by the office" in rows[rejected.reference]
    assert "Brakuje opisu." in rows[rejected.reference]
    assert "Withdrawn" in rows[withdrawn.reference]
    assert "Oferta innej firmy" not in page
    # Withdrawn, an offer can be neither edited nor withdrawn again.
    assert f"/offers/{withdrawn.reference}/edit/" not in page
    assert f"/offers/{withdrawn.reference}/withdraw/" not in page
    assert f"/offers/{draft.reference}/withdraw/" in page


def test_the_list_in_the_readers_language(signed_in, firm_member):
    offer_of(firm_member, published=False)

    page = signed_in.get("/pl/account/offers/").content.decode()

    assert "Moje oferty" in page
    assert "Szkic: jeszcze nie wysłany do urzędu" in page


@pytest.mark.parametrize("count", [1, 6])
def test_list_queries(signed_in, firm_member, count, django_assert_num_queries):
    for _ in range(count):
        offer_of(firm_member)
    signed_in.get("/pl/account/offers/")

    # The session, the user, the member; the offers with their pending edits and
    # forwarded interests; their translation states.
    with django_assert_num_queries(5):
        response = signed_in.get("/pl/account/offers/")

    assert response.content.decode().count("/edit/") == count


def test_a_partner_has_no_offers(client, partner):
    client.force_login(partner.user, backend=BACKEND)

    page = client.get("/it/account/offers/").content.decode()
    new = client.get("/it/account/offers/new/").content.decode()

    assert "Le offerte e le manifestazioni di interesse" in page
    assert "Le offerte e le manifestazioni di interesse" in new
    offer = OfferFactory()
    assert client.get(f"/it/account/offers/{offer.reference}/edit/").status_code == 404


# A new offer.


def test_a_new_offer_is_written_in_the_members_language_and_sent_to_moderation(
    signed_in, firm_member
):
    response = signed_in.post("/en/account/offers/new/", answers())

    assert response.status_code == 302
    assert response["Location"] == "/en/account/offers/"
    offer = Offer.objects.get(organisation=firm_member.organisation)
    assert offer.status == Status.SUBMITTED
    assert offer.source_language == "cs"
    assert offer.title_cs == "Zrající sýry pro distributory"
    assert offer.cooperation_types == ["distribution"]
    assert sorted(str(country) for country in offer.target_countries) == ["AT", "IT"]
    assert list(offer.clusters.values_list("slug", flat=True)) == ["dairy"]
    assert not offer.is_anonymous and offer.open_for_interest
    events = list(offer.events.order_by("pk").values_list("to_status", "by"))
    assert events == [("draft", firm_member.user.pk), ("submitted", firm_member.user.pk)]
    page = signed_in.get(response["Location"]).content.decode()
    assert f"Offer {offer.reference} was sent to the office." in page


def test_a_new_offer_posted_twice_is_made_once(signed_in, firm_member):
    signed_in.post("/en/account/offers/new/", answers())
    signed_in.post("/en/account/offers/new/", answers())

    assert Offer.objects.filter(organisation=firm_member.organisation).count() == 1


def test_a_new_offer_without_a_title_keeps_what_was_typed(signed_in, firm_member):
    response = signed_in.post("/de/account/offers/new/", answers(title="", summary="Käse"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in page
    assert 'aria-describedby="id_title_error"' in page or "id_title_error" in page
    assert ">\nKäse</textarea>" in page
    assert not Offer.objects.exists()


def test_new_offer_page_queries(signed_in, django_assert_num_queries):
    signed_in.get("/en/account/offers/new/")

    # The session, the user, the member; the clusters and NACE classes to choose from.
    with django_assert_num_queries(5):
        response = signed_in.get("/en/account/offers/new/")

    assert "Write the texts in Czech." in response.content.decode()


# Edits.


def test_an_edit_of_a_published_offer_is_proposed_and_the_public_page_stays(signed_in, firm_member):
    offer = offer_of(firm_member, title="Sery dojrzewające")
    form = signed_in.get(f"/en/account/offers/{offer.reference}/edit/").content.decode()
    assert 'value="Sery dojrzewające"' in form
    assert "Your edit goes to the office first" in form

    response = signed_in.post(
        f"/en/account/offers/{offer.reference}/edit/",
        answers(title="Sery dojrzewające z Podlasia", summary=offer.summary_pl),
        follow=True,
    )

    revision = OfferRevision.objects.get(offer=offer)
    assert revision.status == OfferRevision.Status.PENDING
    assert revision.title == "Sery dojrzewające z Podlasia"
    assert revision.proposed_by == firm_member.user
    assert Offer.objects.get(pk=offer.pk).title_pl == "Sery dojrzewające"
    assert "Your edit was sent to the office." in response.content.decode()
    again = signed_in.get(f"/en/account/offers/{offer.reference}/edit/").content.decode()
    assert 'value="Sery dojrzewające z Podlasia"' in again
    assert "awaits the office's decision" in again


def test_a_rejected_offer_is_edited_in_place_and_goes_back_to_moderation(signed_in, firm_member):
    offer = services.offer_reject(
        offer=services.offer_submit(offer=offer_of(firm_member, published=False)),
        by=None,
        reason="Brakuje opisu.",
        notify=False,
    )

    signed_in.post(
        f"/en/account/offers/{offer.reference}/edit/",
        answers(title="Nowy tytuł", description="Pełny opis."),
    )

    offer.refresh_from_db()
    assert offer.status == Status.SUBMITTED
    assert offer.title_pl == "Nowy tytuł"
    assert offer.description_pl == "Pełny opis."
    assert not OfferRevision.objects.exists()


def test_a_draft_is_edited_in_place_and_sent(signed_in, firm_member):
    offer = offer_of(firm_member, published=False)

    response = signed_in.post(
        f"/en/account/offers/{offer.reference}/edit/", answers(title="Poprawiony"), follow=True
    )

    offer.refresh_from_db()
    assert (offer.status, offer.title_pl) == (Status.SUBMITTED, "Poprawiony")
    assert "the offer was sent to the office for moderation" in response.content.decode()


def test_a_withdrawn_offer_cannot_be_edited(signed_in, firm_member):
    offer = services.offer_withdraw(offer=offer_of(firm_member))

    response = signed_in.get(f"/en/account/offers/{offer.reference}/edit/", follow=True)

    assert f"{offer.reference} cannot be edited now: its status is withdrawn." in (
        response.content.decode()
    )


def test_edit_page_queries(signed_in, firm_member, django_assert_num_queries):
    offer = offer_of(firm_member)
    url = f"/en/account/offers/{offer.reference}/edit/"
    signed_in.get(url)

    # The session, the user, the member; the offer, its pending edit, its clusters
    # and activities; the clusters and NACE classes to choose from.
    with django_assert_num_queries(9):
        signed_in.get(url)


# Withdrawal and renewal.


def test_withdraw_asks_then_withdraws_and_a_second_post_does_no_harm(signed_in, firm_member):
    offer = offer_of(firm_member)
    url = f"/en/account/offers/{offer.reference}/withdraw/"

    confirmation = signed_in.get(url).content.decode()
    assert "A withdrawn offer leaves the portal's lists" in confirmation
    assert Offer.objects.get(pk=offer.pk).status == Status.PUBLISHED

    first = signed_in.post(url, follow=True).content.decode()
    second = signed_in.post(url, follow=True).content.decode()

    assert Offer.objects.get(pk=offer.pk).status == Status.WITHDRAWN
    assert f"Offer {offer.reference} was withdrawn." in first
    assert f"{offer.reference} cannot be withdrawn: its status is withdrawn." in second
    assert OfferEvent.objects.filter(offer=offer, to_status=Status.WITHDRAWN).count() == 1


def test_renew_is_offered_within_30_days_and_done_once(signed_in, firm_member):
    offer = expiring_in(10, firm_member.organisation)
    before = offer.expires_at
    url = f"/en/account/offers/{offer.reference}/renew/"
    assert url in signed_in.get("/en/account/offers/").content.decode()

    first = signed_in.post(url, follow=True).content.decode()
    second = signed_in.post(url, follow=True).content.decode()

    offer.refresh_from_db()
    assert offer.renewed_at is not None
    assert offer.expires_at == before + services.PUBLICATION_PERIOD
    assert f"Offer {offer.reference} was renewed." in first
    assert "was renewed once already" in second
    assert url not in second


def test_renew_too_early_is_refused_in_the_readers_language(signed_in, firm_member):
    offer = expiring_in(200, firm_member.organisation)
    url = f"/pl/account/offers/{offer.reference}/renew/"
    assert url not in signed_in.get("/pl/account/offers/").content.decode()

    page = signed_in.post(url, follow=True).content.decode()

    assert "Tę ofertę można przedłużyć od" in page
    assert Offer.objects.get(pk=offer.pk).renewed_at is None


# Another organisation's offers.


def test_another_organisations_offer_is_a_404_everywhere(signed_in):
    other = expiring_in(10, OrganisationFactory())
    base = f"/en/account/offers/{other.reference}"

    assert signed_in.get(f"{base}/edit/").status_code == 404
    assert signed_in.post(f"{base}/edit/", answers(title="Przejęte")).status_code == 404
    assert signed_in.get(f"{base}/withdraw/").status_code == 404
    assert signed_in.post(f"{base}/withdraw/").status_code == 404
    assert signed_in.post(f"{base}/renew/").status_code == 404
    other.refresh_from_db()
    assert (other.status, other.renewed_at, other.title_pl) == (
        Status.PUBLISHED,
        None,
        other.title_pl,
    )
    assert not OfferRevision.objects.exists()


# Fuzzing the form.

NUL = "\x00"
TEXT = st.one_of(
    st.text(max_size=30),
    st.tuples(st.text(max_size=8), st.text(max_size=8)).map(NUL.join),
    st.sampled_from(["x" * 20_000, "ł" * 6_000, "\U0001f9c0" * 300, " ", "\u2028"]),
)
CHOICE = st.one_of(TEXT, st.sampled_from(["business_offer", "joint_venture", "IT", "dairy"]))
FIELDS = [
    "kind",
    "cooperation_types",
    "title",
    "summary",
    "description",
    "partner_sought",
    "target_countries",
    "clusters",
    "activities",
    "keywords",
    "open_for_interest",
    "is_anonymous",
]


@fuzzing(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_answers_to_the_offer_forms_get_a_page_never_a_server_error(firm_member, data):
    client = Client()
    client.force_login(firm_member.user, backend=BACKEND)
    posted = {
        name: data.draw(st.one_of(CHOICE, st.lists(CHOICE, max_size=3)), label=name)
        for name in data.draw(st.lists(st.sampled_from(FIELDS), unique=True), label="fields")
    }
    offer = Offer.objects.filter(organisation=firm_member.organisation).first() or offer_of(
        firm_member
    )

    for url in ["/pl/account/offers/new/", f"/pl/account/offers/{offer.reference}/edit/"]:
        response = client.post(url, posted)
        assert response.status_code in {200, 302, 400}, url
