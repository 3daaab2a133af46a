"""Submissions made through the real services, in the shape the questionnaire sends."""

import uuid

from companies.models import Cluster
from questionnaire import services
from questionnaire.answers import answers_from_steps
from questionnaire.models import SurveyQuestion
from questionnaire.views import STORAGE_PREFIX
from tests.questionnaire import walk

Kind = SurveyQuestion.Kind


def questions():
    """The seeded survey questions, in their order (with retired ones)."""
    return list(SurveyQuestion.objects.prefetch_related("choices"))


def default_survey():
    """The answers `walk.survey_answers` gives, as the survey form hands them on."""
    survey = {}
    for question in SurveyQuestion.objects.filter(is_active=True).prefetch_related("choices"):
        choices = [choice.pk for choice in question.choices.all()]
        survey[question] = {
            Kind.TEXT: "Wspólne stoisko na targach.",
            Kind.YES_NO: 1,
            Kind.SCALE: 4,
            Kind.SINGLE: choices[0] if choices else None,
            Kind.MULTIPLE: choices[:2],
        }[question.kind]
    return survey


def _step_data(step, answers):
    data = {
        f"{step}-{name}": value if isinstance(value, list) else [value]
        for name, value in answers.items()
    }
    data[f"{STORAGE_PREFIX}-current_step"] = [step]
    return data


def make_submission(
    *,
    language="pl",
    organisation=None,
    contact=None,
    offers=None,
    clusters=None,
    survey=None,
    confirm=True,
):
    """A submission stored by `services.submission_create`, confirmed unless told not to.

    `organisation` and `contact` override the answers of `walk`; `clusters` are
    Cluster objects (the dairy cluster by default); `survey` maps questions to their
    answers (text, 1/0, 1-5, a choice's pk or a list of them).
    """
    organisation_form = walk.organisation_answers(**(organisation or {}))
    clusters = [Cluster.objects.get(slug="dairy")] if clusters is None else clusters
    activity_form = walk.activity_answers(clusters=[str(cluster.pk) for cluster in clusters])
    contact_form = walk.contact_answers(**(contact or {}))
    offers = (
        [
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
        if offers is None
        else offers
    )
    survey = default_survey() if survey is None else survey
    answers = answers_from_steps(
        organisation=organisation_form,
        activity={
            **activity_form,
            "employees": int(activity_form["employees"]),
            "founded_year": int(activity_form["founded_year"]),
            "clusters": clusters,
            "activities": [],
            "certifications": [],
        },
        offers=offers,
        contact={
            **contact_form,
            "publication_consent": contact_form.get("publication_consent") == "on",
            "alerts_consent": contact_form.get("alerts_consent") == "on",
        },
    )
    form_data = {
        "organisation": _step_data("organisation", organisation_form),
        "activity": _step_data("activity", activity_form),
        "offers": _step_data("offers", walk.offers_answers(offers)),
        "survey": _step_data(
            "survey",
            {
                f"question_{question.pk}": [str(item) for item in value]
                if isinstance(value, list)
                else str(value)
                for question, value in survey.items()
            },
        ),
        "contact": _step_data("contact", contact_form),
    }
    submission, created = services.submission_create(
        key=uuid.uuid4().hex,
        language=language,
        answers=answers,
        survey=[(question, value) for question, value in survey.items()],
        form_data=form_data,
    )
    assert created
    if confirm:
        services.submission_confirm(submission=submission)
    submission.refresh_from_db()
    return submission
