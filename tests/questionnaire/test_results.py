import csv
import datetime
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from companies.models import Cluster
from questionnaire import results, services
from questionnaire.models import Submission, SurveyChoice, SurveyQuestion
from tests.questionnaire.submissions import make_submission

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://example.com","kliknij")'


def admin_url(name, *args):
    with translation.override("pl"):
        return reverse(f"admin:{name}", args=args)


def pl(text):
    with translation.override("pl"):
        return gettext(text)


@pytest.fixture
def survey():
    """Five counted submissions with known answers, one rejected, one unconfirmed.

    Seeded questions: 0 and 1 multiple choice, 2 and 3 yes/no (3 retired after the
    answers), 4 and 5 single choice, 6 a scale, 7 text.
    """
    q = list(SurveyQuestion.objects.prefetch_related("choices"))
    c = {question.pk: list(question.choices.all()) for question in q}
    dairy = Cluster.objects.get(slug="dairy")
    machinery = Cluster.objects.get(slug="agricultural-machinery")

    def choices(question, *numbers):
        return [c[question.pk][number].pk for number in numbers]

    def make(name, *, country="PL", clusters=(dairy,), answers, **kwargs):
        organisation = {"name": name, "country": country}
        if country != "PL":
            organisation |= {"nip": "", "vat_id": f"{country}123456789"}
        return make_submission(
            organisation=organisation, clusters=list(clusters), survey=answers, **kwargs
        )

    a = make(
        "A",
        answers={
            q[0]: choices(q[0], 0, 1),
            q[2]: 1,
            q[3]: 1,
            q[4]: choices(q[4], 0)[0],
            q[6]: 4,
            q[7]: "Wspólne stoisko.",
        },
    )
    b = make(
        "B",
        country="IT",
        answers={
            q[0]: choices(q[0], 1),
            q[2]: 0,
            q[3]: 1,
            q[4]: choices(q[4], 1)[0],
            q[6]: 5,
            q[7]: FORMULA,
        },
    )
    cc = make(
        "C",
        clusters=(machinery,),
        answers={
            q[0]: choices(q[0], 0, 1, 2),
            q[2]: 1,
            q[3]: 0,
            q[4]: choices(q[4], 0)[0],
            q[6]: 4,
        },
    )
    d = make(
        "D",
        country="DE",
        clusters=(dairy, machinery),
        answers={
            q[0]: choices(q[0], 1),
            q[2]: 1,
            q[4]: choices(q[4], 3)[0],
            q[6]: 2,
            q[7]: "Tłumacz ustny na targach.",
        },
    )
    e = make("E", answers={q[2]: 0, q[6]: 1})
    everything = {
        q[0]: choices(q[0], *range(7)),
        q[1]: choices(q[1], *range(7)),
        q[2]: 1,
        q[3]: 1,
        q[4]: choices(q[4], 2)[0],
        q[5]: choices(q[5], 2)[0],
        q[6]: 3,
        q[7]: "Odrzucona odpowiedź.",
    }
    rejected = make("Odrzucona", country="CZ", answers=everything)
    make(
        "Niepotwierdzona",
        country="HU",
        answers={**everything, q[7]: "Niepotwierdzona odpowiedź."},
        confirm=False,
    )
    services.submission_accept(submission=d, by=None)
    services.submission_request_changes(submission=e, by=None, reason="Uzupełnić.")
    services.submission_reject(submission=rejected, by=None, reason="Spoza programu.")
    # Sent a day apart, A first.
    start = timezone.now() - datetime.timedelta(days=10)
    for days, submission in enumerate([a, b, cc, d, e]):
        Submission.objects.filter(pk=submission.pk).update(
            created_at=start + datetime.timedelta(days=days)
        )
    SurveyQuestion.objects.filter(pk=q[3].pk).update(is_active=False)
    return {"questions": q, "choices": c, "dairy": dairy, "machinery": machinery}


def summary(question_results):
    """Per question: how many answered, (label, count) rows, and the texts."""
    return [
        (
            result.question.pk,
            result.answered,
            [(r.label, r.count) for r in result.rows],
            result.texts,
        )
        for result in question_results
    ]


def rows(counts, choices):
    return [(choice.label, count) for choice, count in zip(choices, counts, strict=True)]


def expected(survey, *, q0, q2, q3, q4, q6, texts):
    """The summary of the seeded questions: q0 is (answered, counts), the rest counts per row."""
    q, c = survey["questions"], survey["choices"]
    scale = [(str(value), count) for value, count in zip(range(1, 6), q6, strict=True)]
    yes, no = pl("yes"), pl("no")
    return [
        (q[0].pk, q0[0], rows(q0[1], c[q[0].pk]), []),
        (q[1].pk, 0, rows([0] * 7, c[q[1].pk]), []),
        (q[2].pk, sum(q2), [(yes, q2[0]), (no, q2[1])], []),
        (q[3].pk, sum(q3), [(yes, q3[0]), (no, q3[1])], []),
        (q[4].pk, sum(q4), rows(q4, c[q[4].pk]), []),
        (q[5].pk, 0, rows([0] * 4, c[q[5].pk]), []),
        (q[6].pk, sum(q6), scale, []),
        (q[7].pk, len(texts), [], texts),
    ]


