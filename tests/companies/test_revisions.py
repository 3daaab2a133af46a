"""Members' proposed changes to their organisation's record: proposed, accepted, rejected."""

import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from companies import services
from companies.models import Organisation, OrganisationRevision
from portal.common.translations import translatable_for
from portal.models import TranslationRecord, TranslationState
from portal.roles import MODERATOR, TRANSLATOR
from tests.factories import CertificationFactory, ContactPersonFactory, OrganisationFactory
from tests.helpers import sign_in

pytestmark = pytest.mark.django_db

Status = OrganisationRevision.Status
State = TranslationState


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def organisation():
    organisation = OrganisationFactory(
        name="Mleczarnia Narew",
        description_pl="Produkujemy sery dojrzewające.",
        products_pl="Ser gouda.",
        website="https://narew.example",
        export_markets=["DE"],
        languages_spoken="pl,de",
    )
    translatable_for(Organisation).save_review(
        organisation,
        language="it",
        source="pl",
        texts={"description": "Produciamo formaggi stagionati.", "products": "Formaggio gouda."},
        by=None,
    )
    organisation.refresh_from_db()
    return organisation


@pytest.fixture
def member(organisation):
    """A member of the organisation: an account with its contact person's address."""
    ContactPersonFactory(organisation=organisation, email="ewa@narew.example", language="it")
    return User.objects.create_user("ewa", "Ewa@narew.example")


@pytest.fixture
def moderator(roles, client):
    sign_in(client, MODERATOR)
    return User.objects.get(username=MODERATOR)


def propose(organisation, by, language="pl", logo=None, **changes):
    return services.organisation_propose_revision(
        organisation=organisation, changes=changes, language=language, logo=logo, by=by
    )


def states(organisation):
    organisation.refresh_from_db()
    return translatable_for(Organisation).states(organisation, "pl")


def png(color=(10, 120, 200)):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), color).save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def revision_page(client, revision):
    return client.get(reverse("admin:companies_organisationrevision_change", args=[revision.pk]))


# Proposing.


def test_a_proposal_keeps_only_the_fields_it_changes_with_their_values_then(organisation, member):
    iso = CertificationFactory(name_pl="ISO 22000")

    revision = propose(
        organisation,
        member,
        name="Mleczarnia Narew",  # as it is
        website="https://narew.example",  # as it is
        description_pl="Produkujemy sery dojrzewające i masło.",
        description_it="Produciamo formaggi stagionati.",  # as it is
        export_markets=["IT", "DE"],
        certifications=[iso.pk],
        latitude="53.2",
        languages_spoken="pl,de",
    )

    assert revision.status == Status.PENDING
    assert (revision.proposed_by, revision.language) == (member, "pl")
    assert revision.changes == {
        "description_pl": "Produkujemy sery dojrzewające i masło.",
        "export_markets": ["DE", "IT"],
        "certifications": [iso.pk],
        "latitude": "53.20000",
    }
    assert revision.original == {
        "description_pl": "Produkujemy sery dojrzewające.",
        "export_markets": ["DE"],
        "certifications": [],
        "latitude": "53.13250",
    }
    organisation.refresh_from_db()
    assert organisation.description_pl == "Produkujemy sery dojrzewające."  # not applied
    assert revision.history.get().history_user == member


def test_texts_are_cleaned_as_every_form_cleans_them(organisation, member):
    revision = propose(organisation, member, name="Narew\tS.A.", products_pl="Sery\r\nMasło")

    assert revision.changes == {"name": "Narew S.A.", "products_pl": "Sery\nMasło"}


def test_a_new_proposal_supersedes_the_pending_one(organisation, member):
    first = propose(organisation, member, name="Mleczarnia Narew S.A.")

    second = propose(organisation, member, website="https://narew.example/pl")

    first.refresh_from_db()
    assert first.status == Status.SUPERSEDED
    assert first.decided_at is not None
    assert second.status == Status.PENDING
    assert list(organisation.revisions.filter(status=Status.PENDING)) == [second]
    assert second.changes == {"website": "https://narew.example/pl"}


