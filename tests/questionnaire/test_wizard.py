import re
import time

import pytest
from django.core import mail, signing
from django.utils import translation

from companies.models import Organisation
from portal.common.humans import HONEYPOT_FIELD, RENDERED_FIELD, RENDERED_SALT
from questionnaire import links
from questionnaire.models import Draft, Submission, SubmissionEvent, SurveyChoice, SurveyQuestion
from questionnaire.views import STORAGE_PREFIX
from tests.factories import OrganisationFactory
from tests.questionnaire import walk

pytestmark = pytest.mark.django_db

NUL_REFUSED = (
    "This text contains a character that cannot be saved (U+0000). Please remove it and try again."
)


def confirmation_link(message):
    return re.search(r"http://testserver(/\w\w/questionnaire/confirm/\S+/)", message.body)[1]


def test_filling_in_every_step_writes_one_unconfirmed_submission_and_sends_the_link(
    client, django_capture_on_commit_callbacks
):
    walk.fill_in(client)

    review = client.get(walk.step_url("review"))
    with django_capture_on_commit_callbacks(execute=True):
        response = walk.send(client)

    assert review.status_code == 200
    assert "Serowarnia Narwiańska" in review.content.decode()
    submission = Submission.objects.get()
    assert submission.status == Submission.Status.UNCONFIRMED
    assert submission.language == "pl"
    assert submission.organisation_name == "Serowarnia Narwiańska"
    assert submission.email == "anna@serowarnia.example"
    assert submission.answers["organisation"]["nip"] == walk.VALID_NIP
    assert submission.answers["offers"] == [
        {
            "kind": "business_offer",
            "cooperation_types": ["distribution"],
            "title": "Sery dojrzewające dla dystrybutorów",
            "summary": "Szukamy dystrybutorów serów dojrzewających we Włoszech.",
            "description": "",
            "partner_sought": "",
            "target_countries": ["IT"],
        }
    ]
    assert submission.answers["contact"]["phone"] == "+48862160000"
    assert submission.publication_consent is True
    assert submission.alerts_consent is False
    assert submission.privacy_notice_version and submission.privacy_acknowledged_at
    assert submission.survey_answers.count() == SurveyQuestion.objects.count()
    assert list(submission.clusters.values_list("slug", flat=True)) == ["dairy"]
    assert [event.to_status for event in submission.events.all()] == ["unconfirmed"]
    assert response.redirect_chain[-1][0] == "/pl/questionnaire/sent/"
    assert "anna@serowarnia.example" in response.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@serowarnia.example"]
    assert "Serowarnia Narwiańska" in mail.outbox[0].body
    assert confirmation_link(mail.outbox[0]).startswith("/pl/questionnaire/confirm/")


def test_the_submitters_language_is_kept_for_the_email(client, django_capture_on_commit_callbacks):
    walk.fill_in(client, language="it")
    with django_capture_on_commit_callbacks(execute=True):
        walk.send(client, language="it")

    submission = Submission.objects.get()
    assert submission.language == "it"
    assert confirmation_link(mail.outbox[0]).startswith("/it/questionnaire/confirm/")


def test_a_wrong_nip_gets_a_polish_error_and_keeps_every_answer(client):
    client.get(walk.step_url("organisation"))
    answers = walk.organisation_answers(nip="5260250275")

    response = walk.post_step(client, "organisation", answers)

    assert response.status_code == 200
    content = response.content.decode()
    with translation.override("pl"):
        assert "Ten NIP jest nieprawidłowy" in content
    for value in ("Serowarnia Narwiańska", "5260250275", "ul. Mleczna 5", "18-400", "Łomża"):
        assert f'value="{value}"' in content
    assert Submission.objects.count() == 0


def test_a_nip_is_required_in_poland_and_refused_elsewhere(client):
    client.get(walk.step_url("organisation"))

    polish = walk.post_step(client, "organisation", walk.organisation_answers(nip=""))
    italian = walk.post_step(
        client,
        "organisation",
        walk.organisation_answers(country="IT", nip=walk.VALID_NIP, vat_id="IT00743110157"),
        language="en",
    )

    assert "Organisations registered in Poland give their NIP." in str(
        polish.context["form"].errors
    )
    assert italian.context["form"].errors == {
        "nip": ["A NIP is given only for organisations registered in Poland."]
    }


