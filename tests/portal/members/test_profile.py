"""The member's profile page: a contact person proposes changes to the organisation's
public record; a partner changes their own details."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzzing
from hypothesis import strategies as st
from PIL import Image

from companies.models import OrganisationRevision
from portal.members.models import Member
from portal.members.services import member_for_contact_email
from tests.factories import CertificationFactory

pytestmark = pytest.mark.django_db

Status = OrganisationRevision.Status
BACKEND = "portal.members.signin.MemberBackend"
FUZZ = fuzzing(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
GARBAGE = st.one_of(
    st.text(max_size=40),
    st.tuples(st.text(max_size=10), st.text(max_size=10)).map("\x00".join),
    st.sampled_from(["x" * 100_000, "9" * 5_000, "ł" * 4_000, "-1e309", "NaN", "٣", "ZZ"]),
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def member(confirmed_contact):
    """Anna Nowak of Mleczarnia Podlaska, a member who reads Czech."""
    organisation = confirmed_contact.organisation
    organisation.description_pl = "Produkujemy sery."
    organisation.description_it = "Produciamo formaggi."
    organisation.products_pl = "Ser gouda."
    organisation.website = "https://mleczarnia.example"
    organisation.languages_spoken = "pl,de"
    organisation.export_markets = ["DE"]
    organisation.save()
    return member_for_contact_email(email=confirmed_contact.email)


@pytest.fixture
def signed_in(client, member):
    client.force_login(member.user, backend=BACKEND)
    return client


def png(size=(40, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def answers(**changes):
    """What the form posts when nothing is changed, with `changes` over it."""
    data = {
        "name": "Mleczarnia Podlaska",
        "description": "Produkujemy sery.",
        "products": "Ser gouda.",
        "export_markets": ["DE"],
        "languages_spoken": ["pl", "de"],
        "website": "https://mleczarnia.example",
        "latitude": "53.13250",
        "longitude": "23.16880",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize(
    "url", ["/pl/account/profile/", "/pl/account/profile/?language=it", "/cs/account/profile/"]
)
def test_anonymous_is_sent_to_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/")
    assert "/account/sign-in/?next=" in response["Location"]


def test_the_page_shows_the_record_in_the_members_language_each_text_marked(signed_in):
    page = signed_in.get("/cs/account/profile/").content.decode()

    assert "Profil vaší organizace" in page
    assert 'value="Mleczarnia Podlaska"' in page
    # Anna reads Czech: the Czech texts first, none written yet.
    assert 'lang="cs"' in page and 'name="description"' in page
    assert "Produkujemy sery." not in page

    italian = signed_in.get("/cs/account/profile/?language=it").content.decode()

    assert "Produciamo formaggi." in italian
    assert 'lang="it"' in italian
    assert 'href="?language=pl"' in italian and 'aria-current="page"' in italian


def test_an_unknown_language_asked_for_is_the_members_own(signed_in):
    response = signed_in.get("/pl/account/profile/?language=xx\x00")

    assert response.status_code == 200
    assert 'lang="cs"' in response.content.decode()


def test_saving_proposes_a_revision_and_the_directory_keeps_the_accepted_record(
    client, signed_in, member
):
    organisation = member.organisation
    certification = CertificationFactory(name="IFS Food")

    response = signed_in.post(
        "/pl/account/profile/?language=pl",
        answers(
            name="Mleczarnia Podlaska S.A.",
            description="Produkujemy sery dojrzewające.",
            certifications=[certification.pk],
            latitude="53.20000",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == "/pl/account/profile/?language=pl"
    revision = OrganisationRevision.objects.get()
    assert revision.status == Status.PENDING
    assert revision.proposed_by == member.user
    assert revision.language == "pl"
    assert revision.changes == {
        "name": "Mleczarnia Podlaska S.A.",
        "description_pl": "Produkujemy sery dojrzewające.",
        "certifications": [certification.pk],
        "latitude": "53.20000",
    }
    organisation.refresh_from_db()
    assert organisation.name == "Mleczarnia Podlaska"

    page = signed_in.get(response["Location"]).content.decode()
    assert "Zmiany zostały wysłane do urzędu" in page
    assert "Zmiana czeka na urząd" in page
    assert "Produkujemy sery dojrzewające." in page
    assert "IFS Food" in page
    assert 'value="Mleczarnia Podlaska S.A."' in page

    client.logout()
    public = client.get(organisation.get_absolute_url()).content.decode()
    assert "Mleczarnia Podlaska" in public
    assert "Mleczarnia Podlaska S.A." not in public
    assert "Produkujemy sery." in public
    assert "dojrzewające" not in public


def test_a_second_language_keeps_what_awaits_the_office_in_the_first(signed_in, member):
    signed_in.post("/pl/account/profile/?language=pl", answers(products="Ser i masło."))
    signed_in.post(
        "/pl/account/profile/?language=de",
        answers(description="Wir machen Käse.", products=""),
    )

    pending = OrganisationRevision.objects.get(status=Status.PENDING)
    assert pending.changes == {"products_pl": "Ser i masło.", "description_de": "Wir machen Käse."}
    assert pending.language == "de"
    assert OrganisationRevision.objects.filter(status=Status.SUPERSEDED).count() == 1


def test_posting_the_same_changes_twice_makes_one_revision(signed_in):
    data = answers(website="https://podlaska.example")
    signed_in.post("/pl/account/profile/?language=pl", data)

    again = signed_in.post("/pl/account/profile/?language=pl", data, follow=True)

    assert OrganisationRevision.objects.count() == 1
    assert "Te zmiany już czekają na urząd." in again.content.decode()


def test_bad_values_are_refused_in_the_readers_language_and_kept(signed_in):
    response = signed_in.post(
        "/it/account/profile/?language=it",
        answers(name="Caseificio", latitude="91", website="not a site", export_markets=["XX"]),
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Assicurati che questo valore sia minore o uguale a 90." in page
    assert "Inserisci un URL valido." in page
    assert 'value="Caseificio"' in page
    assert 'aria-describedby="id_latitude_helptext id_latitude_error"' in page
    assert not OrganisationRevision.objects.exists()


def test_a_proposal_that_changes_nothing_says_so(signed_in):
    response = signed_in.post("/en/account/profile/?language=pl", answers())

    assert response.status_code == 200
    assert "The proposal changes nothing on the organisation&#x27;s record." in (
        response.content.decode()
    )
    assert not OrganisationRevision.objects.exists()


def test_a_logo_is_checked_and_proposed(signed_in):
    refused = signed_in.post(
        "/en/account/profile/?language=pl",
        answers(logo=SimpleUploadedFile("logo.png", b"not an image", content_type="image/png")),
    )

    assert "This file could not be read as a PNG, JPEG or WebP image." in refused.content.decode()
    assert not OrganisationRevision.objects.exists()

    signed_in.post("/en/account/profile/?language=pl", answers(logo=png()))
    revision = OrganisationRevision.objects.get()
    assert revision.changes == {}
    assert revision.logo.name.startswith("logos/proposed/")

    # A later change keeps the logo proposed before.
    signed_in.post("/en/account/profile/?language=pl", answers(website="https://p.example"))
    pending = OrganisationRevision.objects.get(status=Status.PENDING)
    assert pending.changes == {"website": "https://p.example"}
    assert pending.logo and Image.open(pending.logo.path).size == (40, 20)
    page = signed_in.get("/en/account/profile/").content.decode()
    assert pending.logo.url in page and 'alt="The proposed logo"' in page


def test_a_member_no_longer_tied_to_an_organisation_is_told_so(signed_in, member):
    Member.objects.filter(pk=member.pk).update(organisation=None, contact=None)

    page = signed_in.get("/en/account/profile/").content.decode()

    assert "No organisation is tied to your account any more." in page
    assert 'name="name"' not in page


def test_profile_queries(signed_in, member, django_assert_num_queries):
    certifications = CertificationFactory.create_batch(3)
    signed_in.get("/pl/account/profile/")

    # Session, user, member; the pending revision; the record's certifications; the
    # certifications to choose from.
    with django_assert_num_queries(6):
        response = signed_in.get("/pl/account/profile/")
    assert response.status_code == 200

    signed_in.post(
        "/pl/account/profile/?language=pl",
        answers(name="Mleczarnia S.A.", certifications=[c.pk for c in certifications]),
    )
    # With a proposal of certifications pending, its comparison reads the record's
    # certifications again and the names of those it shows.
    with django_assert_num_queries(8):
        response = signed_in.get("/pl/account/profile/")
    assert "Mleczarnia S.A." in response.content.decode()


@given(data=st.data())
@FUZZ
def test_the_profile_form_takes_any_input_without_an_error_page(client, member, data):
    client.force_login(member.user, backend=BACKEND)
    posted = {
        name: data.draw(GARBAGE, label=name)
        for name in ("name", "description", "products", "website", "latitude", "longitude")
    }
    posted["export_markets"] = data.draw(st.lists(GARBAGE, max_size=3), label="markets")
    posted["languages_spoken"] = data.draw(st.lists(GARBAGE, max_size=3), label="languages")
    posted["certifications"] = data.draw(st.lists(GARBAGE, max_size=2), label="certifications")
    language = data.draw(st.sampled_from(["pl", "bg", "", "zz", "\x00"]), label="language")

    response = client.post(f"/pl/account/profile/?language={language}", posted)

    assert response.status_code in (200, 302)


# A partner's own details.


@pytest.fixture
def partner_in(client, partner):
    client.force_login(partner.user, backend=BACKEND)
    return client


def test_a_partner_sees_and_changes_their_own_details(partner_in, partner):
    page = partner_in.get("/it/account/profile/").content.decode()

    assert "I Suoi dati" in page
    assert 'value="Officine Rossi"' in page
    assert 'href="/it/questionnaire/"' in page

    response = partner_in.post(
        "/it/account/profile/",
        {
            "first_name": "Marco",
            "last_name": "Bianchi",
            "organisation_name": "Officine Bianchi S.p.A.",
            "country": "AT",
            "language": "de",
        },
        follow=True,
    )

    assert response.redirect_chain == [("/it/account/profile/", 302)]
    assert "I Suoi dati sono stati salvati." in response.content.decode()
    partner.refresh_from_db()
    partner.user.refresh_from_db()
    assert partner.user.last_name == "Bianchi"
    assert (partner.organisation_name, partner.country.code, partner.language) == (
        "Officine Bianchi S.p.A.",
        "AT",
        "de",
    )
    assert partner.history.first().history_user == partner.user
    assert not OrganisationRevision.objects.exists()


def test_a_partners_bad_details_are_refused_and_kept(partner_in, partner):
    response = partner_in.post(
        "/it/account/profile/",
        {"first_name": "Marco", "last_name": "", "organisation_name": "Nuova", "country": "XX"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Questo campo è obbligatorio." in page
    assert 'value="Nuova"' in page
    partner.refresh_from_db()
    assert partner.organisation_name == "Officine Rossi"


def test_partner_profile_queries(partner_in, django_assert_num_queries):
    partner_in.get("/pl/account/profile/")

    # Session, user, member: nothing else.
    with django_assert_num_queries(3):
        response = partner_in.get("/pl/account/profile/")
    assert response.status_code == 200


@given(data=st.data())
@FUZZ
def test_the_partner_form_takes_any_input_without_an_error_page(client, partner, data):
    client.force_login(partner.user, backend=BACKEND)
    posted = {
        name: data.draw(GARBAGE, label=name)
        for name in ("first_name", "last_name", "organisation_name", "country", "language")
    }

    response = client.post("/pl/account/profile/", posted)

    assert response.status_code in (200, 302)
    partner.refresh_from_db()
    assert partner.organisation_name and partner.country


def test_the_home_links_to_the_profile(signed_in, client, partner):
    page = signed_in.get("/pl/account/").content.decode()
    assert 'href="/pl/account/profile/"' in page
    assert 'href="/pl/account/colleagues/"' in page


def test_the_home_gives_a_partner_their_details_and_no_colleagues(partner_in):
    page = partner_in.get("/pl/account/").content.decode()
    assert 'href="/pl/account/profile/"' in page
    assert 'href="/pl/account/colleagues/"' not in page


def test_decimal_position_is_stored_as_typed(signed_in):
    signed_in.post(
        "/pl/account/profile/?language=pl", answers(latitude="53.1", longitude="-23.16880")
    )
    revision = OrganisationRevision.objects.get()
    assert revision.changes == {"latitude": "53.10000", "longitude": "-23.16880"}
    assert Decimal(revision.changes["latitude"]) == Decimal("53.1")
