"""Who changed what and when, and who saw a contact person's data."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from companies.models import ContactDataView, ContactPerson, Organisation, OrganisationRevision
from offers.models import Offer, OfferTranslation
from portal.common.history import history_models
from portal.members.models import Member
from questionnaire.models import Submission
from tests.factories import ContactPersonFactory, OrganisationFactory
from tests.helpers import change_form_data, offer_action, sign_in
from tests.offers.factories import OfferFactory
from tests.offers.interest import make_interest
from tests.questionnaire.submissions import make_submission

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("roles")]

ADMINISTRATOR, MODERATOR, TRANSLATOR, EDITOR = "administrator", "moderator", "translator", "editor"


def history_url(record, *args):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record.pk, *args])


def version_url(record, version):
    opts = record._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history",
        args=[record.pk, version.history_id],
    )


def changes_on_history_page(response):
    """(field, old, new) of every change the history page lists, newest first."""
    return [
        (str(change["field"]), str(change["old"]), str(change["new"]))
        for record in response.context["page_obj"]
        for change in getattr(record, "history_delta_changes", [])
    ]


# Changes recorded.


def test_a_moderator_publishing_an_offer_is_recorded_with_the_status_change(client):
    offer = OfferFactory(published=False, status=Offer.Status.SUBMITTED)
    sign_in(client, MODERATOR)

    client.post(*offer_action("publish_offers", offer))

    latest = offer.history.latest("history_date")
    previous = latest.prev_record
    assert latest.history_user == User.objects.get(username=MODERATOR)
    assert latest.history_type == "~"
    assert (previous.status, latest.status) == (Offer.Status.SUBMITTED, Offer.Status.PUBLISHED)
    assert [change.field for change in latest.diff_against(previous).changes] == [
        "expires_at",
        "published_at",
        "status",
    ]


def test_editing_an_organisations_italian_description_records_old_and_new(client):
    organisation = OrganisationFactory(description_it="Caseificio.")
    sign_in(client, ADMINISTRATOR)
    url = reverse("admin:companies_organisation_change", args=[organisation.pk])
    data = change_form_data(client.get(url))
    data.pop("logo")  # no file: nothing to send back
    data["description_it"] = "Caseificio della Podlachia."

    response = client.post(url, data)

    latest = organisation.history.latest("history_date")
    with translation.override("en"):
        history_page = client.get(history_url(organisation))
    assert response.status_code == 302
    assert latest.history_user == User.objects.get(username=ADMINISTRATOR)
    assert (latest.prev_record.description_it, latest.description_it) == (
        "Caseificio.",
        "Caseificio della Podlachia.",
    )
    label = capfirst(Organisation._meta.get_field("description_it").verbose_name)
    assert changes_on_history_page(history_page) == [
        (label, "Caseificio.", "Caseificio della Podlachia.")
    ]


def test_the_history_keeps_each_languages_column():
    columns = {field.name for field in Organisation.history.model._meta.fields}

    assert {"description_pl", "description_it", "products_bg"} <= columns
    assert "description" not in columns  # the untranslated original repeats Polish


def test_each_app_names_the_models_whose_history_is_kept():
    assert history_models() == [
        Organisation,
        ContactPerson,
        OrganisationRevision,
        Offer,
        OfferTranslation,
        Submission,
        Member,
    ]
    columns = {field.name for field in Submission.history.model._meta.fields}
    assert {"status", "email"} <= columns
    assert not {"answers", "form_data"} & columns


def test_accepting_a_submission_records_the_staff_member(client):
    submission = make_submission()
    sign_in(client, MODERATOR)

    client.post(reverse("admin:questionnaire_submission_accept", args=[submission.pk]))

    latest = submission.history.latest("history_date")
    assert latest.status == Submission.Status.ACCEPTED
    assert latest.prev_record.status == Submission.Status.CONFIRMED
    assert latest.history_user == User.objects.get(username=MODERATOR)
    # The organisation it made names the moderator too.
    organisation = Submission.objects.get(pk=submission.pk).organisation
    assert organisation.history.earliest("history_date").history_user.username == MODERATOR


def test_a_service_records_who_it_was_done_by_outside_a_request():
    from offers import services

    moderator = User.objects.create_user("kasia", is_staff=True)
    offer = OfferFactory(published=False, status=Offer.Status.SUBMITTED)

    services.offer_publish(offer=offer, by=moderator)

    assert offer.history.latest("history_date").history_user == moderator


# The history pages.


def test_the_history_page_shows_an_administrator_the_change(client):
    offer = OfferFactory(published=False, status=Offer.Status.SUBMITTED)
    sign_in(client, MODERATOR)
    client.post(*offer_action("publish_offers", offer))
    client.logout()
    sign_in(client, ADMINISTRATOR)

    with translation.override("en"):
        response = client.get(history_url(offer))
        page = response.content.decode()

    assert response.status_code == 200
    assert ("Status", "submitted", "published") in changes_on_history_page(response)
    assert "moderator" in page
    assert "submitted → published" in page
    assert "style=" not in page.split('id="change-history"')[1]


def test_a_past_version_is_shown_read_only_and_cannot_be_reverted(client):
    organisation = OrganisationFactory(name="Serowar Podlaski")
    first = organisation.history.earliest("history_date")
    organisation.name = "Serowar Narwiański"
    organisation.save()
    sign_in(client, ADMINISTRATOR)
    url = version_url(organisation, first)

    response = client.get(url)
    posted = client.post(url, {"name": "Zmieniona nazwa"})

    organisation.refresh_from_db()
    assert response.status_code == 200
    assert "Serowar Podlaski" in response.content.decode()
    assert list(response.context["adminform"].form.fields) == []
    assert posted.status_code == 405
    assert organisation.name == "Serowar Narwiański"


@pytest.mark.parametrize(
    "model, args",
    [
        ("offers_offer", ["abc"]),
        ("offers_offer", ["abc", "1"]),
        ("offers_offer", ["1", "abc"]),
        ("companies_organisation", ["abc"]),
        ("companies_contactperson", ["abc"]),
        ("companies_contactperson", ["abc", "xyz"]),
        ("questionnaire_submission", ["abc", "1"]),
    ],
)
def test_a_history_address_with_an_id_that_is_no_id_is_not_found(client, model, args):
    sign_in(client, ADMINISTRATOR)
    view = "history" if len(args) == 1 else "simple_history"

    response = client.get(reverse(f"admin:{model}_{view}", args=args))

    assert response.status_code == 404
    assert ContactDataView.objects.count() == 0


def test_a_translator_is_refused_a_contact_persons_history(client):
    contact = ContactPersonFactory(email="zofia@narew.example")
    sign_in(client, TRANSLATOR)

    responses = [
        client.get(history_url(contact)),
        client.get(version_url(contact, contact.history.latest("history_date"))),
    ]

    assert [response.status_code for response in responses] == [403, 403]
    assert ContactDataView.objects.count() == 0


def test_an_editor_is_refused_an_offers_history(client):
    offer = OfferFactory()
    sign_in(client, EDITOR)

    response = client.get(history_url(offer))

    assert response.status_code == 403


def test_a_translator_sees_no_contact_data_in_an_organisations_history(client):
    organisation = OrganisationFactory(email="biuro@narew.example")
    organisation.email = "sekretariat@narew.example"
    organisation.description_cs = "Mlékárna."
    organisation.save()
    sign_in(client, TRANSLATOR)

    response = client.get(history_url(organisation))
    page = response.content.decode()

    assert response.status_code == 200
    assert [field for field, _old, _new in changes_on_history_page(response)] == [
        capfirst(Organisation._meta.get_field("description_cs").verbose_name)
    ]
    assert "narew.example" not in page


def test_a_moderator_sees_the_organisations_contact_changes_in_its_history(client):
    organisation = OrganisationFactory(email="biuro@narew.example")
    organisation.email = "sekretariat@narew.example"
    organisation.save()
    sign_in(client, MODERATOR)

    response = client.get(history_url(organisation))

    assert ("biuro@narew.example", "sekretariat@narew.example") in [
        (old, new) for _field, old, new in changes_on_history_page(response)
    ]


def test_a_role_without_the_history_permission_is_refused_the_history(client):
    from django.contrib.auth.models import Group, Permission

    organisation = OrganisationFactory()
    Group.objects.get(name=MODERATOR).permissions.remove(
        Permission.objects.get(codename="view_historicalorganisation")
    )
    sign_in(client, MODERATOR)

    record = client.get(reverse("admin:companies_organisation_change", args=[organisation.pk]))
    history = client.get(history_url(organisation))

    assert (record.status_code, history.status_code) == (200, 403)


# Views of contact data.


def test_opening_a_contact_person_writes_one_view_row(client):
    contact = ContactPersonFactory(email="zofia@narew.example")
    sign_in(client, MODERATOR)
    url = reverse("admin:companies_contactperson_change", args=[contact.pk])

    response = client.get(url)

    view = ContactDataView.objects.get()
    assert response.status_code == 200
    assert "zofia@narew.example" in response.content.decode()
    assert (view.user.username, view.contact_person, view.organisation) == (
        MODERATOR,
        contact,
        contact.organisation,
    )
    assert view.path == url


def test_a_translator_refused_a_contact_person_writes_no_row(client):
    contact = ContactPersonFactory()
    sign_in(client, TRANSLATOR)

    response = client.get(reverse("admin:companies_contactperson_change", args=[contact.pk]))

    assert response.status_code == 403
    assert ContactDataView.objects.count() == 0


def test_an_organisation_with_its_contact_persons_logs_each_person(client):
    organisation = OrganisationFactory()
    contacts = [ContactPersonFactory(organisation=organisation) for _ in range(2)]
    url = reverse("admin:companies_organisation_change", args=[organisation.pk])

    sign_in(client, MODERATOR).get(url)
    client.logout()
    sign_in(client, TRANSLATOR).get(url)  # no contact persons shown to a translator

    assert sorted(
        ContactDataView.objects.values_list("user__username", "contact_person")
    ) == sorted((MODERATOR, contact.pk) for contact in contacts)


def test_the_list_of_contact_persons_logs_the_persons_listed(client):
    contacts = [ContactPersonFactory() for _ in range(3)]
    sign_in(client, MODERATOR)

    client.get(reverse("admin:companies_contactperson_changelist"))

    assert set(ContactDataView.objects.values_list("contact_person", flat=True)) == {
        contact.pk for contact in contacts
    }


def test_an_expression_of_interest_logs_the_contact_it_is_forwarded_to(client):

    contact = ContactPersonFactory(email="jan@firma.example")
    expression = make_interest(OfferFactory(organisation=contact.organisation))
    sign_in(client, MODERATOR)

    response = client.get(reverse("admin:offers_expressionofinterest_change", args=[expression.pk]))

    assert "jan@firma.example" in response.content.decode()
    assert list(ContactDataView.objects.values_list("contact_person", flat=True)) == [contact.pk]


def test_a_submission_logs_a_view_of_the_contact_details_it_holds(client):
    submission = make_submission()
    sign_in(client, MODERATOR)
    url = reverse("admin:questionnaire_submission_change", args=[submission.pk])

    response = client.get(url)

    view = ContactDataView.objects.get()
    assert submission.answers["contact"]["email"] in response.content.decode()
    assert (view.user.username, view.path, view.contact_person) == (MODERATOR, url, None)


def test_the_log_of_views_has_no_add_change_or_delete(client):
    contact = ContactPersonFactory()
    sign_in(client, ADMINISTRATOR)
    client.get(reverse("admin:companies_contactperson_change", args=[contact.pk]))
    view = ContactDataView.objects.get()
    model_admin = admin.site._registry[ContactDataView]
    request = client.get(reverse("admin:companies_contactdataview_changelist")).wsgi_request

    change = client.get(reverse("admin:companies_contactdataview_change", args=[view.pk]))
    add = client.get(reverse("admin:companies_contactdataview_add"))
    delete = client.post(
        reverse("admin:companies_contactdataview_delete", args=[view.pk]), {"post": "yes"}
    )

    assert change.status_code == 200
    assert change.context["has_change_permission"] is False
    assert (add.status_code, delete.status_code) == (403, 403)
    assert (
        model_admin.has_add_permission(request),
        model_admin.has_change_permission(request, view),
        model_admin.has_delete_permission(request, view),
    ) == (False, False, False)
    assert ContactDataView.objects.filter(pk=view.pk).exists()


def test_the_log_of_views_keeps_the_person_id_when_the_person_is_deleted(client):
    contact = ContactPersonFactory()
    sign_in(client, ADMINISTRATOR).get(
        reverse("admin:companies_contactperson_change", args=[contact.pk])
    )
    pk = contact.pk

    ContactPerson.objects.filter(pk=pk).delete()

    view = ContactDataView.objects.get()
    assert (view.contact_person, view.contact_person_ref) == (None, pk)


# The history keeps no personal data longer than the record does.


def test_retention_leaves_no_history_of_a_deleted_or_anonymised_submission(settings, tmp_path):
    import datetime

    from django.utils import timezone

    from questionnaire import retention, services

    settings.PRIVATE_MEDIA_ROOT = tmp_path
    unconfirmed = make_submission(confirm=False)
    rejected = make_submission()
    services.submission_reject(submission=rejected, by=None, reason="Spoza programu.")
    long_ago = timezone.now() - datetime.timedelta(days=3650)
    Submission.objects.filter(pk=unconfirmed.pk).update(created_at=long_ago)
    Submission.objects.filter(pk=rejected.pk).update(decided_at=long_ago)
    email = rejected.email
    assert Submission.history.filter(email=email).exists()

    retention.delete_unconfirmed()
    retention.anonymise_rejected()

    assert not Submission.history.filter(id=unconfirmed.pk).exists()
    assert list(Submission.history.filter(id=rejected.pk).values_list("email", flat=True)) == [""]
