import datetime
import re

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import timezone, translation

from offers import services
from offers.models import Offer, OfferEvent, OfferTranslation
from tests.factories import ClusterFactory, OrganisationFactory
from tests.helpers import change_form_data, queries_and_response
from tests.offers.factories import OfferFactory, add_translation

pytestmark = pytest.mark.django_db

Status = Offer.Status
State = OfferTranslation.State
DAY = datetime.timedelta(days=1)


def admin_url(name, *args):
    """The admin in English, so that the tests read the texts staff see there."""
    with translation.override("en"):
        return reverse(f"admin:offers_offer_{name}", args=args)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def states(offer):
    return dict(offer.translations.values_list("language", "state"))


def post_change(client, offer, **changes):
    url = admin_url("change", offer.pk)
    data = change_form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def italian_state_on_change_page(client, offer):
    page = client.get(admin_url("change", offer.pk)).content.decode()
    return re.search(
        r'<li data-language="it"><a href="[^"]*">[^<]*</a>: <strong title="[^"]*">(\w+)</strong>',
        page,
    )[1]


@pytest.fixture
def moderator(client):
    """A staff member who may edit and moderate offers, but is no superuser."""
    user = User.objects.create_user("moderator", "moderator@urzad.example", "pass", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="offers",
            codename__in=["view_offer", "change_offer", "moderate_offer"],
        )
    )
    client.force_login(user)
    return client


@pytest.fixture
def editor(client):
    """A staff member who may edit offers but not moderate them."""
    user = User.objects.create_user("editor", "editor@urzad.example", "pass", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="offers", codename__in=["view_offer", "change_offer"]
        )
    )
    client.force_login(user)
    return client


# Translations edited in the admin.


def test_staff_adding_italian_makes_it_human_and_changing_polish_makes_it_outdated(admin_client):
    offer = OfferFactory(title="Mleko w proszku", summary="Dostawy całoroczne dla piekarni.")

    response = post_change(
        admin_client,
        offer,
        title_it="Latte in polvere",
        summary_it="Forniture tutto l'anno per panifici.",
    )

    assert response.status_code == 302
    offer.refresh_from_db()
    assert (offer.title_it, offer.summary_it) == (
        "Latte in polvere",
        "Forniture tutto l'anno per panifici.",
    )
    assert states(offer)["it"] == State.HUMAN
    assert states(offer)["pl"] == State.SOURCE
    assert offer.translations.get(language="it").updated_by.username == "admin"
    assert italian_state_on_change_page(admin_client, offer) == "human"

    response = post_change(admin_client, offer, summary_pl="Dostawy od marca dla piekarni.")

    assert response.status_code == 302
    assert states(offer) == {
        "pl": State.SOURCE,
        "en": State.MISSING,
        "de": State.MISSING,
        "it": State.OUTDATED,
        "cs": State.MISSING,
        "hu": State.MISSING,
        "ro": State.MISSING,
        "bg": State.MISSING,
    }
    assert italian_state_on_change_page(admin_client, offer) == "outdated"
    changelist = admin_client.get(admin_url("changelist")).content.decode()
    assert 'title="Italian">it: outdated</span>' in changelist
    assert 'title="Polish">pl: source</span>' in changelist
    assert 'title="German">de: missing</span>' in changelist


def test_editing_the_source_and_a_translation_together_keeps_that_translation_current(
    admin_client,
):
    offer = OfferFactory(title="Mleko w proszku")
    add_translation(offer, "it", title="Latte in polvere")
    add_translation(offer, "de", title="Milchpulver")

    post_change(
        admin_client, offer, title_pl="Mleko w proszku 26%", title_it="Latte in polvere 26%"
    )

    assert states(offer)["it"] == State.HUMAN
    assert states(offer)["de"] == State.OUTDATED


