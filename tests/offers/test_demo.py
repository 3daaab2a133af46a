import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from companies.demo import load_demo_data
from offers.demo import load_demo_offers
from offers.models import Offer, OfferTranslation

pytestmark = pytest.mark.django_db

Status = Offer.Status
State = OfferTranslation.State


@pytest.fixture
def demo():
    load_demo_data()
    return load_demo_offers()


def test_a_second_load_creates_nothing(demo):
    before = list(Offer.objects.order_by("reference").values_list("reference", "status"))

    again = load_demo_offers()

    assert demo == {"offers": 80, "offers_created": 80}
    assert again == {"offers": 80, "offers_created": 0}
    assert list(Offer.objects.order_by("reference").values_list("reference", "status")) == before
    assert OfferTranslation.objects.count() == 80 * 8


def test_every_status_kind_and_source_language_is_there(demo):
    assert set(Offer.objects.values_list("status", flat=True)) == set(Status.values)
    assert set(Offer.objects.values_list("kind", flat=True)) == set(Offer.Kind.values)
    assert set(Offer.objects.values_list("source_language", flat=True)) == {"pl", "it", "de", "cs"}


def test_most_demo_offers_are_live_and_some_are_past_their_date(demo):
    now = timezone.now()
    live = Offer.objects.live(now)

    assert live.count() >= 30
    assert not live.exclude(organisation__is_published=True).exists()
    assert Offer.objects.filter(status=Status.PUBLISHED, expires_at__lte=now).count() >= 2
    soon = live.filter(expires_at__lte=now + datetime.timedelta(days=14), renewed_at=None)
    assert soon.count() >= 3
    assert live.exclude(renewed_at=None).exists()
    assert Offer.objects.filter(is_anonymous=True).exists()


def test_translations_range_from_every_language_to_none(demo):
    rows = OfferTranslation.objects.values_list("offer__reference", "language", "state")
    states = {}
    for reference, language, state in rows:
        states.setdefault(reference, {})[language] = state

    everywhere = [
        reference
        for reference, by_language in states.items()
        if State.MISSING not in by_language.values()
    ]
    nowhere = [
        reference
        for reference, by_language in states.items()
        if set(by_language.values()) == {State.SOURCE, State.MISSING}
    ]
    assert len(everywhere) == 5
    assert len(nowhere) > 30
    all_states = {state for by_language in states.values() for state in by_language.values()}
    assert all_states == set(State.values)


def test_translated_texts_are_in_their_language(demo):
    offer = Offer.objects.get(reference="OF-2025-00001")

    assert offer.source_language == "pl"
    assert offer.title_pl == "Mleko w proszku odtłuszczone i pełne dla przetwórców"
    assert offer.title_it == "Latte in polvere scremato e intero per l'industria alimentare"
    assert offer.translations.get(language="bg").state == State.MACHINE
    assert offer.translations.get(language="it").state == State.HUMAN


def test_load_demo_prints_the_offers():
    out = io.StringIO()

    call_command("load_demo", stdout=out)
    call_command("load_demo", stdout=out)

    lines = [line for line in out.getvalue().splitlines() if line.startswith("Demo offers")]
    assert lines == ["Demo offers: 80 (80 new).", "Demo offers: 80 (0 new)."]
