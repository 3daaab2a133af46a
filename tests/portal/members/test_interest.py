"""The expressions of interest forwarded to a member's organisation, and their outcomes."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzzing
from hypothesis import strategies as st

from offers.models import ExpressionOfInterest
from offers.services import interest as interest_services
from portal.members.services import member_for_contact_email
from tests.offers.interest import make_interest, make_offer

pytestmark = pytest.mark.django_db

BACKEND = "portal.members.signin.MemberBackend"
Outcome = ExpressionOfInterest.Outcome


@pytest.fixture
def firm_member(confirmed_contact):
    return member_for_contact_email(email=confirmed_contact.email)


@pytest.fixture
def signed_in(client, firm_member):
    client.force_login(firm_member.user, backend=BACKEND)
    return client


@pytest.fixture
def office(db):
    return get_user_model().objects.create_user(
        "biuro", "biuro@urzad.example", "Mleko-2026!", is_staff=True
    )


def forwarded(member, office, **fields):
    """An expression of interest in an offer of the member's organisation, forwarded."""
    offer = make_offer(anonymous=False, organisation=member.organisation)
    interest = make_interest(offer, **fields)
    return interest_services.interest_forward(
        interest=interest, by=office, note="Firma zna rynek czeski."
    )


def test_anonymous_is_sent_to_sign_in(client, firm_member, office):
    interest = forwarded(firm_member, office)

    for url in ["/pl/account/interest/", f"/pl/account/interest/{interest.pk}/"]:
        response = client.get(url)
        assert response["Location"] == f"/pl/account/sign-in/?next={url}"


def test_the_list_shows_what_was_forwarded_newest_first(signed_in, firm_member, office):
    older = forwarded(firm_member, office, organisation_name="Mlékárna Vysočina s.r.o.")
    newer = forwarded(
        firm_member, office, organisation_name="Caseificio Alpino", email="l@alpino.example"
    )
    make_interest(
        make_offer(organisation=firm_member.organisation), organisation_name="Nie przekazano"
    )
    make_interest(organisation_name="Cudza oferta")

    page = signed_in.get("/en/account/interest/").content.decode()

    assert page.index("Caseificio Alpino") < page.index("Mlékárna Vysočina s.r.o.")
    assert "Nie przekazano" not in page and "Cudza oferta" not in page
    assert f'href="/en/account/interest/{newer.pk}/"' in page
    assert older.offer.reference in page
    assert "No outcome recorded yet." in page
    assert f'id="id_interest-{older.pk}-outcome"' in page


def test_the_detail_shows_the_partner_as_forwarded(signed_in, firm_member, office):
    interest = forwarded(firm_member, office, phone="+420 777 123 456")

    page = signed_in.get(f"/cs/account/interest/{interest.pk}/").content.decode()

    assert "Jana Nováková" in page
    assert "jana@mlekarna.example" in page
    assert "+420 777 123 456" in page
    assert "Hledáme dodavatele zrajících sýrů." in page
    assert "Firma zna rynek czeski." in page
    assert interest.offer.reference in page
    assert "Zatím nebyl zaznamenán žádný výsledek." in page


def test_an_outcome_is_recorded_through_the_service_and_logged(signed_in, firm_member, office):
    interest = forwarded(firm_member, office)
    url = f"/en/account/interest/{interest.pk}/outcome/"
    field = f"interest-{interest.pk}-outcome"

    response = signed_in.post(url, {field: Outcome.MEETING, "back": "list"}, follow=True)
    signed_in.post(url, {field: Outcome.MEETING, "back": "list"})

    interest.refresh_from_db()
    assert (interest.outcome, interest.outcome_by) == (Outcome.MEETING, firm_member.user)
    assert response.redirect_chain[-1][0] == "/en/account/interest/"
    assert "The outcome was recorded: meeting held." in response.content.decode()
    log = LogEntry.objects.filter(object_id=str(interest.pk), user=firm_member.user)
    assert list(log.values_list("change_message", flat=True)) == ["Outcome: meeting."]


def test_a_wrong_outcome_is_said_on_the_detail_page(signed_in, firm_member, office):
    interest = forwarded(firm_member, office)

    response = signed_in.post(
        f"/de/account/interest/{interest.pk}/outcome/",
        {f"interest-{interest.pk}-outcome": "married"},
    )

    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen." in response.content.decode()
    interest.refresh_from_db()
    assert interest.outcome == ""


def test_another_organisations_interest_is_a_404(signed_in, firm_member, office):
    other = interest_services.interest_forward(interest=make_interest(), by=office)
    new_one = make_interest(make_offer(organisation=firm_member.organisation))

    for pk in (other.pk, new_one.pk):
        assert signed_in.get(f"/en/account/interest/{pk}/").status_code == 404
        response = signed_in.post(
            f"/en/account/interest/{pk}/outcome/", {f"interest-{pk}-outcome": "agreement"}
        )
        assert response.status_code == 404
    assert not ExpressionOfInterest.objects.exclude(outcome="").exists()


def test_a_partner_has_no_interest_pages(client, partner, firm_member, office):
    interest = forwarded(firm_member, office)
    client.force_login(partner.user, backend=BACKEND)

    page = client.get("/it/account/interest/").content.decode()

    assert "Le offerte e le manifestazioni di interesse" in page
    assert client.get(f"/it/account/interest/{interest.pk}/").status_code == 404


@pytest.mark.parametrize("count", [1, 5])
def test_list_queries(signed_in, firm_member, office, count, django_assert_num_queries):
    for number in range(count):
        forwarded(firm_member, office, email=f"partner{number}@example.com")
    signed_in.get("/pl/account/interest/")

    # The session, the user, the member; the expressions of interest with their offers.
    with django_assert_num_queries(4):
        response = signed_in.get("/pl/account/interest/")

    assert response.content.decode().count('class="interest-outcome-form"') == count


def test_detail_queries(signed_in, firm_member, office, django_assert_num_queries):
    interest = forwarded(firm_member, office)
    signed_in.get(f"/pl/account/interest/{interest.pk}/")

    # The session, the user, the member; the expression of interest with its offer.
    with django_assert_num_queries(4):
        signed_in.get(f"/pl/account/interest/{interest.pk}/")


def test_the_member_home_links_to_offers_and_interest(signed_in, django_assert_num_queries):
    with django_assert_num_queries(3):
        page = signed_in.get("/en/account/").content.decode()

    assert 'href="/en/account/offers/"' in page
    assert 'href="/en/account/interest/"' in page


@fuzzing(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    outcome=st.one_of(
        st.text(max_size=20),
        st.sampled_from([*Outcome.values, "\x00", "x" * 50_000, "contacted\x00"]),
    ),
    back=st.one_of(st.none(), st.sampled_from(["list", "detail", "\x00"])),
)
def test_any_outcome_posted_gets_a_page_never_a_server_error(firm_member, office, outcome, back):
    interest = ExpressionOfInterest.objects.filter(
        offer__organisation=firm_member.organisation
    ).first() or forwarded(firm_member, office)
    client = Client()
    client.force_login(firm_member.user, backend=BACKEND)
    posted = {f"interest-{interest.pk}-outcome": outcome}
    if back is not None:
        posted["back"] = back

    response = client.post(f"/pl/account/interest/{interest.pk}/outcome/", posted)

    assert response.status_code in {200, 302, 400}
    interest.refresh_from_db()
    assert interest.outcome in {"", *Outcome.values}
