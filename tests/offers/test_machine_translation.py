"""Machine drafts of offers against the stand-in DeepL server: the service, the
bulk task run by the real worker (`task_worker`), and what staff see of it in the admin."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from offers import services, tasks
from offers.models import Offer, OfferTranslation
from portal.common.machine_translation import QuotaExceeded, ServiceUnavailable
from portal.models import TaskProgress
from tests.offers.factories import OfferFactory, add_translation


@pytest.fixture(autouse=True)
def _english(_default_language):
    """Staff here work in English: the messages below are the English ones."""
    translation.activate("en")
    yield


State = OfferTranslation.State
TARGETS = ["en", "de", "it", "cs", "hu", "ro", "bg"]


def milk_offer(**kwargs):
    return OfferFactory(title="Dostawca mleka", summary="Szukamy partnerów handlowych.", **kwargs)


def states(offer):
    return dict(offer.translations.values_list("language", "state"))


def run_worker():
    call_command(
        "task_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0
    )


@pytest.fixture
def staff():
    return User.objects.create_user("translator", "tlumacz@urzad.example", "pass", is_staff=True)


@pytest.mark.django_db
def test_machine_draft_review_and_source_edit(deepl_server, staff):
    offer = milk_offer()

    written = services.offer_machine_translate(offer=offer)

    assert written == TARGETS
    offer.refresh_from_db()
    assert states(offer) == {"pl": State.SOURCE} | dict.fromkeys(TARGETS, State.MACHINE)
    assert (offer.title_cs, offer.summary_cs) == ("Dodavatel mléka", "Hledáme obchodní partnery.")
    assert (offer.title_en, offer.summary_en) == (
        "Milk supplier",
        "We are looking for trading partners.",
    )
    assert offer.title_hu == "[HU] Dostawca mleka"
    assert (offer.description_cs, offer.partner_sought_cs) == ("", "")
    assert len(deepl_server.requests) == 7  # one per language, empty fields not sent

    # A translator reviews the Czech draft, correcting the title: a human translation.
    services.offer_review_translation(
        offer=offer, language="cs", texts={"title": "Dodavatel mléka a sýrů"}, by=staff
    )
    # and accepts the English one as it stands.
    services.offer_review_translation(offer=offer, language="en", by=staff)

    offer.refresh_from_db()
    cs = offer.translations.get(language="cs")
    assert (cs.state, cs.updated_by) == (State.HUMAN, staff)
    assert (offer.title_cs, offer.summary_cs) == (
        "Dodavatel mléka a sýrů",
        "Hledáme obchodní partnery.",
    )
    assert offer.translations.get(language="en").state == State.HUMAN
    assert offer.title_en == "Milk supplier"

    # The firm edits its Polish text: every translation made from the old one is outdated.
    services.offer_update_source(offer=offer, texts={"summary": "Szukamy dystrybutorów."})

    assert states(offer) == {"pl": State.SOURCE} | dict.fromkeys(TARGETS, State.OUTDATED)
    offer.refresh_from_db()
    assert offer.title_cs == "Dodavatel mléka a sýrů"  # kept until someone translates again


@pytest.mark.django_db
def test_machine_translation_never_overwrites_a_human_translation_nor_the_source(deepl_server):
    offer = milk_offer()
    add_translation(offer, "cs", title="Dodavatel mléka (lidský překlad)")

    written = services.offer_machine_translate(offer=offer, languages=["pl", "cs", "de"])

    assert written == ["de"]
    offer.refresh_from_db()
    assert offer.title_cs == "Dodavatel mléka (lidský překlad)"
    assert offer.title_pl == "Dostawca mleka"
    assert states(offer)["cs"] == State.HUMAN
    assert states(offer)["de"] == State.MACHINE
    assert [r["body"]["target_lang"] for r in deepl_server.requests] == ["DE"]


@pytest.mark.django_db
def test_a_machine_draft_may_be_made_again_on_request(deepl_server):
    offer = milk_offer()
    services.offer_machine_translate(offer=offer, languages=["de"])

    assert services.offer_machine_translate(offer=offer) == ["en", "it", "cs", "hu", "ro", "bg"]
    assert services.offer_machine_translate(offer=offer) == []
    assert services.offer_machine_translate(offer=offer, languages=["de"]) == ["de"]


@pytest.mark.django_db
@pytest.mark.parametrize("status, error", [(456, QuotaExceeded), (500, ServiceUnavailable)])
def test_service_failure_leaves_human_and_written_texts(deepl_server, status, error):
    offer = milk_offer()
    add_translation(offer, "cs", title="Lidský překlad", summary="Hledáme partnery.")
    deepl_server.fail(status, after=1)  # English is translated, then the server fails

    with pytest.raises(error):
        services.offer_machine_translate(offer=offer)

    offer.refresh_from_db()
    assert (offer.title_cs, offer.summary_cs) == ("Lidský překlad", "Hledáme partnery.")
    assert offer.title_en == "Milk supplier"
    assert states(offer) == {
        "pl": State.SOURCE,
        "en": State.MACHINE,
        "de": State.MISSING,
        "it": State.MISSING,
        "cs": State.HUMAN,
        "hu": State.MISSING,
        "ro": State.MISSING,
        "bg": State.MISSING,
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_db_worker_runs_a_bulk_task_over_50_offers(deepl_server):
    offers = [
        OfferFactory(title=f"Oferta {n}", summary="Szukamy partnerów handlowych.")
        for n in range(50)
    ]
    add_translation(offers[0], "cs", title="Nabídka nula")

    result = tasks.translate_offers.enqueue([offer.pk for offer in offers])
    run_worker()

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {"offers": 50, "languages": 50 * 7 - 1}
    assert OfferTranslation.objects.filter(state=State.MACHINE).count() == 349
    for offer in Offer.objects.all():
        n = offer.title_pl.removeprefix("Oferta ")
        assert offer.title_de == f"[DE] Oferta {n}"
        assert offer.summary_en == "We are looking for trading partners."
        if n != "0":
            assert offer.title_cs == f"[CS] Oferta {n}"
    assert Offer.objects.get(title_pl="Oferta 0").title_cs == "Nabídka nula"
    progress = TaskProgress.objects.get(task_id=result.id)
    assert (progress.done, progress.total) == (50, 50)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_staff_follow_a_bulk_task_s_progress(deepl_server, client):
    offers = [milk_offer() for _n in range(3)]
    result = tasks.translate_offers.enqueue([offer.pk for offer in offers])
    client.force_login(User.objects.create_superuser("admin", "admin@urzad.example", "pass"))
    change_page = reverse("admin:django_tasks_database_dbtaskresult_change", args=[result.id])

    assert "3 of 3" not in client.get(change_page).content.decode()
    run_worker()

    assert "3 of 3" in client.get(change_page).content.decode()
    listed = client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist"))
    assert "3 of 3" in listed.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("status, message", [(456, "quota"), (500, "HTTP 500")])
def test_a_failed_bulk_task_keeps_human_texts_and_shows_its_error_to_staff(
    deepl_server, client, status, message
):
    first, second = milk_offer(), milk_offer()
    add_translation(second, "cs", title="Lidský překlad")
    deepl_server.fail(status)

    result = tasks.translate_offers.enqueue([first.pk, second.pk])
    run_worker()

    result.refresh()
    assert result.status == TaskResultStatus.FAILED
    second.refresh_from_db()
    assert second.title_cs == "Lidský překlad"
    assert states(second)["cs"] == State.HUMAN
    assert set(states(first).values()) == {State.SOURCE, State.MISSING}
    traceback = DBTaskResult.objects.get(pk=result.id).traceback
    assert (
        "offers.tasks.OffersNotTranslated: 2 offers of 2 were not machine-translated." in traceback
    )
    assert message in traceback

    client.force_login(User.objects.create_superuser("admin", "admin@urzad.example", "pass"))
    page = client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist"))
    assert page.status_code == 200
    content = page.content.decode()
    assert "2 offers of 2 were not machine-translated." in content
    assert first.reference in content
    assert message in content


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_admin_action_queues_the_bulk_task_and_links_its_result(deepl_server, client):
    offers = [milk_offer(), milk_offer()]
    client.force_login(User.objects.create_superuser("admin", "admin@urzad.example", "pass"))

    page = client.post(
        reverse("admin:offers_offer_changelist"),
        {"action": "machine_translate_offers", "_selected_action": [o.pk for o in offers]},
        follow=True,
    )

    task_result = DBTaskResult.objects.get()
    assert task_result.args_kwargs == {"args": [sorted(o.pk for o in offers)], "kwargs": {}}
    content = page.content.decode()
    assert "Machine translation of 2 offers is queued" in content
    assert (
        reverse("admin:django_tasks_database_dbtaskresult_change", args=[task_result.pk]) in content
    )

    run_worker()

    task_result.refresh_from_db()
    assert task_result.status == TaskResultStatus.SUCCESSFUL
    assert OfferTranslation.objects.filter(state=State.MACHINE).count() == 14


@pytest.mark.django_db
def test_staff_who_may_not_change_offers_cannot_queue_it(deepl_server, client, staff):
    offer = milk_offer()
    client.force_login(staff)

    client.post(
        reverse("admin:offers_offer_changelist"),
        {"action": "machine_translate_offers", "_selected_action": [offer.pk]},
    )

    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_an_outdated_human_translation_is_left_to_a_person(deepl_server, staff):
    offer = milk_offer()
    services.offer_set_translation(
        offer=offer, language="cs", texts={"title": "Dodavatel mléka (lidský)"}, by=staff
    )
    services.offer_machine_translate(offer=offer, languages=["de"])
    offer.refresh_from_db()
    services.offer_update_source(offer=offer, texts={"title": "Dostawca mleka i serów"})
    assert states(offer)["cs"] == states(offer)["de"] == State.OUTDATED

    written = services.offer_machine_translate(offer=offer)

    offer.refresh_from_db()
    assert "cs" not in written
    assert "de" in written
    assert offer.title_cs == "Dodavatel mléka (lidský)"
    assert states(offer)["cs"] == State.OUTDATED
    assert offer.title_de == "[DE] Dostawca mleka i serów"
    assert services.offer_machine_translate(offer=offer, languages=["cs"]) == []
