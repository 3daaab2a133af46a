"""Questionnaire submissions with their survey answers, as the admin exports them.

One row per submission and one column per survey question: the layout in which
a statistician reads a survey (one respondent per row, one variable per column),
ready for a pivot table or a statistics package, with the respondent's country,
clusters and language beside the answers to cross them with. A yes/no answer is
"yes" or "no", a scale its number (1 to 5), a choice its label and a multiple
choice its labels separated by semicolons; a question left unanswered is empty.

The respondent's e-mail address, name, job title and phone number are personal
data: they are in `SubmissionWithContactResource` only (see
questionnaire/admin.py for who gets it).
"""

from functools import partial

from django.db.models import Prefetch
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from import_export.fields import Field

from companies.models import ContactPerson
from portal.common import exports
from questionnaire.answers import Answers
from questionnaire.models import Submission, SurveyAnswer, SurveyQuestion

Kind = SurveyQuestion.Kind


class SubmissionResource(exports.StaffResource):
    id = Field(attribute="pk", column_name="ID", readonly=True)
    status = exports.display_column(Submission, "status")
    language = exports.column(Submission, "language")
    organisation_name = exports.column(Submission, "organisation_name")
    country = Field(column_name=exports.verbose_name(Submission, "country"), readonly=True)
    clusters = Field(column_name=exports.verbose_name(Submission, "clusters"), readonly=True)
    organisation = Field(
        attribute="organisation__name",
        column_name=exports.verbose_name(Submission, "organisation"),
        readonly=True,
    )
    created_at = exports.datetime_column(Submission, "created_at")
    confirmed_at = exports.datetime_column(Submission, "confirmed_at")
    decided_at = exports.datetime_column(Submission, "decided_at")
    # Then one column per survey question (in __init__).

    display_name = _("Submissions with their survey answers")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        questions = SurveyQuestion.objects.order_by("position", "pk")
        for number, question in enumerate(questions, start=1):
            self.fields[f"question_{question.pk}"] = Field(
                column_name=f"{number}. {question.prompt}",
                dehydrate_method=partial(self.answer, question),
                readonly=True,
            )

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("organisation").prefetch_related(
            "clusters",
            Prefetch(
                "survey_answers",
                queryset=SurveyAnswer.objects.prefetch_related("choices"),
            ),
        )

    def dehydrate_country(self, submission):
        return submission.country.name if submission.country else ""

    def dehydrate_clusters(self, submission):
        return exports.names(submission.clusters.all())

    @staticmethod
    def answer(question, submission):
        by_question = getattr(submission, "_answers_by_question", None)
        if by_question is None:
            by_question = {answer.question_id: answer for answer in submission.survey_answers.all()}
            submission._answers_by_question = by_question
        answer = by_question.get(question.pk)
        if answer is None:
            return ""
        if question.kind == Kind.TEXT:
            return answer.text
        if question.kind == Kind.YES_NO:
            return exports.yes_no(answer.value)
        if question.kind == Kind.SCALE:
            return answer.value
        return exports.names(choice.label for choice in answer.choices.all())


def _contact_column(name):
    return Field(
        column_name=format_lazy(
            _("Respondent: {field}"), field=ContactPerson._meta.get_field(name).verbose_name
        ),
        readonly=True,
    )


class SubmissionWithContactResource(SubmissionResource):
    """And who filled it in: the respondent's contact details and consents."""

    email = exports.column(Submission, "email")
    contact_first_name = _contact_column("first_name")
    contact_last_name = _contact_column("last_name")
    contact_job_title = _contact_column("job_title")
    contact_email = _contact_column("email")
    contact_phone = _contact_column("phone")
    publication_consent = exports.boolean_column(Submission, "publication_consent")
    alerts_consent = exports.boolean_column(Submission, "alerts_consent")

    display_name = _("Submissions with their survey answers and respondents")

    def _contact(self, submission, name):
        return str(Answers.from_json(submission.answers).contact.get(name) or "")

    def dehydrate_contact_first_name(self, submission):
        return self._contact(submission, "first_name")

    def dehydrate_contact_last_name(self, submission):
        return self._contact(submission, "last_name")

    def dehydrate_contact_job_title(self, submission):
        return self._contact(submission, "job_title")

    def dehydrate_contact_email(self, submission):
        return self._contact(submission, "email")

    def dehydrate_contact_phone(self, submission):
        return self._contact(submission, "phone")