def test_a_proposal_that_changes_nothing_is_refused_and_the_pending_one_stays(organisation, member):
    pending = propose(organisation, member, name="Mleczarnia Narew S.A.")

    with pytest.raises(ValidationError) as refused:
        propose(organisation, member, name="Mleczarnia Narew", export_markets=["DE"])
    with pytest.raises(ValidationError):
        propose(organisation, member, website="https://narew.example")

    assert refused.value.code == "no_change"
    assert list(OrganisationRevision.objects.all()) == [pending]
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_bad_values_are_refused_with_the_fields_own_messages(organisation, member):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        propose(
            organisation,
            member,
            name="",
            website="narew",
            latitude="91",
            longitude="dużo",
            export_markets=["XX"],
            certifications=[999999],
            founded_year=1990,
            description_de="Käse\x00",
        )

    with translation.override("en"):
        errors = {key: [str(message) for message in value] for key, value in refused.value}
    assert errors == {
        "name": ["This field cannot be blank."],
        "website": ["Enter a valid URL."],
        "latitude": ["Ensure this value is less than or equal to 90."],
        "longitude": ["“dużo” value must be a decimal number."],
        "export_markets": ["Value 'XX' is not a valid choice."],
        "certifications": ["Choose certifications from the list."],
        "founded_year": ["This field cannot be changed by a proposal."],
        "description_de": [
            "This text contains a character that cannot be saved (U+0000). "
            "Please remove it and try again."
        ],
    }
    assert not OrganisationRevision.objects.exists()


def test_a_proposed_logo_is_cleaned_as_every_logo_and_a_bad_one_refused(organisation, member):
    revision = propose(organisation, member, logo=png())

    with pytest.raises(ValidationError) as refused:
        propose(
            organisation,
            member,
            logo=SimpleUploadedFile("logo.png", b"not an image", content_type="image/png"),
        )

    assert revision.changes == {}
    assert revision.logo.name.startswith("logos/proposed/")
    assert revision.logo.name.endswith(".png") and "logo.png" not in revision.logo.name
    assert Image.open(revision.logo.path).size == (40, 20)
    assert list(refused.value.message_dict) == ["logo"]
    revision.refresh_from_db()
    assert revision.status == Status.PENDING


# Accepting.


def test_accepting_changes_the_record_outdates_translations_and_tells_the_proposer(
    organisation, member, client, django_capture_on_commit_callbacks
):
    staff = User.objects.create_user("urzednik", is_staff=True)
    iso = CertificationFactory(name_pl="ISO 22000")
    revision = propose(
        organisation,
        member,
        name="Mleczarnia Narew S.A.",
        description_pl="Produkujemy sery dojrzewające i masło.",
        export_markets=["DE", "IT"],
        certifications=[iso.pk],
        latitude="53.2",
    )
    assert states(organisation)["it"] == State.HUMAN

    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_accept_revision(revision=revision, by=staff)

    organisation.refresh_from_db()
    revision.refresh_from_db()
    assert (revision.status, revision.decided_by) == (Status.ACCEPTED, staff)
    assert organisation.name == "Mleczarnia Narew S.A."
    assert organisation.description_pl == "Produkujemy sery dojrzewające i masło."
    assert [country.code for country in organisation.export_markets] == ["DE", "IT"]
    assert list(organisation.certifications.all()) == [iso]
    assert organisation.latitude == Decimal("53.20000")
    assert organisation.history.latest().history_user == staff
    # The Polish source changed: the Italian translation is outdated.
    assert states(organisation)["pl"] == State.SOURCE
    assert states(organisation)["it"] == State.OUTDATED
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "Produkujemy sery dojrzewające i masło." in page
    assert "Mleczarnia Narew S.A." in page
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Ew" + "a@narew.example"]
    assert message.subject == "Le modifiche a Mleczarnia Narew S.A. sono state accettate"
    assert "ha accettato le modifiche" in message.body
    assert f"/it/directory/{organisation.slug}/" in message.body


def test_accepting_retires_the_kept_directory_page(organisation, member, client, page_cache):
    address = organisation.get_absolute_url()
    assert "Produkujemy sery dojrzewające." in client.get(address).content.decode()
    revision = propose(organisation, member, description_pl="Sery i masło z Podlasia.")

    services.organisation_accept_revision(revision=revision, by=None)

    assert "Sery i masło z Podlasia." in client.get(address).content.decode()


def test_a_translation_the_member_wrote_is_a_persons_and_up_to_date(organisation, member):
    revision = propose(
        organisation,
        member,
        language="it",
        description_pl="Sery i masło.",
        description_it="Formaggi e burro.",
        products_de="Gouda-Käse.",
    )

    services.organisation_accept_revision(revision=revision, by=None)

    found = states(organisation)
    assert (found["pl"], found["it"], found["de"], found["cs"]) == (
        State.SOURCE,
        State.HUMAN,
        State.HUMAN,
        State.MISSING,
    )
    assert TranslationRecord.objects.get(object_id=organisation.pk, language="de").origin == (
        "human"
    )
    assert organisation.products_de == "Gouda-Käse."


