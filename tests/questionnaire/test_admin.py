import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from companies.models import ContactPerson, Organisation
from offers.models import Offer
from questionnaire import forms, services
from questionnaire.models import Draft, Submission, SubmissionEvent, SurveyQuestion
from tests.factories import OrganisationFactory
from tests.questionnaire import walk
from tests.questionnaire.submissions import make_submission

pytestmark = pytest.mark.django_db

Status = Submission.Status


def admin_url(name, *args):
    with translation.override("pl"):
        return reverse(f"admin:{name}", args=args)


def pl(text):
    with translation.override("pl"):
        return gettext(text)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def viewer(client):
    """A staff member who may see submissions but not decide on them."""
    user = User.objects.create_user("viewer", "viewer@urzad.example", "pass", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="view_submission", content_type__app_label="questionnaire")
    )
    client.force_login(user)
    return client


class FormsAroundButtons(HTMLParser):
    """For each submit button, the actions of the forms open around it."""

    def __init__(self):
        super().__init__()
        self.open_forms, self.buttons = [], {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.open_forms.append(attrs.get("action", ""))
        elif tag == "input" and attrs.get("type") == "submit":
            self.buttons[attrs.get("value")] = list(self.open_forms)

    def handle_endtag(self, tag):
        if tag == "form":
            self.open_forms.pop()


# The queue.


def test_changelist_shows_confirmed_submissions_by_default_and_never_unconfirmed(admin_client):
    waiting = make_submission(organisation={"name": "Czeka na ocenę"})
    make_submission(organisation={"name": "Niepotwierdzona"}, confirm=False)
    accepted = make_submission(organisation={"name": "Przyjęta", "nip": "7010010001"})
    rejected = make_submission(organisation={"name": "Odrzucona"})
    returned = make_submission(organisation={"name": "Do poprawy"})
    services.submission_accept(submission=accepted, by=None)
    services.submission_reject(submission=rejected, by=None, reason="Poza regionem.")
    services.submission_request_changes(submission=returned, by=None, reason="Brak oferty.")
    changelist = admin_url("questionnaire_submission_changelist")

    default = admin_client.get(changelist)
    everything = admin_client.get(changelist, {"queue": "all"})
    unconfirmed = admin_client.get(changelist, {"queue": "unconfirmed"})
    only_rejected = admin_client.get(changelist, {"queue": "rejected"})

    assert default.status_code == 200
    assert [s.organisation_name for s in default.context["cl"].result_list] == ["Czeka na ocenę"]
    assert "Niepotwierdzona" not in default.content.decode()
    assert {s.organisation_name for s in everything.context["cl"].result_list} == {
        "Czeka na ocenę",
        "Przyjęta",
        "Odrzucona",
        "Do poprawy",
    }
    assert "Niepotwierdzona" not in everything.content.decode()
    assert list(unconfirmed.context["cl"].result_list) == []
    assert list(only_rejected.context["cl"].result_list) == [rejected]
    assert waiting.status == Status.CONFIRMED


def test_unconfirmed_submission_has_no_change_page(admin_client):
    submission = make_submission(confirm=False)

    response = admin_client.get(admin_url("questionnaire_submission_change", submission.pk))

    assert response.status_code == 302
    assert response["Location"] == admin_url("index")


# One submission.


def test_change_page_shows_the_organisation_offers_and_survey_answers(admin_client):
    submission = make_submission(
        offers=[
            {"kind": "business_offer", "title": "Sery dla Włoch", "summary": "Sery."},
            {"kind": "research", "title": "Wspólne badania nad serwatką", "summary": "Badania."},
        ]
    )
    questions = list(SurveyQuestion.objects.filter(is_active=True).prefetch_related("choices"))
    first, text = questions[0], questions[-1]

    response = admin_client.get(admin_url("questionnaire_submission_change", submission.pk))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Serowarnia Narwiańska" in content
    assert "1. Sery dla Włoch" in content
    assert "2. Wspólne badania nad serwatką" in content
    assert "Sery dojrzewające i twarogi." in content  # products
    assert "anna@serowarnia.example" in content
    for question in questions:
        assert question.prompt in content
    labels = [choice.label for choice in first.choices.all()[:2]]
    assert ", ".join(labels) == "brak informacji o potencjalnych partnerach, bariery językowe"
    assert ", ".join(labels) in content
    assert "Wspólne stoisko na targach." in content
    assert [
        (answer.question, answer.text, answer.value, [c.label for c in answer.choices.all()])
        for answer in response.context["survey_answers"]
    ] == [
        (questions[0], "", None, labels),
        (questions[1], "", None, ["języki obce", "eksport i handel zagraniczny"]),
        (questions[2], "", 1, []),
        (questions[3], "", 1, []),
        (questions[4], "", None, ["tak, stale"]),
        (questions[5], "", None, ["nie eksportujemy i nie planujemy eksportu"]),
        (questions[6], "", 4, []),
        (text, "Wspólne stoisko na targach.", None, []),
    ]
    assert response.context["comparison"] is None
    assert pl("Update of a registered organisation") not in content


def test_change_page_compares_with_the_registered_organisation_of_the_same_nip(admin_client):
    registered = OrganisationFactory(nip=walk.VALID_NIP, name="Serowarnia Stara", town="Białystok")
    submission = make_submission()

    response = admin_client.get(admin_url("questionnaire_submission_change", submission.pk))

    content = response.content.decode()
    assert submission.existing_organisation == registered
    rows = {row["label"]: row for row in response.context["comparison"]}
    with translation.override("pl"):
        name_label = str(Organisation._meta.get_field("name").verbose_name)
        town_label = str(Organisation._meta.get_field("town").verbose_name)
        nip_label = str(Organisation._meta.get_field("nip").verbose_name)
    assert rows[name_label] == {
        "label": name_label,
        "current": "Serowarnia Stara",
        "submitted": "Serowarnia Narwiańska",
        "changed": True,
    }
    assert rows[town_label]["current"] == "Białystok"
    assert rows[town_label]["submitted"] == "Łomża"
    assert rows[nip_label]["changed"] is False
    assert pl("Update of a registered organisation") in content
    changed = pl("changed")
    pattern = (
        rf'<th scope="row">{re.escape(name_label)}</th>\s*<td>Serowarnia Stara</td>\s*<td>\s*'
        rf"<strong>Serowarnia Narwiańska</strong> <span>\({re.escape(changed)}\)</span>"
    )
    assert re.search(pattern, content)
    assert admin_url("companies_organisation_change", registered.pk) in content


def test_accept_button_is_a_form_of_its_own_posting_to_the_accept_url(admin_client):
    submission = make_submission()

    response = admin_client.get(admin_url("questionnaire_submission_change", submission.pk))

    parser = FormsAroundButtons()
    parser.feed(response.content.decode())
    # Browsers ignore a <form> inside another: the button would post the outer one.
    assert parser.buttons[pl("Accept")] == [
        admin_url("questionnaire_submission_accept", submission.pk)
    ]
    content = response.content.decode()
    assert admin_url("questionnaire_submission_reject", submission.pk) in content
    assert admin_url("questionnaire_submission_request_changes", submission.pk) in content


# Accept.


def test_accept_creates_the_organisation_contact_and_offers_and_tells_the_submitter(
    admin_client, admin_user, django_capture_on_commit_callbacks
):
    submission = make_submission(
        language="de",
        contact={"alerts_consent": "on"},
        offers=[
            {"kind": "business_offer", "title": "Käse für Händler", "summary": "Käse."},
            {"kind": "research", "title": "Molkenforschung", "summary": "Forschung."},
        ],
    )
    url = admin_url("questionnaire_submission_accept", submission.pk)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, follow=True)

    organisation = Organisation.objects.get()
    submission.refresh_from_db()
    assert response.redirect_chain == [
        (admin_url("questionnaire_submission_change", submission.pk), 302)
    ]
    assert organisation.name == "Serowarnia Narwiańska"
    assert organisation.nip == walk.VALID_NIP
    assert organisation.is_published is True
    assert organisation.description_de == "Rodzinna serowarnia."
    assert list(organisation.clusters.values_list("slug", flat=True)) == ["dairy"]
    contact = ContactPerson.objects.get()
    assert contact.organisation == organisation
    assert (contact.first_name, contact.last_name, contact.email, contact.language) == (
        "Anna",
        "Kowalska",
        "anna@serowarnia.example",
        "de",
    )
    assert contact.publication_consent is True
    assert contact.publication_consent_version == forms.CONSENT_VERSION
    assert contact.publication_consent_at is not None
    assert contact.alerts_consent is True
    assert contact.alerts_consent_version == forms.CONSENT_VERSION
    offers = Offer.objects.order_by("reference")
    assert [(o.title_de, o.status, o.source_language) for o in offers] == [
        ("Käse für Händler", Offer.Status.SUBMITTED, "de"),
        ("Molkenforschung", Offer.Status.SUBMITTED, "de"),
    ]
    assert all(o.organisation == organisation for o in offers)
    assert submission.status == Status.ACCEPTED
    assert submission.organisation == organisation
    assert submission.decided_at is not None
    event = submission.events.last()
    assert (event.from_status, event.to_status, event.by, event.reason) == (
        Status.CONFIRMED,
        Status.ACCEPTED,
        admin_user,
        "",
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@serowarnia.example"]
    with translation.override("de"):
        assert mail.outbox[0].subject == gettext("Your questionnaire has been accepted")
    assert f"http://testserver/de/directory/{organisation.slug}/" in mail.outbox[0].body
    with translation.override("pl"):
        expected = gettext(
            "Accepted: %(organisation)s is in the directory and its offers await publication."
        ) % {"organisation": organisation}
    assert messages_of(response) == [expected]
    # Decided: the page offers no more decisions.
    assert url not in response.content.decode()
    assert response.context["is_open"] is False


def test_accepting_twice_changes_nothing(admin_client, django_capture_on_commit_callbacks):
    submission = make_submission()
    url = admin_url("questionnaire_submission_accept", submission.pk)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, follow=True)

    with django_capture_on_commit_callbacks(execute=True):
        again = admin_client.post(url, follow=True)

    organisation = Organisation.objects.get()
    assert Offer.objects.count() == 1
    assert ContactPerson.objects.count() == 1
    assert SubmissionEvent.objects.filter(submission=submission).count() == 3
    assert len(mail.outbox) == 1
    assert again.status_code == 200
    assert organisation.name == "Serowarnia Narwiańska"
    with translation.override("pl"):
        expected = gettext("This submission had already been accepted.")
    assert messages_of(again) == [expected]


