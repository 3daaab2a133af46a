"""Demo questionnaires for `make run`: a review queue and survey results to look at.

The firms, people and answers are invented. One submission carries the NIP of a demo
organisation, so that staff see how an update of a registered record looks.
"""

import datetime
import random
import uuid

from django.db import transaction
from stdnum.pl import nip

from companies.models import Cluster, Organisation
from questionnaire import forms
from questionnaire.answers import Answers
from questionnaire.models import Submission, SubmissionEvent, SurveyAnswer, SurveyQuestion

SUBMITTED_AT = datetime.datetime(2026, 11, 2, 9, 30, tzinfo=datetime.UTC)

# name, town, cluster, language, first name, last name, offer title
FIRMS = [
    (
        "Serowarnia Rodzinna Bagno",
        "Kolno",
        "dairy",
        "pl",
        "Teresa",
        "Bagińska",
        "Sery zagrodowe dla sklepów delikatesowych",
    ),
    (
        "Kuźnia Maszyn Rolniczych Zawady",
        "Łapy",
        "agricultural-machinery",
        "pl",
        "Marek",
        "Zawadzki",
        "Podwykonawstwo części spawanych",
    ),
    (
        "Ekomleko Narew",
        "Choroszcz",
        "dairy",
        "pl",
        "Joanna",
        "Narewska",
        "Mleko ekologiczne dla przetwórców",
    ),
    (
        "Agrotech Suwalszczyzna",
        "Suwałki",
        "agricultural-machinery",
        "pl",
        "Paweł",
        "Sejneński",
        "Dystrybutor rozsiewaczy nawozów",
    ),
    (
        "Mleczne Smaki Biebrzy",
        "Grajewo",
        "dairy",
        "pl",
        "Ewa",
        "Biebrzańska",
        "Wspólny eksport twarogów",
    ),
    (
        "Precyzja Części Rolnicze",
        "Sokółka",
        "agricultural-machinery",
        "pl",
        "Adam",
        "Sokólski",
        "Obróbka CNC dla producentów maszyn",
    ),
]


def _demo_nip(index):
    base = f"54{index:07d}"
    for digit in "0123456789":
        if nip.is_valid(base + digit):
            return base + digit
    return ""


def _survey(rng, questions):
    for question in questions:
        kind = question.kind
        if kind == SurveyQuestion.Kind.TEXT:
            yield (
                question,
                rng.choice(
                    ["Wspólne stoisko na targach.", "Kontakty z dystrybutorami we Włoszech.", ""]
                ),
            )
        elif kind == SurveyQuestion.Kind.YES_NO:
            yield question, rng.choice([0, 1, 1])
        elif kind == SurveyQuestion.Kind.SCALE:
            yield question, rng.randint(2, 5)
        elif kind == SurveyQuestion.Kind.SINGLE:
            yield question, rng.choice(list(question.choices.all())).pk
        else:
            choices = list(question.choices.all())
            yield question, [choice.pk for choice in rng.sample(choices, k=min(2, len(choices)))]


@transaction.atomic
def load_demo_submissions():
    """Confirmed questionnaires awaiting review; a second run creates nothing."""
    rng = random.Random(2026)
    clusters = {cluster.slug: cluster for cluster in Cluster.objects.all()}
    questions = list(SurveyQuestion.objects.filter(is_active=True).prefetch_related("choices"))
    registered = Organisation.objects.exclude(nip="").order_by("name").first()
    created = 0
    for index, (name, town, cluster, language, first, last, title) in enumerate(FIRMS):
        key = uuid.uuid5(uuid.NAMESPACE_URL, f"demo-submission-{index}")
        if Submission.objects.filter(key=key).exists():
            continue
        updates = index == 0 and registered is not None
        tax_id = registered.nip if updates else _demo_nip(index)
        email = f"{first.lower()}@{name.split()[0].lower()}.example"
        at = SUBMITTED_AT + datetime.timedelta(days=index, hours=index)
        answers = Answers(
            organisation={
                "name": registered.name if updates else name,
                "kind": Organisation.Kind.FIRM,
                "legal_form": "sp. z o.o.",
                "country": "PL",
                "nip": tax_id,
                "regon": "",
                "krs": "",
                "vat_id": "",
                "street_address": f"ul. Polna {index + 3}",
                "postal_code": "",
                "town": town,
                "region": "podlaskie",
                "website": "",
                "size_class": Organisation.SizeClass.SMALL,
                "employees": 12 + index * 5,
                "founded_year": 1995 + index * 3,
                "export_markets": ["IT", "DE"][: 1 + index % 2],
                "languages_spoken": "pl,en",
                "clusters": [clusters[cluster].pk] if cluster in clusters else [],
                "activities": [],
                "certifications": [],
            },
            texts={"description": "", "products": title},
            offers=[
                {
                    "kind": "business_offer",
                    "cooperation_types": ["commercial"],
                    "title": title,
                    "summary": f"{title}: szukamy partnerów w Unii Europejskiej.",
                    "description": "",
                    "partner_sought": "",
                    "target_countries": ["IT", "AT", "CZ"],
                }
            ],
            contact={
                "first_name": first,
                "last_name": last,
                "job_title": "właściciel",
                "email": email,
                "phone": "",
            },
            consents={
                "privacy_notice_version": forms.PRIVACY_NOTICE_VERSION,
                "version": forms.CONSENT_VERSION,
                "at": at.isoformat(),
                "publication": index % 2 == 0,
                "alerts": index % 3 == 0,
            },
        )
        submission = Submission.objects.create(
            key=key,
            status=Submission.Status.CONFIRMED,
            language=language,
            email=email,
            organisation_name=answers.organisation["name"],
            country="PL",
            answers=answers.to_json(),
            privacy_notice_version=forms.PRIVACY_NOTICE_VERSION,
            privacy_acknowledged_at=at,
            publication_consent=answers.consents["publication"],
            alerts_consent=answers.consents["alerts"],
            consent_version=forms.CONSENT_VERSION,
            existing_organisation=registered if updates else None,
            confirmed_at=at + datetime.timedelta(minutes=20),
        )
        Submission.objects.filter(pk=submission.pk).update(created_at=at)
        submission.clusters.set(answers.organisation["clusters"])
        for question, value in _survey(rng, questions):
            if value in ("", []):
                continue
            answer = SurveyAnswer.objects.create(
                submission=submission,
                question=question,
                text=value if isinstance(value, str) else "",
                value=value if question.kind in {"yes_no", "scale"} else None,
            )
            if question.kind == SurveyQuestion.Kind.SINGLE:
                answer.choices.set([value])
            elif question.kind == SurveyQuestion.Kind.MULTIPLE:
                answer.choices.set(value)
        SubmissionEvent.objects.bulk_create(
            [
                SubmissionEvent(submission=submission, to_status=Submission.Status.UNCONFIRMED),
                SubmissionEvent(
                    submission=submission,
                    from_status=Submission.Status.UNCONFIRMED,
                    to_status=Submission.Status.CONFIRMED,
                ),
            ]
        )
        created += 1
    return {"submissions": len(FIRMS), "submissions_created": created}


def load_demo():
    """The demo questionnaires, as `load_demo` loads and reports them (registered
    with portal.common.demo from QuestionnaireConfig.ready())."""
    counts = load_demo_submissions()
    return [
        f"Demo questionnaires awaiting review: {counts['submissions']} "
        f"({counts['submissions_created']} new)."
    ]