def test_saving_without_changing_texts_keeps_machine_translations_machine(admin_client):
    offer = OfferFactory(title="Mleko w proszku")
    add_translation(offer, "bg", machine=True, title="Мляко на прах")

    response = post_change(admin_client, offer, keywords="mleko, proszek")

    assert response.status_code == 302
    assert states(offer)["bg"] == State.MACHINE


def test_the_status_cannot_be_changed_in_the_form(admin_client):
    offer = OfferFactory(published=False)

    response = post_change(admin_client, offer, status=Status.PUBLISHED)

    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == Status.DRAFT
    assert list(offer.events.values_list("to_status", flat=True)) == [Status.DRAFT]


def test_saving_an_old_form_does_not_undo_a_status_change_made_meanwhile(admin_client):
    offer = OfferFactory(title="Mleko w proszku")
    url = admin_url("change", offer.pk)
    data = change_form_data(admin_client.get(url))
    services.offer_withdraw(offer=offer, reason="Firma znalazła partnera.")

    data["keywords"] = "mleko"
    response = admin_client.post(url, data)

    assert response.status_code == 302
    offer.refresh_from_db()
    assert (offer.status, offer.keywords) == (Status.WITHDRAWN, "mleko")


def test_a_title_is_required_in_the_source_language_and_the_input_is_kept(admin_client):
    offer = OfferFactory(title="Mleko w proszku")

    response = post_change(admin_client, offer, title_pl="", summary_pl="Nowe streszczenie")

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["title_pl"] == ["Write the title in the source language (Polish)."]
    assert "Nowe streszczenie</textarea>" in response.content.decode()
    offer.refresh_from_db()
    assert offer.title_pl == "Mleko w proszku"


