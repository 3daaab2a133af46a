"""Survey results for staff: counts per question, filterable by cluster and country."""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext

from questionnaire.models import Submission, SurveyAnswer, SurveyQuestion

# Submissions that count: confirmed by their sender and not rejected.
COUNTED = [
    Submission.Status.CONFIRMED,
    Submission.Status.ACCEPTED,
    Submission.Status.CHANGES_REQUESTED,
]


@dataclass
class Row:
    label: str
    count: int
    share: float = 0.0


@dataclass
class QuestionResult:
    question: SurveyQuestion
    answered: int = 0
    rows: list = field(default_factory=list)
    texts: list = field(default_factory=list)

    @property
    def chart_height(self):
        return 28 * len(self.rows) + 8


def counted_submissions(*, cluster=None, country=None):
    submissions = Submission.objects.filter(status__in=COUNTED)
    if cluster is not None:
        submissions = submissions.filter(clusters=cluster)
    if country:
        submissions = submissions.filter(country=country)
    return submissions


def survey_results(*, cluster=None, country=None, submissions=None, text_limit=50):
    """One QuestionResult per question (retired ones too), in a fixed number of queries.

    `submissions` (a query of counted submissions) stands for the cluster and
    country filters; with `text_limit=0` no text answers are read.
    """
    if submissions is None:
        submissions = counted_submissions(cluster=cluster, country=country)
    submissions = submissions.values("pk")
    answers = SurveyAnswer.objects.filter(submission__in=submissions)
    questions = list(SurveyQuestion.objects.prefetch_related("choices"))
    answered = dict(answers.values_list("question").annotate(n=Count("pk")).order_by())
    values = {
        (question, value): n
        for question, value, n in answers.exclude(value=None)
        .values_list("question", "value")
        .annotate(n=Count("pk"))
        .order_by()
    }
    chosen = dict(
        SurveyAnswer.choices.through.objects.filter(surveyanswer__in=answers)
        .values_list("surveychoice")
        .annotate(n=Count("pk"))
        .order_by()
    )
    texts = {}
    for question, text in (
        answers.exclude(text="")
        .order_by("-submission__created_at")
        .values_list("question", "text")
        .iterator()
        if text_limit
        else ()
    ):
        if len(texts.setdefault(question, [])) < text_limit:
            texts[question].append(text)

    results = []
    for question in questions:
        result = QuestionResult(question=question, answered=answered.get(question.pk, 0))
        kind = SurveyQuestion.Kind
        if question.kind == kind.YES_NO:
            result.rows = [
                Row(str(label), values.get((question.pk, value), 0))
                for value, label in ((1, gettext("yes")), (0, gettext("no")))
            ]
        elif question.kind == kind.SCALE:
            result.rows = [
                Row(str(value), values.get((question.pk, value), 0)) for value in range(1, 6)
            ]
        elif question.has_choices:
            result.rows = [
                Row(choice.label, chosen.get(choice.pk, 0)) for choice in question.choices.all()
            ]
        else:
            result.texts = texts.get(question.pk, [])
        for row in result.rows:
            row.share = row.count / result.answered if result.answered else 0.0
        results.append(result)
    return results