def test_counts_every_answer_of_counted_submissions_only(survey):
    question_results = results.survey_results()

    assert summary(question_results) == expected(
        survey,
        q0=(4, [2, 4, 1, 0, 0, 0, 0]),
        q2=[3, 2],
        q3=[2, 1],
        q4=[2, 1, 0, 1],
        q6=[1, 1, 0, 2, 1],
        texts=["Tłumacz ustny na targach.", FORMULA, "Wspólne stoisko."],
    )
    by_question = {result.question.pk: result for result in question_results}
    yes_no = by_question[survey["questions"][2].pk]
    assert [row.share for row in yes_no.rows] == [0.6, 0.4]
    multiple = by_question[survey["questions"][0].pk]
    assert [row.share for row in multiple.rows][:3] == [0.5, 1.0, 0.25]
    assert results.counted_submissions().count() == 5


def test_filtering_by_cluster_narrows_the_counts(survey):
    machinery = results.survey_results(cluster=survey["machinery"])
    dairy = results.survey_results(cluster=survey["dairy"])

    # C and D are in the machinery cluster.
    assert summary(machinery) == expected(
        survey,
        q0=(2, [1, 2, 1, 0, 0, 0, 0]),
        q2=[2, 0],
        q3=[0, 1],
        q4=[1, 0, 0, 1],
        q6=[0, 1, 0, 1, 0],
        texts=["Tłumacz ustny na targach."],
    )
    # A, B, D and E are in the dairy cluster (so is the rejected one).
    assert summary(dairy) == expected(
        survey,
        q0=(3, [1, 3, 0, 0, 0, 0, 0]),
        q2=[2, 2],
        q3=[2, 0],
        q4=[1, 1, 0, 1],
        q6=[1, 1, 0, 1, 1],
        texts=["Tłumacz ustny na targach.", FORMULA, "Wspólne stoisko."],
    )
    assert results.counted_submissions(cluster=survey["machinery"]).count() == 2


def test_filtering_by_country_narrows_the_counts(survey):
    italy = results.survey_results(country="IT")
    poland = results.survey_results(country="PL")
    both = results.survey_results(cluster=survey["dairy"], country="PL")

    assert summary(italy) == expected(
        survey,
        q0=(1, [0, 1, 0, 0, 0, 0, 0]),
        q2=[0, 1],
        q3=[1, 0],
        q4=[0, 1, 0, 0],
        q6=[0, 0, 0, 0, 1],
        texts=[FORMULA],
    )
    # A, C and E.
    assert summary(poland) == expected(
        survey,
        q0=(2, [2, 2, 1, 0, 0, 0, 0]),
        q2=[2, 1],
        q3=[1, 1],
        q4=[2, 0, 0, 0],
        q6=[1, 0, 0, 2, 0],
        texts=["Wspólne stoisko."],
    )
    # A and E.
    assert summary(both) == expected(
        survey,
        q0=(1, [1, 1, 0, 0, 0, 0, 0]),
        q2=[1, 1],
        q3=[1, 0],
        q4=[1, 0, 0, 0],
        q6=[1, 0, 0, 1, 0],
        texts=["Wspólne stoisko."],
    )
    assert summary(results.survey_results(country="CZ"))[2] == (
        survey["questions"][2].pk,
        0,
        [(pl("yes"), 0), (pl("no"), 0)],
        [],
    )


def test_a_retired_question_keeps_its_answers(survey):
    retired = survey["questions"][3]

    question_results = results.survey_results()

    result = next(r for r in question_results if r.question.pk == retired.pk)
    assert result.question.is_active is False
    assert result.answered == 3
    assert [(row.label, row.count) for row in result.rows] == [(pl("yes"), 2), (pl("no"), 1)]
    assert len(question_results) == 8


def test_text_answers_are_limited_to_the_newest(survey):
    texts = results.survey_results(text_limit=2)[-1].texts

    assert texts == ["Tłumacz ustny na targach.", FORMULA]


# The admin page and its CSV.


def test_results_page_shows_the_counts_and_charts(admin_client, survey):
    q = survey["questions"]

    response = admin_client.get(admin_url("questionnaire_survey_results"))

    content = response.content.decode()
    assert response.status_code == 200
    assert response.context["submission_count"] == 5
    assert content.count('<svg class="survey-chart"') == 7  # all but the text question
    for question in q:
        assert question.prompt in content
    assert re.search(rf"{re.escape(q[3].prompt)}\s*\({re.escape(pl('retired'))}\)", content)
    assert not re.search(rf"{re.escape(q[2].prompt)}\s*\(", content)
    assert re.search(rf"<td>{re.escape(pl('yes'))}</td>\s*<td>3</td>", content)
    assert re.search(rf"<td>{re.escape(pl('no'))}</td>\s*<td>2</td>", content)
    second = survey["choices"][q[0].pk][1].label
    assert re.search(rf"<td>{re.escape(second)}</td>\s*<td>4</td>", content)
    assert "Tłumacz ustny na targach." in content
    assert "=HYPERLINK(&quot;http://example.com&quot;,&quot;kliknij&quot;)" in content
    assert "Odrzucona odpowiedź." not in content
    assert "Niepotwierdzona odpowiedź." not in content
    # Countries of counted submissions only, to filter by.
    country_choices = response.context["form"].fields["country"].choices
    assert sorted(code for code, _name in country_choices) == ["", "DE", "IT", "PL"]
    assert admin_url("questionnaire_survey_results_csv") in content