def test_back_and_next_keep_the_answers_of_every_step(client):
    walk.fill_in(client)
    half_typed = {"products": "Masło ekstra", "size_class": ""}

    back = walk.post_step(
        client, "activity", half_typed, extra={"wizard_goto_step": "organisation"}
    )
    organisation_page = client.get(walk.step_url("organisation"))
    activity_page = client.get(walk.step_url("activity"))

    assert back.status_code == 302 and back.url.endswith("/questionnaire/organisation/")
    assert 'value="Serowarnia Narwiańska"' in organisation_page.content.decode()
    assert "Masło ekstra" in activity_page.content.decode()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({HONEYPOT_FIELD: "http://spam.example"}, "We could not accept this page"),
        ({RENDERED_FIELD: 0}, "That was quicker than we expected"),
        ({RENDERED_FIELD: 25 * 3600}, "open for a long time"),
        ({RENDERED_FIELD: "forged"}, "That was quicker than we expected"),
    ],
)
def test_robot_like_posts_are_refused_politely_and_keep_the_answers(
    client, settings, extra, message
):
    if isinstance(extra.get(RENDERED_FIELD), int):
        # Rendered this many seconds ago.
        extra = {RENDERED_FIELD: walk.rendered(seconds_ago=extra[RENDERED_FIELD])}
    settings.FORM_MIN_SECONDS = 5
    client.get(walk.step_url("organisation", "en"))

    response = walk.post_step(
        client, "organisation", walk.organisation_answers(), language="en", extra=extra
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert 'value="Serowarnia Narwiańska"' in content
    assert response.context["wizard"]["steps"].current == "organisation"
    # The page carries a fresh render time: sent again later, it passes.
    token = re.search(rf'name="{RENDERED_FIELD}" value="([^"]+)"', content)[1]
    assert time.time() - signing.loads(token, salt=RENDERED_SALT) < 5


def test_the_rate_limit_answers_429_in_the_readers_language(client, settings):
    settings.QUESTIONNAIRE_RATES = {**settings.QUESTIONNAIRE_RATES, "step_per_address": "2/m"}
    client.get(walk.step_url("organisation", "it"))
    answers = walk.organisation_answers()

    statuses = [
        walk.post_step(client, "organisation", answers, language="it").status_code for _ in range(3)
    ]
    refused = walk.post_step(client, "organisation", answers, language="de")

    assert statuses[:2] == [302, 302] and statuses[2] == 429
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert '<html lang="de">' in refused.content.decode()
    with translation.override("de"):
        from django.utils.translation import gettext

        assert gettext("Too many requests") in refused.content.decode()


def test_sending_is_rate_limited_per_email_address(client, settings):
    settings.QUESTIONNAIRE_RATES = {**settings.QUESTIONNAIRE_RATES, "send_per_email": "1/h"}
    walk.fill_in(client)
    walk.send(client)
    client.cookies.clear()
    walk.fill_in(client)

    response = walk.send(client)

    assert response.status_code == 429
    assert Submission.objects.count() == 1


def test_the_same_final_post_twice_makes_one_submission(client):
    walk.fill_in(client)

    first = walk.send(client)
    second = walk.send(client)

    assert first.redirect_chain[-1][0] == "/pl/questionnaire/sent/"
    assert second.status_code == 200
    assert Submission.objects.count() == 1


def test_two_requests_finishing_the_same_questionnaire_at_once_make_one_submission(client):
    """Both requests read the session before either had reset it."""
    walk.fill_in(client)
    review = client.post(
        walk.step_url("review"),
        {f"{STORAGE_PREFIX}-current_step": "review", RENDERED_FIELD: walk.rendered()},
    )
    session = client.session
    snapshot = dict(session.items())

    client.get(review.url)
    for key, value in snapshot.items():
        session[key] = value
    session.save()
    again = client.get(review.url)

    assert again.status_code == 302 and again.url == "/pl/questionnaire/sent/"
    assert Submission.objects.count() == 1


def test_an_error_in_the_last_write_leaves_no_rows(client, monkeypatch):
    walk.fill_in(client)

    def broken_bulk_create(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(
        "questionnaire.models.SurveyAnswer.choices.through.objects.bulk_create",
        broken_bulk_create,
    )
    with pytest.raises(RuntimeError):
        walk.send(client)

    assert Submission.objects.count() == 0
    assert SubmissionEvent.objects.count() == 0
    assert mail.outbox == []


def test_a_registered_tax_id_reveals_nothing_and_becomes_an_update(client):
    registered = OrganisationFactory(
        nip=walk.VALID_NIP, name="Ukryta Mleczarnia", town="Zambrów", country="PL"
    )
    walk.fill_in(client)

    review = client.get(walk.step_url("review"))
    sent = walk.send(client)

    for page in (review, sent):
        assert "Ukryta Mleczarnia" not in page.content.decode()
        assert "Zambrów" not in page.content.decode()
    submission = Submission.objects.get()
    assert submission.existing_organisation == registered
    assert submission.is_update


def test_save_and_continue_later_emails_a_link_that_reopens_the_answers(
    client, django_client_factory, django_capture_on_commit_callbacks
):
    client.get(walk.step_url("organisation"))
    walk.post_step(client, "organisation", walk.organisation_answers())

    saving = walk.post_step(
        client, "activity", {"products": "Kefir i maślanka"}, extra={"wizard_save": "1"}
    )
    form = client.get(saving.url)
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(saving.url, {"email": "anna@serowarnia.example"})

    assert saving.url == "/pl/questionnaire/save/"
    assert form.status_code == 200
    assert saved.status_code == 200
    draft = Draft.objects.get()
    assert draft.email == "anna@serowarnia.example" and draft.step == "activity"
    link = re.search(r"http://testserver(/pl/questionnaire/resume/\S+/)", mail.outbox[0].body)[1]

    other_browser = django_client_factory()
    reopened = other_browser.get(link, follow=True)

    assert reopened.redirect_chain[-1][0] == "/pl/questionnaire/activity/"
    assert "Kefir i maślanka" in reopened.content.decode()
    organisation = other_browser.get(walk.step_url("organisation"))
    assert 'value="Serowarnia Narwiańska"' in organisation.content.decode()


@pytest.fixture
def django_client_factory():
    from django.test import Client

    return Client


def _expired(token_maker, monkeypatch, days):
    real = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real() - days * 86400)
    token = token_maker()
    monkeypatch.setattr(signing.time, "time", real)
    return token


def test_forged_altered_and_expired_links_give_a_clear_page(client, monkeypatch):
    submission = make_submission(client)
    draft = Draft.objects.create(email="a@example.org", language="pl", form_data={})
    good = links.confirmation_token(submission)
    expired_confirmation = _expired(lambda: links.confirmation_token(submission), monkeypatch, 4)
    expired_resume = _expired(lambda: links.resume_token(draft), monkeypatch, 15)
    cases = {
        "/pl/questionnaire/confirm/forged/": (400, "Ten link jest nieprawidłowy"),
        f"/pl/questionnaire/confirm/{good[:-3]}xyz/": (400, "Ten link jest nieprawidłowy"),
        f"/pl/questionnaire/resume/{links.resume_token(draft)}x/": (
            400,
            "Ten link jest nieprawidłowy",
        ),
        f"/pl/questionnaire/confirm/{expired_confirmation}/": (410, "Ten link wygasł"),
        f"/pl/questionnaire/resume/{expired_resume}/": (410, "Ten link wygasł"),
    }

    for url, (status, text) in cases.items():
        response = client.get(url)
        assert response.status_code == status, url
        assert text in response.content.decode(), url


def make_submission(client, **kwargs):
    walk.fill_in(client, **kwargs)
    walk.send(client)
    return Submission.objects.latest("created_at")


def test_following_the_link_and_confirming_queues_the_submission_and_tells_staff(
    client, django_user_model, django_capture_on_commit_callbacks
):
    reviewer = django_user_model.objects.create_user(
        "reviewer", "reviewer@podlaskie.example", is_staff=True
    )
    from django.contrib.auth.models import Permission

    reviewer.user_permissions.add(Permission.objects.get(codename="review_submission"))
    with django_capture_on_commit_callbacks(execute=True):
        walk.fill_in(client)
        walk.send(client)
    link = confirmation_link(mail.outbox[0])

    page = client.get(link)
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(link, follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link)

    submission = Submission.objects.get()
    assert page.status_code == 200 and 'method="post"' in page.content.decode()
    assert submission.status == Submission.Status.CONFIRMED
    assert submission.confirmed_at is not None
    assert confirmed.status_code == 200
    assert [message.to for message in mail.outbox[1:]] == [["reviewer@podlaskie.example"]]
    assert f"/pl/admin/questionnaire/submission/{submission.pk}/change/" in mail.outbox[1].body
    assert [event.to_status for event in submission.events.all()] == ["unconfirmed", "confirmed"]


def test_nul_bytes_and_oversized_answers_are_form_errors(client):
    client.get(walk.step_url("organisation", "en"))

    response = walk.post_step(
        client,
        "organisation",
        walk.organisation_answers(name="Sero\x00warnia", town="Ł" * 5000),
        language="en",
    )

    errors = response.context["form"].errors
    assert errors["name"] == [NUL_REFUSED]
    assert errors["town"] == ["Ensure this value has at most 100 characters (it has 5000)."]


def _step_queries(client, step, django_assert_num_queries, expected=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(walk.step_url(step))
    assert response.status_code == 200
    return len(queries)


# What each step's page costs, whatever the number of questions.
STEP_QUERIES = {
    "organisation": 4,
    "activity": 8,
    "offers": 4,
    "survey": 6,
    "contact": 4,
    "review": 7,
}


@pytest.mark.parametrize("step", STEP_QUERIES)
def test_each_step_runs_the_same_queries_whatever_the_number_of_questions(
    client, step, django_assert_num_queries
):
    walk.fill_in(client)
    before = _step_queries(client, step, django_assert_num_queries)
    for number in range(6):
        question = SurveyQuestion.objects.create(
            prompt=f"Pytanie {number}", kind=SurveyQuestion.Kind.MULTIPLE, position=100 + number
        )
        SurveyChoice.objects.bulk_create(
            SurveyChoice(question=question, label=f"Odpowiedź {n}") for n in range(5)
        )

    after = _step_queries(client, step, django_assert_num_queries)

    assert after == before
    assert before == STEP_QUERIES[step]


def test_an_organisation_is_not_created_before_staff_accept(client):
    walk.fill_in(client)
    walk.send(client)

    assert not Organisation.objects.filter(name="Serowarnia Narwiańska").exists()


RECEIVED = "Otrzymaliśmy Państwa kwestionariusz."
ALREADY_SENT = "Ten kwestionariusz został już wysłany: nie trzeba wysyłać go ponownie."


def test_sending_again_after_the_questionnaire_was_sent_says_it_was_received(
    client, django_capture_on_commit_callbacks
):
    walk.fill_in(client)
    with django_capture_on_commit_callbacks(execute=True):
        walk.send(client)

    with django_capture_on_commit_callbacks(execute=True):
        again = walk.send(client)

    assert again.redirect_chain[-1][0] == "/pl/questionnaire/sent/"
    page = again.content.decode()
    assert ALREADY_SENT in page
    assert RECEIVED in page
    assert "anna@serowarnia.example" in page
    assert Submission.objects.count() == 1
    assert len(mail.outbox) == 1


def test_the_sent_page_says_received_after_the_questionnaire_state_is_reset(client):
    walk.fill_in(client)
    walk.send(client)

    client.get("/pl/questionnaire/?new")
    page = client.get("/pl/questionnaire/sent/")

    assert page.status_code == 200
    assert RECEIVED in page.content.decode()
    assert "anna@serowarnia.example" in page.content.decode()


def test_the_sent_page_failing_once_on_the_database_still_says_received_after(client, monkeypatch):
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import OperationalError

    walk.fill_in(client)
    walk.send(client)
    real_load = SessionStore.load
    failures = []

    def load_once_failing(self):
        if not failures:
            failures.append(1)
            raise OperationalError("the database system is starting up")
        return real_load(self)

    monkeypatch.setattr(SessionStore, "load", load_once_failing)
    client.raise_request_exception = False

    failed = client.get("/pl/questionnaire/sent/")
    shown = client.get("/pl/questionnaire/sent/")

    # The database's translated 503 page, then the page itself.
    assert failed.status_code == 503
    assert shown.status_code == 200
    assert RECEIVED in shown.content.decode()
    assert "anna@serowarnia.example" in shown.content.decode()
    assert Submission.objects.count() == 1


def test_the_sent_page_claims_nothing_when_this_browser_sent_nothing(client):
    page = client.get("/pl/questionnaire/sent/")

    assert page.status_code == 200
    assert RECEIVED not in page.content.decode()


def test_the_review_page_opened_again_after_sending_says_it_was_received(client):
    walk.fill_in(client)
    walk.send(client)

    again = client.get(walk.step_url("review"), follow=True)

    assert again.redirect_chain[-1][0] == "/pl/questionnaire/sent/"
    assert ALREADY_SENT in again.content.decode()
    assert RECEIVED in again.content.decode()
