"""The member's offer alerts: listed, made, changed and deleted, without an e-mail to confirm."""

import pytest
from django.core import mail
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzzing
from hypothesis import strategies as st

from offers import selectors as offers
from offers.models import SavedSearch
from offers.services import alerts
from tests.portal.members.conftest import sign_in_member

pytestmark = pytest.mark.django_db

FUZZ = fuzzing(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
EMAIL = "anna.nowak@mleczarnia.example"


@pytest.fixture
def anna(client, contact_member):
    sign_in_member(client, contact_member)
    return contact_member


def an_alert(email=EMAIL, query="mleko", **filters):
    return alerts.alert_create_confirmed(email=email, language="pl", query=query, filters=filters)


@pytest.mark.parametrize(
    "url",
    [
        "/pl/account/alerts/",
        "/pl/account/alerts/new/",
        "/pl/account/alerts/1/",
        "/pl/account/alerts/1/delete/",
    ],
)
def test_anonymous_is_sent_to_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/pl/account/sign-in/?next={url}"


def test_making_an_alert_needs_no_confirmation(client, anna, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/it/account/alerts/new/", {"q": " siero  latte ", "cluster": "dairy", "kind": ""}
        )

    assert response.status_code == 302
    assert response["Location"] == "/it/account/alerts/"
    alert = SavedSearch.objects.get()
    assert (alert.email, alert.language, alert.query, alert.filters) == (
        EMAIL,
        "it",
        "siero latte",
        {"cluster": "dairy"},
    )
    assert alert.confirmed_at is not None
    assert mail.outbox == []  # her address is confirmed: nothing to confirm
    page = client.get(response["Location"]).content.decode()
    assert "Il Suo avviso è salvato." in page
    assert "siero latte" in page

    # The same form sent twice makes one alert.
    client.post("/it/account/alerts/new/", {"q": "siero latte", "cluster": "dairy"})
    assert SavedSearch.objects.count() == 1


def test_a_wrong_choice_is_refused_and_what_was_typed_is_kept(client, anna):
    response = client.post("/de/account/alerts/new/", {"q": "Käse", "kind": "nonsense"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Bitte eine gültige Auswahl treffen." in content
    assert 'value="Käse"' in content
    assert not SavedSearch.objects.exists()


@pytest.mark.parametrize("count", [1, 12])
def test_list_shows_only_her_alerts(client, anna, django_assert_num_queries, count):
    for number in range(count):
        an_alert(query=f"mleko{number}", cluster="dairy", activity="10.51", kind="business_offer")
    an_alert(query="ser")
    an_alert(email="someone@else.example", query="obcy")
    client.get("/pl/account/alerts/")

    # The session, the user, the member; her alerts; the clusters and the NACE
    # classes they name.
    with django_assert_num_queries(6):
        response = client.get("/pl/account/alerts/")

    content = response.content.decode()
    assert "mleko0" in content and "ser" in content
    assert "obcy" not in content
    described = offers.describe_search("mleko0", SavedSearch.objects.last().filters, "pl")
    assert [label for label, _value in described] == [
        "Szukane słowa",
        "Rodzaj oferty",
        "Klaster",
        "Działalność (NACE)",
    ]
    for _label, value in described[1:]:
        assert content.count(f'<dd class="col-sm-8">{value}</dd>') == count


def test_a_list_describes_each_search_as_one_alone(anna):
    filters = {"cluster": "dairy", "activity": "10.51", "kind": "business_offer", "country": "IT"}
    gone = {"cluster": "no-such-cluster", "target": "DE"}

    for language in ("pl", "hu"):
        assert offers.describe_searches([("mleko", filters), ("", gone)], language) == [
            offers.describe_search("mleko", filters, language),
            offers.describe_search("", gone, language),
        ]


def test_list_queries_with_no_alert(client, anna, django_assert_num_queries):
    client.get("/pl/account/alerts/")

    with django_assert_num_queries(4):
        response = client.get("/pl/account/alerts/")

    assert "Nie mają Państwo jeszcze powiadomień." in response.content.decode()


def test_form_queries(client, anna, django_assert_num_queries):
    alert = an_alert()
    client.get("/pl/account/alerts/new/")

    # The session, the user, the member; the clusters and the activities offered.
    with django_assert_num_queries(5):
        client.get("/pl/account/alerts/new/")
    # ... and the alert.
    with django_assert_num_queries(6):
        response = client.get(f"/pl/account/alerts/{alert.pk}/")

    assert 'value="mleko"' in response.content.decode()


def test_changing_an_alert(client, anna):
    alert = an_alert(query="mleko", cluster="dairy")

    response = client.post(f"/en/account/alerts/{alert.pk}/", {"q": "cheese", "kind": ""})

    assert response["Location"] == "/en/account/alerts/"
    alert.refresh_from_db()
    assert (alert.query, alert.filters, alert.language) == ("cheese", {}, "en")


def test_deleting_an_alert(client, anna):
    alert = an_alert()
    assert "mleko" in client.get(f"/pl/account/alerts/{alert.pk}/delete/").content.decode()

    response = client.post(f"/pl/account/alerts/{alert.pk}/delete/")

    assert response["Location"] == "/pl/account/alerts/"
    assert not SavedSearch.objects.exists()
    # Posted again: the alert is gone, nothing else happens.
    assert client.post(f"/pl/account/alerts/{alert.pk}/delete/").status_code == 404


@pytest.mark.parametrize("action", ["", "delete/"])
def test_another_persons_alert_is_a_404(client, anna, action):
    theirs = an_alert(email="someone@else.example")

    assert client.get(f"/pl/account/alerts/{theirs.pk}/{action}").status_code == 404
    assert client.post(f"/pl/account/alerts/{theirs.pk}/{action}", {"q": "x"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.query == "mleko"


@FUZZ
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            name: st.one_of(
                st.text(max_size=300),
                st.text(alphabet="\x00é€日本 ab-", max_size=40),
                st.just("x" * 100_000),
                st.sampled_from(["dairy", "business_offer", "PL", "10.51", "commercial"]),
            )
            for name in ("q", "kind", "cluster", "cooperation", "country", "target", "activity")
        },
    )
)
def test_alert_form_never_fails(client, contact_member, data):
    sign_in_member(client, contact_member)

    response = client.post("/pl/account/alerts/new/", data)

    assert response.status_code in (200, 302)