def test_results_page_filters_by_country(admin_client, survey):
    response = admin_client.get(admin_url("questionnaire_survey_results"), {"country": "IT"})

    assert response.context["submission_count"] == 1
    assert summary(response.context["results"]) == summary(results.survey_results(country="IT"))
    assert f"{admin_url('questionnaire_survey_results_csv')}?country=IT" in (
        response.content.decode()
    )


def read_csv(response):
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content.removeprefix("\ufeff"), newline="")))


def test_results_csv_has_a_row_per_answer(admin_client, survey):
    q, c = survey["questions"], survey["choices"]

    response = admin_client.get(admin_url("questionnaire_survey_results_csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="survey-results.csv"'

    def block(question, answered, labels, counts, active="1"):
        return [
            [
                question.prompt,
                question.kind,
                active,
                str(answered),
                label,
                str(count),
                f"{count / answered if answered else 0:.3f}",
            ]
            for label, count in zip(labels, counts, strict=True)
        ]

    def labels(question):
        return [choice.label for choice in c[question.pk]]

    yes_no = [pl("yes"), pl("no")]
    assert read_csv(response) == [
        ["question", "kind", "active", "answered", "answer", "count", "share"],
        *block(q[0], 4, labels(q[0]), [2, 4, 1, 0, 0, 0, 0]),
        *block(q[1], 0, labels(q[1]), [0] * 7),
        *block(q[2], 5, yes_no, [3, 2]),
        *block(q[3], 3, yes_no, [2, 1], active="0"),
        *block(q[4], 4, labels(q[4]), [2, 1, 0, 1]),
        *block(q[5], 0, labels(q[5]), [0] * 4),
        *block(q[6], 5, ["1", "2", "3", "4", "5"], [1, 1, 0, 2, 1]),
        [q[7].prompt, "text", "1", "3", "Tłumacz ustny na targach.", "", ""],
        [q[7].prompt, "text", "1", "3", "'" + FORMULA, "", ""],
        [q[7].prompt, "text", "1", "3", "Wspólne stoisko.", "", ""],
    ]


def test_results_csv_follows_the_filter(admin_client, survey):
    q = survey["questions"]

    response = admin_client.get(
        admin_url("questionnaire_survey_results_csv"), {"cluster": survey["machinery"].pk}
    )

    table = read_csv(response)
    assert [row for row in table if row[0] == q[2].prompt] == [
        [q[2].prompt, "yes_no", "1", "2", pl("yes"), "2", "1.000"],
        [q[2].prompt, "yes_no", "1", "2", pl("no"), "0", "0.000"],
    ]
    assert [row[4] for row in table if row[0] == q[7].prompt] == ["Tłumacz ustny na targach."]


def test_csv_cells_that_spreadsheets_would_run_are_quoted(admin_client):
    question = SurveyQuestion.objects.create(
        prompt="=1+1 czy tak?", kind=SurveyQuestion.Kind.TEXT, position=99
    )
    for text in ["+48 86 000", "-5", "@suma", "zwykła odpowiedź"]:
        make_submission(survey={question: text})

    table = read_csv(admin_client.get(admin_url("questionnaire_survey_results_csv")))

    assert [row[4] for row in table if row[0] == "'=1+1 czy tak?"] == [
        "zwykła odpowiedź",
        "'@suma",
        "'-5",
        "'+48 86 000",
    ]


# Queries.


def results_page_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_results_page_runs_as_many_queries_for_many_submissions_and_questions(admin_client):
    page = admin_url("questionnaire_survey_results")
    csv_url = admin_url("questionnaire_survey_results_csv")
    make_submission()
    admin_client.get(page)  # the session, permissions and the like, once

    one = results_page_queries(admin_client, page)
    one_csv = results_page_queries(admin_client, csv_url)
    for _number in range(9):
        make_submission()
    ten = results_page_queries(admin_client, page)
    ten_csv = results_page_queries(admin_client, csv_url)

    def add_question(position):
        kind = list(SurveyQuestion.Kind)[position % 5]
        question = SurveyQuestion.objects.create(prompt=f"Pytanie {position}", kind=kind)
        for number in range(3):
            SurveyChoice.objects.create(question=question, label=f"Odpowiedź {number}")
        return question

    add_question(0)
    make_submission()
    one_more = results_page_queries(admin_client, page)
    for position in range(1, 5):
        add_question(position)
    make_submission()
    five_more = results_page_queries(admin_client, page)
    five_more_csv = results_page_queries(admin_client, csv_url)

    assert one == ten == one_more == five_more
    assert one_csv == ten_csv == five_more_csv
    assert (one, one_csv) == (12, 10)
    assert len(results.survey_results()) == 13
