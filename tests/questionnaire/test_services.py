import threading

import pytest
from django.db import connection

from companies.models import ContactPerson, Organisation
from offers.models import Offer
from questionnaire import services
from questionnaire.models import Submission
from tests.questionnaire import walk


def confirmed_submission(client, **kwargs):
    walk.fill_in(client, **kwargs)
    walk.send(client)
    submission = Submission.objects.get()
    services.submission_confirm(submission=submission)
    submission.refresh_from_db()
    return submission


@pytest.mark.django_db
def test_accepting_creates_the_organisation_contact_and_submitted_offers(
    client, admin_user, django_capture_on_commit_callbacks
):
    submission = confirmed_submission(client)

    with django_capture_on_commit_callbacks(execute=True):
        organisation = services.submission_accept(submission=submission, by=admin_user)

    organisation.refresh_from_db()
    assert organisation.name == "Serowarnia Narwiańska"
    assert organisation.slug == "serowarnia-narwianska"
    assert organisation.is_published
    assert organisation.nip == walk.VALID_NIP
    assert organisation.products_pl == "Sery dojrzewające i twarogi."
    assert sorted(country.code for country in organisation.export_markets) == ["DE", "IT"]
    assert list(organisation.clusters.values_list("slug", flat=True)) == ["dairy"]
    contact = ContactPerson.objects.get(organisation=organisation)
    assert (contact.first_name, contact.email, str(contact.phone)) == (
        "Anna",
        "anna@serowarnia.example",
        "+48862160000",
    )
    assert contact.publication_consent and contact.publication_consent_version
    assert contact.publication_consent_at == submission.privacy_acknowledged_at
    assert not contact.alerts_consent and contact.alerts_consent_at is None
    offer = Offer.objects.get(organisation=organisation)
    assert offer.status == Offer.Status.SUBMITTED
    assert offer.source_language == "pl"
    assert offer.title_pl == "Sery dojrzewające dla dystrybutorów"
    assert offer.title_it is None or offer.title_it == ""
    assert offer.reference.startswith("OF-")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.ACCEPTED
    assert submission.organisation == organisation
    last = submission.events.last()
    assert (last.from_status, last.to_status, last.by) == ("confirmed", "accepted", admin_user)


@pytest.mark.django_db
def test_accepting_twice_gives_one_organisation(client, admin_user):
    submission = confirmed_submission(client)

    first = services.submission_accept(submission=submission, by=admin_user)
    second = services.submission_accept(submission=submission, by=admin_user)

    assert first == second
    assert Organisation.objects.filter(nip=walk.VALID_NIP).count() == 1
    assert Offer.objects.count() == 1
    assert submission.events.filter(to_status="accepted").count() == 1


@pytest.mark.django_db
def test_a_submission_for_a_registered_tax_id_updates_that_organisation(client, admin_user):
    from tests.factories import OrganisationFactory

    registered = OrganisationFactory(
        nip=walk.VALID_NIP, name="Stara nazwa", country="PL", krs="0000123456", region="Podlasie"
    )
    submission = confirmed_submission(client, organisation={"region": ""})

    organisation = services.submission_accept(submission=submission, by=admin_user)

    assert organisation.pk == registered.pk
    registered.refresh_from_db()
    assert registered.name == "Serowarnia Narwiańska"
    assert registered.town == "Łomża"
    # What the questionnaire left empty stays as the record had it.
    assert (registered.krs, registered.region) == ("0000123456", "Podlasie")
    assert Organisation.objects.filter(nip=walk.VALID_NIP).count() == 1


@pytest.mark.django_db
def test_status_changes_that_the_status_does_not_allow_are_refused(client, admin_user):
    walk.fill_in(client)
    walk.send(client)
    submission = Submission.objects.get()

    with pytest.raises(services.TransitionError):
        services.submission_accept(submission=submission, by=admin_user)
    services.submission_confirm(submission=submission)
    services.submission_reject(submission=submission, by=admin_user, reason="Brak danych.")
    with pytest.raises(services.TransitionError):
        services.submission_accept(submission=submission, by=admin_user)

    assert not services.submission_confirm(submission=submission)
    assert Organisation.objects.filter(nip=walk.VALID_NIP).count() == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_staff_accepting_at_once_make_one_organisation(client, admin_user):
    submission = confirmed_submission(client)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def accept():
        try:
            barrier.wait(timeout=10)
            results.append(services.submission_accept(submission=submission, by=admin_user).pk)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=accept) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert len(results) == 2 and results[0] == results[1]
    assert Organisation.objects.filter(nip=walk.VALID_NIP).count() == 1
    assert Offer.objects.count() == 1
    assert ContactPerson.objects.filter(email="anna@serowarnia.example").count() == 1
