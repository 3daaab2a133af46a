import pytest
from django.urls import reverse
from django.utils import translation

from companies.models import Organisation
from tests.factories import ClusterFactory, ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def admin_url(name, *args):
    with translation.override("pl"):
        return reverse(f"admin:{name}", args=args)


@pytest.mark.parametrize(
    "model", ["activity", "cluster", "certification", "organisation", "contactperson"]
)
def test_admin_lists_and_forms_open(admin_client, model):
    organisation = OrganisationFactory(name="Mleczarnia Narew")
    ContactPersonFactory(organisation=organisation)

    changelist = admin_client.get(admin_url(f"companies_{model}_changelist"), {"q": "Narew"})
    add = admin_client.get(admin_url(f"companies_{model}_add"))

    assert changelist.status_code == 200
    assert add.status_code == 200


def test_organisation_form_has_language_tabs_with_local_jquery_ui(admin_client):
    organisation = OrganisationFactory()

    page = admin_client.get(admin_url("companies_organisation_change", organisation.pk))

    content = page.content.decode()
    assert 'src="/static/vendor/jquery-ui/jquery-ui.min.js"' in content
    assert 'src="/static/modeltranslation/js/tabbed_translation_fields.js"' in content
    assert 'name="description_it"' in content and 'name="description_bg"' in content
    assert "//code.jquery.com" not in content and "cdn" not in content.lower()


def test_publish_and_unpublish_actions(admin_client):
    hidden = OrganisationFactory(is_published=False)
    shown = OrganisationFactory(is_published=True)
    changelist = admin_url("companies_organisation_changelist")

    response = admin_client.post(
        changelist, {"action": "publish", "_selected_action": [hidden.pk, shown.pk]}, follow=True
    )

    assert set(Organisation.objects.filter(is_published=True)) == {hidden, shown}
    assert "Opublikowano 1 organizację." in response.content.decode()

    admin_client.post(changelist, {"action": "unpublish", "_selected_action": [hidden.pk]})

    assert set(Organisation.objects.filter(is_published=True)) == {shown}


def test_admin_filters_by_cluster_and_publication(admin_client):
    cluster = ClusterFactory(slug="dairy")
    OrganisationFactory(name="Członek", clusters=[cluster])
    OrganisationFactory(name="Inny", is_published=False)

    response = admin_client.get(
        admin_url("companies_organisation_changelist"),
        {"clusters__id__exact": cluster.pk, "is_published__exact": "1"},
    )

    assert [o.name for o in response.context["cl"].result_list] == ["Członek"]


def test_admin_refuses_an_invalid_nip_in_polish_and_keeps_the_input(admin_client):
    response = admin_client.post(
        admin_url("companies_organisation_add"),
        {
            "kind": "firm",
            "name": "Nowa Firma",
            "slug": "nowa-firma",
            "nip": "5260250275",
            "country": "PL",
            "town": "Łomża",
            "description_pl": "Opis, który nie może zginąć.",
            "contacts-TOTAL_FORMS": "0",
            "contacts-INITIAL_FORMS": "0",
        },
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "NIP jest nieprawidłowy" in content
    assert "Opis, który nie może zginąć." in content
    assert not Organisation.objects.filter(slug="nowa-firma").exists()
