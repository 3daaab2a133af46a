"""The event pages in a browser: no WCAG 2.1 A or AA violation, in Polish and Italian."""

import pytest

from portal.events import registration_links
from portal.events.models import Event, Registration
from tests.e2e.conftest import axe_violations
from tests.factories import ClusterFactory
from tests.portal.events.factories import EventFactory, days_from_now

# serialized_rollback keeps the reference data of migrations for the tests after these.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def events():
    dairy = ClusterFactory(
        slug="dairy", name_pl="Przemysł mleczarski", name_it="Industria lattiero-casearia"
    )
    EventFactory(
        slug="konferencja-mediolan",
        kind="conference",
        title_pl="Międzynarodowa konferencja klastrów",
        title_it="Conferenza internazionale dei cluster",
        description_pl="<p>Partnerzy projektu przedstawiają swoje klastry.</p>",
        description_it="<p>I partner del progetto presentano i loro cluster.</p>",
        programme_pl="<h2>Dzień pierwszy</h2><ul><li>Powitanie</li></ul>",
        time_zone="Europe/Rome",
        venue="Palazzo delle Stelline",
        town="Milano",
        country="IT",
        languages_spoken="it,en,pl",
        capacity=120,
        clusters=[dairy],
        is_milestone=True,
    )
    EventFactory(
        slug="szkolenie-online",
        kind="training",
        title_pl="Szkolenie online",
        is_online=True,
        venue="",
        town="",
        country="",
        starts_at=days_from_now(3),
        ends_at=days_from_now(3, hour=11),
        clusters=[dairy],
    )
    EventFactory(slug="odwolane", title_pl="Spotkanie odwołane", status="cancelled")
    EventFactory(
        slug="grupa-fokusowa",
        kind="focus_group",
        title_pl="Grupa fokusowa",
        report_pl="<p>Przyszło 18 osób.</p>",
        starts_at=days_from_now(-20),
        ends_at=days_from_now(-20, hour=13),
    )


@pytest.mark.parametrize("language", ["pl", "it"])
@pytest.mark.parametrize(
    "path",
    [
        "/events/",
        "/events/?kind=conference&cluster=dairy",
        "/events/?month=2030-13",
        "/events/past/",
        "/events/konferencja-mediolan/",
        "/events/szkolenie-online/",
        "/events/odwolane/",
        "/events/grupa-fokusowa/",
        # Registration: the form, the page after it, a refusal, a forged link.
        "/events/konferencja-mediolan/register/",
        "/events/konferencja-mediolan/register/sent/",
        "/events/grupa-fokusowa/register/",
        "/events/registration/confirm/forged/",
        "/events/registration/cancel/forged/",
    ],
)
def test_no_wcag_violations(page, live_server, events, language, path):
    page.goto(f"{live_server.url}/{language}{path}")
    page.wait_for_load_state("networkidle")

    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["pl", "it"])
def test_no_wcag_violations_on_the_links_e_mailed_to_a_registrant(
    page, live_server, events, language
):
    registration = Registration.objects.create(
        event=Event.objects.get(slug="konferencja-mediolan"),
        name="Giulia Bianchi",
        country="IT",
        email="giulia@example.it",
        language=language,
        consent_version="2026-11",
        consented_at=days_from_now(-1),
    )
    found = {}
    for name, token in (
        ("confirm", registration_links.confirm_token(registration)),
        ("cancel", registration_links.cancel_token(registration)),
    ):
        page.goto(f"{live_server.url}/{language}/events/registration/{name}/{token}/")
        page.wait_for_load_state("networkidle")
        found[name] = axe_violations(page)

    assert found == {"confirm": [], "cancel": []}