def test_accept_answers_get_with_405(admin_client):
    submission = make_submission()

    response = admin_client.get(admin_url("questionnaire_submission_accept", submission.pk))

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert Organisation.objects.count() == 0


def test_accepting_a_rejected_submission_is_refused(admin_client):
    submission = make_submission()
    services.submission_reject(submission=submission, by=None, reason="Poza regionem.")

    response = admin_client.post(
        admin_url("questionnaire_submission_accept", submission.pk), follow=True
    )

    submission.refresh_from_db()
    assert submission.status == Status.REJECTED
    assert Organisation.objects.count() == 0
    assert messages_of(response) == [pl("This submission can no longer be accepted.")]


def test_accepting_an_update_changes_the_registered_organisation(
    admin_client, django_capture_on_commit_callbacks
):
    registered = OrganisationFactory(nip=walk.VALID_NIP, name="Serowarnia Stara")
    submission = make_submission()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(admin_url("questionnaire_submission_accept", submission.pk))

    organisation = Organisation.objects.get()
    assert organisation.pk == registered.pk
    assert organisation.name == "Serowarnia Narwiańska"
    assert organisation.town == "Łomża"
    assert Offer.objects.get().organisation == registered


# Reject.


def test_reject_asks_for_a_reason_then_rejects_and_writes_in_the_submitters_language(
    admin_client, admin_user, django_capture_on_commit_callbacks
):
    submission = make_submission(language="it")
    url = admin_url("questionnaire_submission_reject", submission.pk)
    reason = "La Sua azienda non appartiene a nessun cluster della regione."

    form = admin_client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        empty = admin_client.post(url, {"reason": ""})
    assert Submission.objects.get(pk=submission.pk).status == Status.CONFIRMED
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"reason": reason}, follow=True)

    assert form.status_code == 200
    assert '<textarea name="reason"' in form.content.decode()
    assert empty.status_code == 200
    with translation.override("pl"):
        required = str(forms.DecisionForm.base_fields["reason"].error_messages["required"])
    assert empty.context["form"].errors == {"reason": [required]}
    assert required in empty.content.decode()
    submission.refresh_from_db()
    assert submission.status == Status.REJECTED
    assert submission.reason == reason
    assert submission.decided_at is not None
    assert messages_of(response) == [pl("Rejected; the submitter has been told why.")]
    event = submission.events.last()
    assert (event.from_status, event.to_status, event.by, event.reason) == (
        Status.CONFIRMED,
        Status.REJECTED,
        admin_user,
        reason,
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@serowarnia.example"]
    assert reason in message.body
    assert "Serowarnia Narwiańska" in message.body
    with translation.override("it"):
        assert message.subject == gettext("Your questionnaire has not been accepted")
    assert Organisation.objects.count() == 0


def test_a_decided_submission_cannot_be_rejected(admin_client):
    submission = make_submission()
    services.submission_accept(submission=submission, by=None)

    response = admin_client.post(
        admin_url("questionnaire_submission_reject", submission.pk),
        {"reason": "Za późno."},
        follow=True,
    )

    submission.refresh_from_db()
    assert submission.status == Status.ACCEPTED
    assert submission.reason == ""
    assert messages_of(response) == [pl("This submission has already been decided.")]


# Request changes.


def test_request_changes_mails_a_link_that_reopens_the_questionnaire_filled_in(
    client, admin_client, admin_user, django_capture_on_commit_callbacks
):
    cache.clear()  # the questionnaire's rate limits
    walk.fill_in(client, language="it")
    walk.send(client, language="it")
    submission = Submission.objects.get()
    services.submission_confirm(submission=submission)
    reason = "Indicare il numero REGON, per favore."

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            admin_url("questionnaire_submission_request_changes", submission.pk),
            {"reason": reason},
            follow=True,
        )

    submission.refresh_from_db()
    assert submission.language == "it"
    assert submission.status == Status.CHANGES_REQUESTED
    assert submission.reason == reason
    assert messages_of(response) == [
        pl("The questionnaire has been returned to the submitter for changes.")
    ]
    draft = Draft.objects.get()
    assert draft.form_data == submission.form_data
    assert (draft.email, draft.language, draft.previous) == (
        "anna@serowarnia.example",
        "it",
        submission,
    )
    event = submission.events.last()
    assert (event.to_status, event.by, event.reason) == (
        Status.CHANGES_REQUESTED,
        admin_user,
        reason,
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@serowarnia.example"]
    assert reason in message.body
    with translation.override("it"):
        assert message.subject == gettext("Changes needed in your questionnaire")
    link = re.search(r"http://testserver(/\S+/questionnaire/resume/\S+/)", message.body)
    assert link.group(0).startswith("http://testserver/it/questionnaire/resume/")

    reopened = Client().get(link.group(1), follow=True)

    assert reopened.redirect_chain[-1][0] == walk.step_url("organisation", "it")
    assert reopened.context["form"]["name"].value() == "Serowarnia Narwiańska"
    content = reopened.content.decode()
    assert 'value="Serowarnia Narwiańska"' in content
    assert reason in content


# Who may do what.


def test_viewer_sees_the_submission_but_cannot_decide(viewer, django_capture_on_commit_callbacks):
    submission = make_submission()

    page = viewer.get(admin_url("questionnaire_submission_change", submission.pk))
    with django_capture_on_commit_callbacks(execute=True):
        accept = viewer.post(admin_url("questionnaire_submission_accept", submission.pk))
        reject_form = viewer.get(admin_url("questionnaire_submission_reject", submission.pk))
        reject = viewer.post(
            admin_url("questionnaire_submission_reject", submission.pk), {"reason": "Nie."}
        )
        changes = viewer.post(
            admin_url("questionnaire_submission_request_changes", submission.pk), {"reason": "?"}
        )

    content = page.content.decode()
    assert page.status_code == 200
    assert "Serowarnia Narwiańska" in content
    assert admin_url("questionnaire_submission_accept", submission.pk) not in content
    assert f'value="{pl("Accept")}"' not in content
    assert admin_url("questionnaire_submission_reject", submission.pk) not in content
    assert (accept.status_code, reject_form.status_code, reject.status_code) == (403, 403, 403)
    assert changes.status_code == 403
    submission.refresh_from_db()
    assert submission.status == Status.CONFIRMED
    assert Organisation.objects.count() == 0
    assert mail.outbox == []


def test_viewer_may_see_the_survey_results(viewer):
    make_submission()

    page = viewer.get(admin_url("questionnaire_survey_results"))
    csv_file = viewer.get(admin_url("questionnaire_survey_results_csv"))

    assert (page.status_code, csv_file.status_code) == (200, 200)


def test_staff_without_any_permission_on_submissions_gets_403(client):
    user = User.objects.create_user("other", "other@urzad.example", "pass", is_staff=True)
    client.force_login(user)
    submission = make_submission()

    responses = [
        client.get(admin_url("questionnaire_submission_changelist")),
        client.get(admin_url("questionnaire_survey_results")),
        client.get(admin_url("questionnaire_survey_results_csv")),
        client.post(admin_url("questionnaire_submission_accept", submission.pk)),
    ]

    assert [response.status_code for response in responses] == [403, 403, 403, 403]


@pytest.mark.parametrize(
    ("method", "name", "with_pk"),
    [
        ("get", "questionnaire_submission_changelist", False),
        ("get", "questionnaire_submission_change", True),
        ("post", "questionnaire_submission_accept", True),
        ("post", "questionnaire_submission_reject", True),
        ("post", "questionnaire_submission_request_changes", True),
        ("get", "questionnaire_survey_results", False),
        ("get", "questionnaire_survey_results_csv", False),
    ],
)
def test_anonymous_visitor_is_sent_to_the_admin_login(client, method, name, with_pk):
    submission = make_submission()
    url = admin_url(name, *([submission.pk] if with_pk else []))

    response = getattr(client, method)(url, {"reason": "x"} if method == "post" else {})

    assert response.status_code == 302
    assert response["Location"] == f"{admin_url('login')}?next={url}"
    submission.refresh_from_db()
    assert submission.status == Status.CONFIRMED


# Survey questions.


def test_survey_question_add_and_change_pages_have_language_tabs(admin_client):
    question = SurveyQuestion.objects.get(kind=SurveyQuestion.Kind.SCALE)
    single = SurveyQuestion.objects.filter(kind=SurveyQuestion.Kind.SINGLE).first()

    add = admin_client.get(admin_url("questionnaire_surveyquestion_add"))
    change = admin_client.get(admin_url("questionnaire_surveyquestion_change", question.pk))
    with_choices = admin_client.get(admin_url("questionnaire_surveyquestion_change", single.pk))
    changelist = admin_client.get(admin_url("questionnaire_surveyquestion_changelist"))

    assert (add.status_code, change.status_code, with_choices.status_code) == (200, 200, 200)
    assert changelist.status_code == 200
    for page in (add, change):
        content = page.content.decode()
        for language in ("pl", "en", "de", "it", "cs", "hu", "ro", "bg"):
            assert f'name="prompt_{language}"' in content
            assert f'name="help_text_{language}"' in content
        assert 'src="/static/modeltranslation/js/tabbed_translation_fields.js"' in content
    assert question.prompt_it in change.content.decode()
    content = with_choices.content.decode()
    assert 'name="choices-0-label_it"' in content
    assert "sì, regolarmente" in content
