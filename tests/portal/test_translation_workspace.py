"""The admin's translation workspace for offers, organisations, clusters and survey questions.

Machine drafts come from the stand-in DeepL server; the states are read from the
database, the texts and messages from the pages.
"""

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from offers import services
from offers.models import OfferTranslation
from portal.common.translations import RecordTranslatable
from portal.models import TranslationRecord
from portal.roles import ADMINISTRATOR, EDITOR, MODERATOR, TRANSLATOR
from questionnaire.models import SurveyQuestion
from tests.factories import ClusterFactory, OrganisationFactory
from tests.helpers import add_roles
from tests.offers.factories import OfferFactory, add_translation
from tests.questionnaire import walk

pytestmark = pytest.mark.django_db
State = OfferTranslation.State


@pytest.fixture(autouse=True)
def _english(_default_language):
    """Staff here work in English: the messages below are the English ones."""
    translation.activate("en")
    yield


@pytest.fixture
def staff(client):
    add_roles()

    def sign_in(role):
        user = User.objects.create_user(role, f"{role}@urzad.example", "pass", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return user

    return sign_in


def milk_offer():
    return OfferFactory(title="Dostawca mleka", summary="Szukamy partnerów handlowych.")


def workspace(model, pk, language, source=None):
    url = reverse(f"admin:{model}_translate", args=[pk, language])
    return f"{url}?source={source}" if source else url


def state(offer, language):
    return offer.translations.get(language=language).state


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_the_workspace_shows_the_source_beside_the_target_and_its_state(client, staff):
    staff(TRANSLATOR)
    offer = milk_offer()
    add_translation(offer, "cs", machine=True, title="Dodavatel mléka")

    page = client.get(workspace("offers_offer", offer.pk, "cs"))

    content = page.content.decode()
    assert page.status_code == 200
    assert '<td class="workspace-source" lang="pl">Dostawca mleka</td>' in content
    assert 'value="Dodavatel mléka"' in content
    assert 'lang="cs"' in content
    assert "State of the Czech texts: <strong>machine translation</strong>" in content
    assert 'name="_machine"' not in content  # no service is set up here


def test_a_translator_fills_a_machine_draft_and_reviews_it(client, staff, deepl_server):
    translator = staff(TRANSLATOR)
    offer = milk_offer()
    url = workspace("offers_offer", offer.pk, "cs")
    assert 'name="_machine"' in client.get(url).content.decode()

    filled = client.post(url, {"_machine": "1"}, follow=True)

    offer.refresh_from_db()
    assert (offer.title_cs, offer.summary_cs) == ("Dodavatel mléka", "Hledáme obchodní partnery.")
    assert state(offer, "cs") == State.MACHINE
    assert "A machine draft of the Czech texts is filled in." in messages_of(filled)[0]
    assert 'value="Dodavatel mléka"' in filled.content.decode()

    digest = filled.context["form"]["source_digest"].value()
    reviewed = client.post(
        url,
        {
            "_review": "1",
            "source_digest": digest,
            "title": "Dodavatel mléka",
            "summary": "Hledáme obchodní partnery v Česku.",
            "description": "",
            "partner_sought": "",
        },
        follow=True,
    )

    offer.refresh_from_db()
    assert offer.summary_cs == "Hledáme obchodní partnery v Česku."
    row = offer.translations.get(language="cs")
    assert (row.state, row.origin, row.updated_by) == (State.HUMAN, "human", translator)
    assert messages_of(reviewed) == ["The Czech translation is saved as reviewed, by a person."]
    assert "<strong>human translation</strong>" in reviewed.content.decode()


def test_machine_translation_never_replaces_a_person_s_text(client, staff, deepl_server):
    staff(TRANSLATOR)
    offer = milk_offer()
    add_translation(offer, "cs", title="Lidský překlad")
    url = workspace("offers_offer", offer.pk, "cs")

    assert 'name="_machine"' not in client.get(url).content.decode()
    response = client.post(url, {"_machine": "1"}, follow=True)

    offer.refresh_from_db()
    assert offer.title_cs == "Lidský překlad"
    assert state(offer, "cs") == State.HUMAN
    assert "machine translation never replaces them" in messages_of(response)[0]
    assert deepl_server.requests == []


@pytest.mark.parametrize("status, shown", [(456, "quota"), (500, "HTTP 500")])
def test_a_failing_service_changes_nothing_and_says_why(client, staff, deepl_server, status, shown):
    staff(TRANSLATOR)
    offer = milk_offer()
    deepl_server.fail(status)

    response = client.post(
        workspace("offers_offer", offer.pk, "cs"), {"_machine": "1"}, follow=True
    )

    offer.refresh_from_db()
    assert (offer.title_cs or "", state(offer, "cs")) == ("", State.MISSING)
    (message,) = messages_of(response)
    assert message.startswith("Machine translation failed, and nothing was changed:")
    assert shown in message


def test_a_source_changed_while_translating_keeps_the_posted_texts_unsaved(client, staff):
    staff(TRANSLATOR)
    offer = milk_offer()
    url = workspace("offers_offer", offer.pk, "cs")
    digest = client.get(url).context["form"]["source_digest"].value()
    services.offer_update_source(offer=offer, texts={"title": "Dostawca mleka i serów"})

    response = client.post(
        url, {"_review": "1", "source_digest": digest, "title": "Dodavatel mléka (můj)"}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "The source texts changed while you were translating." in content
    assert 'value="Dodavatel mléka (můj)"' in content
    assert "Dostawca mleka i serów" in content
    offer.refresh_from_db()
    assert (offer.title_cs or "", state(offer, "cs")) == ("", State.MISSING)

    again = client.post(
        url,
        {
            "_review": "1",
            "source_digest": response.context["form"]["source_digest"].value(),
            "title": "Dodavatel mléka a sýrů",
        },
    )
    assert again.status_code == 302
    offer.refresh_from_db()
    assert (offer.title_cs, state(offer, "cs")) == ("Dodavatel mléka a sýrů", State.HUMAN)


def test_the_offer_change_page_links_each_language_to_the_workspace(client, staff):
    staff(TRANSLATOR)
    offer = milk_offer()

    page = client.get(reverse("admin:offers_offer_change", args=[offer.pk])).content.decode()

    for code in ["en", "cs", "bg"]:
        assert f'href="{workspace("offers_offer", offer.pk, code)}"' in page


@pytest.mark.parametrize("role", [EDITOR])
def test_roles_that_may_not_translate_offers_are_refused(client, staff, role):
    staff(role)
    offer = milk_offer()

    assert client.get(workspace("offers_offer", offer.pk, "cs")).status_code == 403
    assert (
        client.post(workspace("offers_offer", offer.pk, "cs"), {"_review": "1"}).status_code == 403
    )


def test_unknown_languages_and_records_are_not_found(client, staff):
    staff(TRANSLATOR)
    offer = milk_offer()

    assert client.get(workspace("offers_offer", offer.pk, "xx")).status_code == 404
    assert client.get(workspace("offers_offer", offer.pk + 1000, "cs")).status_code == 404


def test_the_workspace_runs_the_same_queries_with_1_and_7_translations(client, staff):
    staff(TRANSLATOR)
    bare, translated = milk_offer(), milk_offer()
    for code in ["en", "de", "it", "cs", "hu", "ro", "bg"]:
        add_translation(translated, code, title=f"Title {code}")

    counts = []
    for offer in [bare, translated]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(workspace("offers_offer", offer.pk, "cs")).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]
    assert counts[0] == 7


# Organisations and clusters: states worked out from their records.


def test_an_organisation_s_translation_from_machine_draft_to_outdated(client, staff, deepl_server):
    translator = staff(TRANSLATOR)
    organisation = OrganisationFactory(description_pl="Szukamy partnerów handlowych.")
    url = workspace("companies_organisation", organisation.pk, "cs")
    translatable = RecordTranslatable("description", "products")

    def states():
        organisation.refresh_from_db()
        found = translatable.states(organisation, "pl")
        return found["pl"], found["cs"]

    assert states() == (State.SOURCE, State.MISSING)

    client.post(url, {"_machine": "1"})
    assert states() == (State.SOURCE, State.MACHINE)
    assert organisation.description_cs == "Hledáme obchodní partnery."

    page = client.get(url)
    client.post(
        url,
        {
            "_review": "1",
            "source_digest": page.context["form"]["source_digest"].value(),
            "description": "Hledáme obchodní partnery v Česku.",
            "products": "",
        },
    )
    assert states() == (State.SOURCE, State.HUMAN)
    record = TranslationRecord.objects.get(object_id=organisation.pk, language="cs")
    assert (record.origin, record.updated_by) == ("human", translator)

    # A firm's new Polish text (through the questionnaire or the admin) outdates it.
    organisation.description_pl = "Szukamy dystrybutorów serów."
    organisation.save()
    assert states() == (State.SOURCE, State.OUTDATED)
    response = client.post(url, {"_machine": "1"}, follow=True)
    assert "machine translation never replaces them" in messages_of(response)[-1]
    organisation.refresh_from_db()
    assert organisation.description_cs == "Hledáme obchodní partnery v Česku."


def test_an_organisation_text_without_a_record_was_written_by_a_person(client, staff, deepl_server):
    staff(TRANSLATOR)
    organisation = OrganisationFactory(description_pl="Mleczarnia.", description_it="Caseificio.")

    page = client.get(workspace("companies_organisation", organisation.pk, "it"))
    client.post(workspace("companies_organisation", organisation.pk, "it"), {"_machine": "1"})

    assert "<strong>human translation</strong>" in page.content.decode()
    organisation.refresh_from_db()
    assert organisation.description_it == "Caseificio."
    assert deepl_server.requests == []


def test_a_cluster_is_translated_from_a_chosen_source_language(client, staff, deepl_server):
    staff(TRANSLATOR)
    cluster = ClusterFactory(
        name_pl="Dostawca mleka", name_en="Milk supplier", description_pl="", name_it=""
    )
    url = workspace("companies_cluster", cluster.pk, "cs", source="en")

    page = client.get(url)
    client.post(url, {"_machine": "1"})

    assert '<td class="workspace-source" lang="en">Milk supplier</td>' in page.content.decode()
    assert deepl_server.requests[0]["body"]["source_lang"] == "EN"
    cluster.refresh_from_db()
    assert cluster.name_cs == "[CS] Milk supplier"


@pytest.mark.parametrize("role", [TRANSLATOR, ADMINISTRATOR])
def test_the_cluster_change_page_shows_the_workspace_links_once(client, staff, role):
    staff(role)
    cluster = ClusterFactory(name_pl="Dostawca mleka")

    page = client.get(reverse("admin:companies_cluster_change", args=[cluster.pk]))

    content = page.content.decode()
    assert page.status_code == 200
    assert content.count('class="translation-links"') == 1
    assert f'href="{workspace("companies_cluster", cluster.pk, "cs")}"' in content


def test_a_staff_edit_in_the_admin_form_makes_the_language_human(client, staff, deepl_server):
    staff(TRANSLATOR)
    organisation = OrganisationFactory(description_pl="Szukamy partnerów handlowych.")
    client.post(workspace("companies_organisation", organisation.pk, "cs"), {"_machine": "1"})
    change_url = reverse("admin:companies_organisation_change", args=[organisation.pk])
    data = {
        f"{field}_{code}": getattr(organisation, f"{field}_{code}") or ""
        for field in ["description", "products"]
        for code in ["pl", "en", "it", "de", "hu", "ro", "bg", "cs"]
    }
    organisation.refresh_from_db()
    data["description_cs"] = organisation.description_cs + " Poprava."
    data["description_pl"] = organisation.description_pl

    response = client.post(change_url, data)

    assert response.status_code == 302
    record = TranslationRecord.objects.get(object_id=organisation.pk, language="cs")
    assert record.origin == "human"


def test_a_moderator_may_read_an_organisation_but_not_translate_it(client, staff):
    staff(MODERATOR)
    organisation = OrganisationFactory(description_pl="Mleczarnia.")

    change = client.get(reverse("admin:companies_organisation_change", args=[organisation.pk]))

    assert change.status_code == 200
    assert "/translate/" not in change.content.decode()
    assert client.get(workspace("companies_organisation", organisation.pk, "cs")).status_code == 403


# Survey questions: states worked out from their records, like clusters'.


def export_question():
    return SurveyQuestion.objects.create(
        prompt_pl="Czy eksportujecie swoje wyroby?",
        help_text_pl="Na przykład sery do Włoch.",
        kind=SurveyQuestion.Kind.YES_NO,
        position=100,
    )


def survey_page(language):
    """The questionnaire's survey step, reached as a visitor in `language` reaches it."""
    visitor = Client()
    visitor.get(walk.step_url("organisation", language))
    for step, answers in [
        ("organisation", walk.organisation_answers()),
        ("activity", walk.activity_answers()),
        ("offers", walk.offers_answers()),
    ]:
        response = walk.post_step(visitor, step, answers, language=language)
        assert response.status_code == 302, (step, response.content.decode()[:2000])
    page = visitor.get(walk.step_url("survey", language))
    assert page.status_code == 200
    return page.content.decode()


def test_a_survey_question_from_machine_draft_to_the_italian_questionnaire(
    client, staff, deepl_server
):
    translator = staff(TRANSLATOR)
    question = export_question()
    url = workspace("questionnaire_surveyquestion", question.pk, "it")
    translatable = RecordTranslatable("prompt", "help_text")

    def states():
        question.refresh_from_db()
        found = translatable.states(question, "pl")
        return found["pl"], found["it"]

    assert states() == (State.SOURCE, State.MISSING)
    assert 'name="_machine"' in client.get(url).content.decode()

    filled = client.post(url, {"_machine": "1"}, follow=True)

    assert states() == (State.SOURCE, State.MACHINE)
    assert (question.prompt_it, question.help_text_it) == (
        "Esportate i vostri prodotti?",
        "Per esempio formaggi in Italia.",
    )
    assert "A machine draft of the Italian texts is filled in." in messages_of(filled)[0]
    assert deepl_server.requests[0]["body"]["target_lang"] == "IT"

    reviewed = client.post(
        url,
        {
            "_review": "1",
            "source_digest": filled.context["form"]["source_digest"].value(),
            "prompt": "Esportate i vostri prodotti?",
            "help_text": "Per esempio formaggi venduti in Italia.",
        },
        follow=True,
    )

    assert states() == (State.SOURCE, State.HUMAN)
    assert question.help_text_it == "Per esempio formaggi venduti in Italia."
    record = TranslationRecord.objects.get(
        content_type__model="surveyquestion", object_id=question.pk, language="it"
    )
    assert (record.origin, record.source_language, record.updated_by) == ("human", "pl", translator)
    assert messages_of(reviewed) == ["The Italian translation is saved as reviewed, by a person."]
    assert "<strong>human translation</strong>" in reviewed.content.decode()

    italian = survey_page("it")
    assert "Esportate i vostri prodotti?" in italian
    assert "Per esempio formaggi venduti in Italia." in italian
    assert "Czy eksportujecie swoje wyroby?" not in italian
    assert "Czy eksportujecie swoje wyroby?" in survey_page("pl")

    # The office rewords the Polish question: the Italian one is outdated, and
    # machine translation leaves the person's text as it is.
    question.prompt_pl = "Czy eksportujecie swoje wyroby za granicę?"
    question.save()
    assert states() == (State.SOURCE, State.OUTDATED)
    response = client.post(url, {"_machine": "1"}, follow=True)
    assert "machine translation never replaces them" in messages_of(response)[-1]
    question.refresh_from_db()
    assert question.prompt_it == "Esportate i vostri prodotti?"
    assert len(deepl_server.requests) == 1


@pytest.mark.parametrize("role", [TRANSLATOR, ADMINISTRATOR])
def test_the_survey_question_change_page_links_each_language_to_the_workspace(client, staff, role):
    staff(role)
    question = export_question()

    page = client.get(reverse("admin:questionnaire_surveyquestion_change", args=[question.pk]))

    content = page.content.decode()
    assert page.status_code == 200
    for code in ["en", "it", "bg"]:
        assert f'href="{workspace("questionnaire_surveyquestion", question.pk, code)}"' in content
    assert content.count('class="translation-links"') == 1


@pytest.mark.parametrize("role", [MODERATOR, EDITOR])
def test_roles_that_may_not_translate_survey_questions_are_refused(client, staff, role):
    staff(role)
    question = export_question()
    url = workspace("questionnaire_surveyquestion", question.pk, "it")

    assert client.get(url).status_code == 403
    assert client.post(url, {"_machine": "1"}).status_code == 403
    question.refresh_from_db()
    assert (question.prompt_it or "") == ""