def test_staff_add_an_offer_awaiting_publication_with_its_translation_states(admin_client):
    organisation = OrganisationFactory()
    cluster = ClusterFactory(slug="dairy")

    response = admin_client.post(
        admin_url("add"),
        {
            "organisation": organisation.pk,
            "kind": Offer.Kind.BUSINESS_OFFER,
            "cooperation_types": ["commercial", "distribution"],
            "source_language": "pl",
            "title_pl": "Sery dojrzewające",
            "summary_pl": "Szukamy dystrybutorów.",
            "title_it": "Formaggi stagionati",
            "clusters": [cluster.pk],
            "target_countries": ["IT", "AT"],
            "open_for_interest": "on",
            "events-TOTAL_FORMS": "0",
            "events-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    offer = Offer.objects.get()
    assert offer.reference == f"OF-{timezone.now().year}-00001"
    assert offer.status == Status.SUBMITTED
    assert offer.cooperation_types == ["commercial", "distribution"]
    assert [country.code for country in offer.target_countries] == ["AT", "IT"]
    assert list(offer.clusters.all()) == [cluster]
    assert states(offer)["pl"] == State.SOURCE
    assert states(offer)["it"] == State.HUMAN
    assert states(offer)["en"] == State.MISSING
    assert list(offer.events.values_list("from_status", "to_status", "by__username")) == [
        ("", Status.SUBMITTED, "admin")
    ]


# The list.


def test_the_list_filters_by_translation_state_per_language(admin_client):
    translated = OfferFactory(title="Przetłumaczona")
    add_translation(translated, "it", title="Tradotta")
    outdated = OfferFactory(title="Nieaktualna")
    add_translation(outdated, "it", title="Vecchia")
    add_translation(outdated, "de", title="Alt")
    outdated.title_pl = "Nieaktualna, zmieniona"
    outdated.save()

    services.offer_sync_translations(offer=outdated, edited_languages=())
    OfferFactory(title="Bez tłumaczeń")

    def titles(**params):
        response = admin_client.get(admin_url("changelist"), params)
        return sorted(offer.title_pl for offer in response.context["cl"].result_list)

    assert titles(translation_it="human") == ["Przetłumaczona"]
    assert titles(translation_it="outdated") == ["Nieaktualna, zmieniona"]
    assert titles(translation_it="missing") == ["Bez tłumaczeń"]
    assert titles(translation_it="outdated", translation_de="outdated") == [
        "Nieaktualna, zmieniona"
    ]
    assert titles(translation_de="human") == []
    assert titles(translation_pl="source") == [
        "Bez tłumaczeń",
        "Nieaktualna, zmieniona",
        "Przetłumaczona",
    ]


def test_the_list_filters_by_status_kind_language_and_cluster(admin_client):
    dairy = ClusterFactory(slug="dairy")
    OfferFactory(title="Mleko", clusters=[dairy])
    OfferFactory(title="Przyczepy", published=False, kind=Offer.Kind.SUBCONTRACTING)
    OfferFactory(title="Formaggi", language="it")

    def titles(**params):
        response = admin_client.get(admin_url("changelist"), params)
        return sorted(
            offer.text("title", offer.source_language)
            for offer in response.context["cl"].result_list
        )

    assert titles(status__exact="draft") == ["Przyczepy"]
    assert titles(kind__exact="subcontracting") == ["Przyczepy"]
    assert titles(source_language__exact="it") == ["Formaggi"]
    assert titles(clusters__id__exact=dairy.pk) == ["Mleko"]


def test_an_unknown_filter_value_is_no_error(admin_client):
    OfferFactory()

    response = admin_client.get(admin_url("changelist"), {"translation_it": "nonsense"})

    assert response.status_code == 200


def test_the_list_takes_as_many_queries_for_20_offers_as_for_one(admin_client):
    dairy = ClusterFactory(slug="dairy")
    url = admin_url("changelist")

    def queries_on_the_list():
        number, response = queries_and_response(admin_client, url)
        return number, len(response.context["cl"].result_list)

    offer = OfferFactory(clusters=[dairy])
    add_translation(offer, "it", title="Latte")
    one = queries_on_the_list()
    for number in range(19):
        offer = OfferFactory(clusters=[dairy], language=["pl", "it", "de", "cs"][number % 4])
        add_translation(offer, "en", title=f"Offer {number}")
    twenty = queries_on_the_list()

    assert one[1] == 1 and twenty[1] == 20
    assert twenty[0] == one[0]
    assert one[0] == 8


# Moderation actions.


def test_publish_action_publishes_submitted_offers_and_refuses_others(moderator):
    submitted = OfferFactory(published=False, title="Zgłoszona")

    services.offer_submit(offer=submitted)
    draft = OfferFactory(published=False, title="Szkic")

    response = moderator.post(
        admin_url("changelist"),
        {"action": "publish_offers", "_selected_action": [submitted.pk, draft.pk]},
        follow=True,
    )

    assert response.status_code == 200
    submitted.refresh_from_db()
    draft.refresh_from_db()
    assert submitted.status == Status.PUBLISHED
    assert submitted.expires_at == submitted.published_at + datetime.timedelta(days=365)
    assert submitted.events.latest("pk").by.username == "moderator"
    assert draft.status == Status.DRAFT
    assert messages_of(response) == [
        f"{draft.reference} cannot be published: its status is draft. Only submitted offers "
        "are published; an expired one can be renewed.",
        "1 offer published for 12 months.",
    ]


def test_reject_action_asks_for_a_reason_first(moderator):

    offer = services.offer_submit(offer=OfferFactory(published=False, title="Do odrzucenia"))
    changelist = admin_url("changelist")

    page = moderator.post(changelist, {"action": "reject_offers", "_selected_action": [offer.pk]})

    assert page.status_code == 200
    assert "admin/offers/offer/reject.html" in [t.name for t in page.templates]
    assert f"{offer.reference}: Do odrzucenia" in page.content.decode()
    offer.refresh_from_db()
    assert offer.status == Status.SUBMITTED

    no_reason = moderator.post(
        changelist,
        {"action": "reject_offers", "_selected_action": [offer.pk], "apply": "1", "reason": " "},
    )

    assert no_reason.status_code == 200
    assert no_reason.context["form"].errors == {"reason": ["This field is required."]}
    assert Offer.objects.get(pk=offer.pk).status == Status.SUBMITTED

    done = moderator.post(
        changelist,
        {
            "action": "reject_offers",
            "_selected_action": [offer.pk],
            "apply": "1",
            "reason": "Brak opisu produktu.",
        },
        follow=True,
    )

    offer.refresh_from_db()
    assert offer.status == Status.REJECTED
    assert offer.rejection_reason == "Brak opisu produktu."
    event = offer.events.latest("pk")
    assert (event.to_status, event.by.username, event.reason) == (
        Status.REJECTED,
        "moderator",
        "Brak opisu produktu.",
    )
    assert messages_of(done) == ["1 offer rejected."]
    history = moderator.get(admin_url("change", offer.pk)).content.decode()
    assert "Brak opisu produktu." in history and "moderator" in history


def test_reject_action_refuses_a_published_offer_with_a_message(moderator):
    offer = OfferFactory()

    response = moderator.post(
        admin_url("changelist"),
        {
            "action": "reject_offers",
            "_selected_action": [offer.pk],
            "apply": "1",
            "reason": "Za późno.",
        },
        follow=True,
    )

    assert response.status_code == 200
    assert messages_of(response) == [
        f"{offer.reference} cannot be rejected: its status is published. Only submitted "
        "offers are rejected."
    ]
    assert Offer.objects.get(pk=offer.pk).status == Status.PUBLISHED


def test_renew_action_renews_once_and_then_says_why_not(moderator):
    offer = OfferFactory(published_at=timezone.now() - 350 * DAY)
    changelist = admin_url("changelist")
    data = {"action": "renew_offers", "_selected_action": [offer.pk]}

    first = moderator.post(changelist, data, follow=True)
    offer.refresh_from_db()
    renewed_until = offer.expires_at
    second = moderator.post(changelist, data, follow=True)

    assert messages_of(first) == ["1 offer renewed for 12 months."]
    assert renewed_until == offer.published_at + datetime.timedelta(days=730)
    assert offer.renewed_at is not None
    [message] = messages_of(second)
    assert message.startswith(f"{offer.reference} cannot be renewed: it was renewed once already")
    offer.refresh_from_db()
    assert offer.expires_at == renewed_until


def test_renew_action_refuses_a_draft_with_a_message(moderator):
    offer = OfferFactory(published=False)

    response = moderator.post(
        admin_url("changelist"),
        {"action": "renew_offers", "_selected_action": [offer.pk]},
        follow=True,
    )

    assert messages_of(response) == [
        f"{offer.reference} cannot be renewed: its status is draft. Only published and "
        "expired offers are renewed."
    ]


def test_staff_without_the_moderation_permission_have_no_actions(editor):

    offer = services.offer_submit(offer=OfferFactory(published=False))

    page = editor.get(admin_url("changelist"))
    response = editor.post(
        admin_url("changelist"),
        {"action": "publish_offers", "_selected_action": [offer.pk]},
        follow=True,
    )

    assert "publish_offers" not in page.content.decode()
    assert response.status_code == 200
    assert Offer.objects.get(pk=offer.pk).status == Status.SUBMITTED
    assert not OfferEvent.objects.filter(offer=offer, to_status=Status.PUBLISHED).exists()


def test_the_change_page_lists_the_status_history(admin_client):
    offer = OfferFactory(title="Mleko w proszku")

    page = admin_client.get(admin_url("change", offer.pk))

    history = page.context["inline_admin_formsets"][0].formset.queryset
    assert list(history.values_list("from_status", "to_status")) == [
        ("", Status.DRAFT),
        (Status.DRAFT, Status.SUBMITTED),
        (Status.SUBMITTED, Status.PUBLISHED),
    ]
    assert "Status history" in page.content.decode()
