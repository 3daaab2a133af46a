"""Fill in the questionnaire through its pages, as a browser would post them."""

import time

from django.core import signing
from django.urls import reverse
from django.utils import translation

from companies.models import Cluster, Organisation
from portal.common.humans import RENDERED_FIELD, RENDERED_SALT
from questionnaire.models import SurveyQuestion
from questionnaire.views import STORAGE_PREFIX

VALID_NIP = "5260250274"  # a NIP with a correct check digit


def rendered(seconds_ago=30):
    return signing.dumps(time.time() - seconds_ago, salt=RENDERED_SALT)


def step_url(step, language="pl"):
    with translation.override(language):
        return reverse("questionnaire:step", kwargs={"step": step})


def organisation_answers(**overrides):
    answers = {
        "name": "Serowarnia Narwiańska",
        "kind": Organisation.Kind.FIRM,
        "legal_form": "sp. z o.o.",
        "country": "PL",
        "nip": VALID_NIP,
        "regon": "",
        "krs": "",
        "vat_id": "",
        "street_address": "ul. Mleczna 5",
        "postal_code": "18-400",
        "town": "Łomża",
        "region": "podlaskie",
        "website": "https://serowarnia.example",
    }
    return {**answers, **overrides}


def activity_answers(**overrides):
    answers = {
        "clusters": [str(Cluster.objects.get(slug="dairy").pk)],
        "products": "Sery dojrzewające i twarogi.",
        "description": "Rodzinna serowarnia.",
        "size_class": Organisation.SizeClass.SMALL,
        "employees": "24",
        "founded_year": "1998",
        "export_markets": ["IT", "DE"],
        "languages_spoken": ["pl", "en"],
    }
    return {**answers, **overrides}


def offers_answers(offers=None):
    offers = (
        [
            {
                "kind": "business_offer",
                "cooperation_types": ["distribution"],
                "title": "Sery dojrzewające dla dystrybutorów",
                "summary": "Szukamy dystrybutorów serów dojrzewających we Włoszech.",
                "target_countries": ["IT"],
            }
        ]
        if offers is None
        else offers
    )
    data = {"TOTAL_FORMS": "3", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "3"}
    for index, offer in enumerate(offers):
        data.update({f"{index}-{name}": value for name, value in offer.items()})
    return data


def survey_answers():
    answers = {}
    for question in SurveyQuestion.objects.filter(is_active=True).prefetch_related("choices"):
        name = f"question_{question.pk}"
        if question.kind == SurveyQuestion.Kind.TEXT:
            answers[name] = "Wspólne stoisko na targach."
        elif question.kind == SurveyQuestion.Kind.YES_NO:
            answers[name] = "1"
        elif question.kind == SurveyQuestion.Kind.SCALE:
            answers[name] = "4"
        elif question.kind == SurveyQuestion.Kind.SINGLE:
            answers[name] = str(question.choices.all()[0].pk)
        else:
            answers[name] = [str(choice.pk) for choice in question.choices.all()[:2]]
    return answers


def contact_answers(**overrides):
    answers = {
        "first_name": "Anna",
        "last_name": "Kowalska",
        "job_title": "prezes zarządu",
        "email": "anna@serowarnia.example",
        "phone": "+48 86 216 00 00",
        "privacy_acknowledged": "on",
        "publication_consent": "on",
    }
    return {**answers, **overrides}


def post_step(client, step, answers, *, language="pl", files=None, extra=None):
    data = {f"{step}-{name}": value for name, value in answers.items()}
    data[f"{STORAGE_PREFIX}-current_step"] = step
    data[RENDERED_FIELD] = rendered()
    data.update(extra or {})
    data.update(files or {})
    return client.post(step_url(step, language), data)


def fill_in(client, *, language="pl", organisation=None, contact=None, offers=None):
    """Post every step up to the review page; return the last response."""
    steps = [
        ("organisation", organisation_answers(**(organisation or {}))),
        ("activity", activity_answers()),
        ("offers", offers_answers(offers)),
        ("survey", survey_answers()),
        ("contact", contact_answers(**(contact or {}))),
    ]
    client.get(step_url("organisation", language))
    for step, answers in steps:
        response = post_step(client, step, answers, language=language)
        assert response.status_code == 302, (step, response.content.decode()[:3000])
    return response


def send(client, *, language="pl"):
    """Send from the review page and follow the redirects to the done page."""
    return client.post(
        step_url("review", language),
        {f"{STORAGE_PREFIX}-current_step": "review", RENDERED_FIELD: rendered()},
        follow=True,
    )