def test_a_field_changed_on_the_record_since_is_shown_and_the_proposal_applied_as_a_whole(
    organisation, member, client, moderator
):
    revision = propose(organisation, member, name="Narew S.A.", website="https://narew.pl")
    # Meanwhile the office corrects the name and the town on the record.
    services.organisation_update(
        organisation=organisation,
        data={"name": "Mleczarnia Narew sp. z o.o.", "town": "Łapy"},
        language="pl",
    )

    page = revision_page(client, revision)
    rows = {row["key"]: row for row in page.context["comparison"]}
    client.post(reverse("admin:companies_organisationrevision_accept", args=[revision.pk]))

    assert rows["name"]["current"] == "Mleczarnia Narew sp. z o.o."
    assert rows["name"]["original"] == "Mleczarnia Narew"
    assert rows["name"]["changed_since"] and not rows["website"]["changed_since"]
    assert "Wpis zmienił się od czasu propozycji." in page.content.decode()
    decided = revision_page(client, revision).content.decode()
    assert "Wpis zmienił się od czasu propozycji." not in decided  # nothing left to decide
    organisation.refresh_from_db()
    assert (organisation.name, organisation.website, organisation.town) == (
        "Narew S.A.",
        "https://narew.pl",
        "Łapy",
    )


def test_a_proposal_is_decided_once(organisation, member):
    revision = propose(organisation, member, name="Narew S.A.")
    services.organisation_accept_revision(revision=revision, by=None)

    with pytest.raises(services.TransitionError):
        services.organisation_accept_revision(revision=revision, by=None)
    with pytest.raises(services.TransitionError):
        services.organisation_reject_revision(revision=revision, by=None, reason="Nie.")


def test_accepting_a_new_logo_puts_it_on_the_record(organisation, member):
    revision = propose(organisation, member, logo=png())

    services.organisation_accept_revision(revision=revision, by=None)

    organisation.refresh_from_db()
    assert organisation.logo.name.startswith("logos/")
    assert not organisation.logo.name.startswith("logos/proposed/")
    assert Image.open(organisation.logo.path).size == (40, 20)


# Rejecting.


def test_rejecting_needs_a_reason_keeps_the_record_and_tells_the_proposer_why(
    organisation, member, django_capture_on_commit_callbacks
):
    member_contact = organisation.contacts.get()
    member_contact.language = "cs"
    member_contact.save()
    revision = propose(organisation, member, name="Narew S.A.")

    with pytest.raises(ValidationError):
        services.organisation_reject_revision(revision=revision, by=None, reason="  ")
    revision.refresh_from_db()
    assert revision.status == Status.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_reject_revision(
            revision=revision, by=None, reason="Nazwa nie zgadza się z KRS."
        )

    revision.refresh_from_db()
    organisation.refresh_from_db()
    assert (revision.status, revision.reason) == (Status.REJECTED, "Nazwa nie zgadza się z KRS.")
    assert organisation.name == "Mleczarnia Narew"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Změny záznamu Mleczarnia Narew nebyly přijaty"
    assert "Nazwa nie zgadza się z KRS." in mail.outbox[0].body


@pytest.mark.parametrize("who", ["no account", "no address", "no contact record"])
def test_no_one_is_written_to_without_an_address_and_a_contact_record(
    organisation, who, django_capture_on_commit_callbacks
):
    by = {
        "no account": None,
        "no address": User.objects.create_user("ewa"),
        "no contact record": User.objects.create_user("jan", "jan@gdzie-indziej.example"),
    }[who]
    revision = propose(organisation, by, name="Narew S.A.")

    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_reject_revision(revision=revision, by=None, reason="Nie.")

    assert mail.outbox == []


# The admin.


