"""The stored answers read back and are written again exactly as they were stored."""

import datetime

from questionnaire.answers import Answers, answers_from_steps

# A submission's answers as the questionnaire has stored them since it was opened:
# written out by hand, as the shape submissions already in the database have.
STORED = {
    "organisation": {
        "name": "Serowarnia Narwiańska",
        "kind": "firm",
        "legal_form": "sp. z o.o.",
        "country": "PL",
        "nip": "5260250274",
        "regon": "",
        "krs": "",
        "vat_id": "",
        "street_address": "ul. Mleczna 5",
        "postal_code": "18-400",
        "town": "Łomża",
        "region": "podlaskie",
        "website": "https://serowarnia.example",
        "size_class": "small",
        "employees": 24,
        "founded_year": 1998,
        "export_markets": ["IT", "DE"],
        "languages_spoken": "pl,en",
        "clusters": [1],
        "activities": [],
        "certifications": [],
    },
    "texts": {"description": "Rodzinna serowarnia.", "products": "Sery dojrzewające."},
    "offers": [
        {
            "kind": "business_offer",
            "cooperation_types": ["distribution"],
            "title": "Sery dojrzewające dla dystrybutorów",
            "summary": "Szukamy dystrybutorów serów dojrzewających we Włoszech.",
            "description": "",
            "partner_sought": "",
            "target_countries": ["IT"],
        }
    ],
    "contact": {
        "first_name": "Anna",
        "last_name": "Nowak",
        "job_title": "prezes",
        "email": "anna@serowarnia.example",
        "phone": "",
    },
    "consents": {
        "privacy_notice_version": "2026-11",
        "version": "2026-11",
        "at": "2026-11-20T10:00:00+00:00",
        "publication": True,
        "alerts": False,
    },
}


def test_stored_answers_read_back_and_are_written_unchanged():
    answers = Answers.from_json(STORED)

    assert answers.to_json() == STORED
    assert answers.consent("publication") == (True, "2026-11", "2026-11-20T10:00:00+00:00")
    assert answers.consent("alerts") == (False, "2026-11", "2026-11-20T10:00:00+00:00")


def test_answers_with_the_contact_erased_read_back():
    erased = {**STORED, "contact": {}, "consents": {}}

    answers = Answers.from_json(erased)

    assert answers.contact == {}
    assert answers.to_json() == erased


def test_the_steps_cleaned_data_make_the_stored_shape():
    organisation = dict(STORED["organisation"])
    activity = {
        **{name: organisation.pop(name) for name in ["size_class", "employees", "founded_year"]},
        "export_markets": organisation.pop("export_markets"),
        "languages_spoken": organisation.pop("languages_spoken").split(","),
        "clusters": organisation.pop("clusters"),
        "activities": organisation.pop("activities"),
        "certifications": organisation.pop("certifications"),
        **STORED["texts"],
    }
    contact = {**STORED["contact"], "publication_consent": True, "alerts_consent": False}

    answers = answers_from_steps(
        organisation=organisation,
        activity=activity,
        offers=STORED["offers"],
        contact=contact,
        at=datetime.datetime(2026, 11, 20, 10, tzinfo=datetime.UTC),
    )

    assert answers.to_json() == STORED


def test_retention_keeps_the_answers_without_the_contact_and_consents():
    kept = Answers.from_json(STORED).without_personal_data()

    assert kept.to_json() == {**STORED, "contact": {}, "consents": {}}
    assert "anna@serowarnia.example" not in str(kept.to_json())
    assert Answers.from_json(STORED).contact["email"] == "anna@serowarnia.example"
