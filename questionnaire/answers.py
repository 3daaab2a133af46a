"""The answers a sent questionnaire stores, in the one shape that is built and read here.

A submission keeps what was sent in its `answers` JSON, one part per step:

- `organisation`: the organisation's fields with the activity step's figures, its
  clusters, NACE activities and certifications as primary keys;
- `texts`: the description and the products and services, in the sender's language;
- `offers`: one entry per co-operation offer filled in;
- `contact`: the contact person;
- `consents`: the versions agreed to, when, and the two optional consents.

The questionnaire builds it with `answers_from_steps()`; the services, the admin's
review page, the exports and retention read it through `Answers.from_json()`, so that
no other module knows its keys. Retention empties `contact` and `consents` of an old
submission (`without_personal_data()`), so every part may be empty when it is read back.
"""

from dataclasses import dataclass, field, replace
from typing import TypedDict

from django.utils import timezone

from questionnaire.forms import CONSENT_VERSION, PRIVACY_NOTICE_VERSION

# The organisation step's fields that are stored as they were cleaned.
ORGANISATION_FIELDS = (
    "name",
    "kind",
    "legal_form",
    "country",
    "nip",
    "regon",
    "krs",
    "vat_id",
    "street_address",
    "postal_code",
    "town",
    "region",
    "website",
)
CONTACT_FIELDS = ("first_name", "last_name", "job_title", "email", "phone")


class OrganisationAnswers(TypedDict, total=False):
    """The organisation as sent: `ORGANISATION_FIELDS`, then the activity step's."""

    name: str
    kind: str
    legal_form: str
    country: str
    nip: str
    regon: str
    krs: str
    vat_id: str
    street_address: str
    postal_code: str
    town: str
    region: str
    website: str
    size_class: str
    employees: int | None
    founded_year: int | None
    export_markets: list[str]
    languages_spoken: str  # language codes joined by commas, as the model stores them
    clusters: list[int]
    activities: list[int]
    certifications: list[int]


class TextsAnswers(TypedDict, total=False):
    """The organisation's translated texts, written in the submission's language."""

    description: str
    products: str


class OfferAnswers(TypedDict, total=False):
    """One co-operation offer, with the fields `offers.services.offer_create` takes."""

    kind: str
    cooperation_types: list[str]
    title: str
    summary: str
    description: str
    partner_sought: str
    target_countries: list[str]


class ContactAnswers(TypedDict, total=False):
    """The contact person, with the fields `contact_person_save` takes."""

    first_name: str
    last_name: str
    job_title: str
    email: str
    phone: str


class ConsentAnswers(TypedDict, total=False):
    """The texts' versions agreed to, when (ISO 8601), and the two optional consents."""

    privacy_notice_version: str
    version: str
    at: str
    publication: bool
    alerts: bool


@dataclass(frozen=True)
class Answers:
    """A submission's stored answers, step by step."""

    organisation: OrganisationAnswers = field(default_factory=dict)
    texts: TextsAnswers = field(default_factory=dict)
    offers: list[OfferAnswers] = field(default_factory=list)
    contact: ContactAnswers = field(default_factory=dict)
    consents: ConsentAnswers = field(default_factory=dict)

    @classmethod
    def from_json(cls, data):
        """The answers as a submission stores them in its `answers` field."""
        return cls(
            organisation=data.get("organisation", {}),
            texts=data.get("texts", {}),
            offers=data.get("offers", []),
            contact=data.get("contact", {}),
            consents=data.get("consents", {}),
        )

    def to_json(self):
        """The value stored in a submission's `answers` field."""
        return {
            "organisation": dict(self.organisation),
            "texts": dict(self.texts),
            "offers": [dict(offer) for offer in self.offers],
            "contact": dict(self.contact),
            "consents": dict(self.consents),
        }

    def consent(self, name):
        """(given, version, at) of the `publication` or the `alerts` consent."""
        return self.consents[name], self.consents["version"], self.consents["at"]

    def without_personal_data(self):
        """The answers kept after retention: the contact person and consents erased.

        The organisation, its texts and offers stay for the office's statistics.
        """
        return replace(self, contact={}, consents={})


def answers_from_steps(*, organisation, activity, offers, contact, at=None):
    """The answers of a questionnaire from its steps' cleaned data.

    `organisation`, `activity` and `contact` are those steps' cleaned data (clusters,
    activities and certifications as objects or primary keys), `offers` the offers
    filled in, `at` when it was sent (now unless told).
    """
    at = timezone.now() if at is None else at
    return Answers(
        organisation={
            **{name: organisation[name] for name in ORGANISATION_FIELDS},
            "size_class": activity["size_class"],
            "employees": activity["employees"],
            "founded_year": activity["founded_year"],
            "export_markets": activity["export_markets"],
            "languages_spoken": ",".join(activity["languages_spoken"]),
            "clusters": [_pk(item) for item in activity["clusters"]],
            "activities": [_pk(item) for item in activity["activities"]],
            "certifications": [_pk(item) for item in activity["certifications"]],
        },
        texts={"description": activity["description"], "products": activity["products"]},
        offers=list(offers),
        contact={name: contact[name] for name in CONTACT_FIELDS},
        consents={
            "privacy_notice_version": PRIVACY_NOTICE_VERSION,
            "version": CONSENT_VERSION,
            "at": at.isoformat(),
            "publication": contact["publication_consent"],
            "alerts": contact["alerts_consent"],
        },
    )


def _pk(item):
    return getattr(item, "pk", item)