def test_the_admin_shows_the_record_and_the_proposal_side_by_side(
    organisation, member, client, moderator
):
    revision = propose(
        organisation,
        member,
        description_pl="Sery i masło z Podlasia.",
        description_it="Formaggi e burro.",
        export_markets=["DE", "IT"],
        logo=png(),
    )

    response = revision_page(client, revision)

    page = response.content.decode()
    rows = {row["key"]: row for row in response.context["comparison"]}
    assert list(rows) == ["description_pl", "description_it", "export_markets"]
    assert (rows["description_pl"]["current"], rows["description_pl"]["proposed"]) == (
        "Produkujemy sery dojrzewające.",
        "Sery i masło z Podlasia.",
    )
    assert rows["description_it"]["label"] == "opis (włoski)"
    assert (rows["export_markets"]["current"], rows["export_markets"]["proposed"]) == (
        "Niemcy",
        "Niemcy, Włochy",
    )
    assert '<td lang="it">Produciamo formaggi stagionati.</td>' in page
    assert "<strong>Formaggi e burro.</strong>" in page
    assert revision.logo.url in page
    assert reverse("admin:companies_organisationrevision_accept", args=[revision.pk]) in page
    assert 'name="reason"' in page


def test_staff_accept_and_reject_in_the_admin_with_a_reason(
    organisation, member, client, moderator
):
    accepted = propose(organisation, member, name="Narew S.A.")
    client.post(reverse("admin:companies_organisationrevision_accept", args=[accepted.pk]))
    rejected = propose(organisation, member, name="Narew Polska S.A.")
    reject = reverse("admin:companies_organisationrevision_reject", args=[rejected.pk])

    empty = client.post(reject, {"reason": ""})
    done = client.post(reject, {"reason": "Brak zmiany w KRS."}, follow=True)

    accepted.refresh_from_db()
    rejected.refresh_from_db()
    organisation.refresh_from_db()
    assert (accepted.status, accepted.decided_by) == (Status.ACCEPTED, moderator)
    assert empty.status_code == 200
    assert "To pole jest wymagane." in empty.content.decode()
    assert (rejected.status, rejected.reason, rejected.decided_by) == (
        Status.REJECTED,
        "Brak zmiany w KRS.",
        moderator,
    )
    assert organisation.name == "Narew S.A."
    assert [entry.history_user for entry in rejected.history.order_by("history_date")] == [
        member,
        moderator,
    ]
    assert 'name="reason"' not in done.content.decode()  # decided: no more buttons


def test_staff_without_the_moderation_permission_decide_nothing(
    organisation, member, client, roles
):
    revision = propose(organisation, member, name="Narew S.A.")
    sign_in(client, TRANSLATOR)

    accept = client.post(reverse("admin:companies_organisationrevision_accept", args=[revision.pk]))
    reject = client.post(
        reverse("admin:companies_organisationrevision_reject", args=[revision.pk]),
        {"reason": "Nie."},
    )

    revision.refresh_from_db()
    assert (accept.status_code, reject.status_code) == (403, 403)
    assert revision.status == Status.PENDING


def test_the_list_shows_pending_proposals_first(client, moderator):
    older = OrganisationFactory()
    newer = OrganisationFactory()
    decided = propose(newer, None, name="Nowa nazwa")
    services.organisation_reject_revision(revision=decided, by=None, reason="Nie.")
    pending = propose(older, None, name="Inna nazwa")
    latest = propose(newer, None, name="Jeszcze inna nazwa")

    response = client.get(reverse("admin:companies_organisationrevision_changelist"))
    only_pending = client.get(
        reverse("admin:companies_organisationrevision_changelist"), {"status__exact": "pending"}
    )

    assert list(response.context["cl"].result_list) == [latest, pending, decided]
    assert list(only_pending.context["cl"].result_list) == [latest, pending]


def test_the_list_takes_as_many_queries_for_many_proposals_as_for_one(
    client, moderator, django_assert_num_queries
):
    url = reverse("admin:companies_organisationrevision_changelist")
    propose(OrganisationFactory(), None, name="Nowa nazwa")
    client.get(url)  # the permissions and the session, read once

    with django_assert_num_queries(10):
        client.get(url)
    for number in range(10):
        propose(OrganisationFactory(), None, name=f"Nazwa {number}")
    with django_assert_num_queries(10):
        response = client.get(url)

    assert len(response.context["cl"].result_list) == 11


def test_the_organisations_page_links_to_its_pending_proposal(
    organisation, member, client, moderator
):
    url = reverse("admin:companies_organisation_change", args=[organisation.pk])
    before = client.get(url).content.decode()
    revision = propose(organisation, member, name="Narew S.A.")

    after = client.get(url).content.decode()

    link = reverse("admin:companies_organisationrevision_change", args=[revision.pk])
    assert link not in before
    assert link in after
    assert "Członek zaproponował zmiany" in after
