import datetime
import email.policy
import io
import re
import time
import uuid
from unittest import mock

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy, ngettext

from companies.models import Cluster
from offers import emails, links
from offers.models import Offer, SavedSearch
from offers.services import alerts
from offers.views import alerts as views
from portal.common.humans import HONEYPOT_FIELD, RENDERED_FIELD, RENDERED_SALT
from tests.offers.factories import OfferFactory, add_translation

pytestmark = pytest.mark.django_db

EMAIL = "giulia.rossi@caseificio.example"
HOUR = datetime.timedelta(hours=1)


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def in_language(language, text):
    with translation.override(language):
        return str(text)


def links_in(body):
    return re.findall(r"http://testserver/\S+", body)


def make_alert(*, email=EMAIL, language="en", query="", filters=None, confirmed_at=None):
    """An alert made by the service, confirmed an hour ago unless told otherwise."""
    alert = alerts.alert_create(email=email, language=language, query=query, filters=filters or {})
    return alerts.alert_confirm(alert=alert, now=confirmed_at or timezone.now() - HOUR)


def expire(offer):
    """Past its date, but no job has marked it expired yet: status still published."""
    Offer.objects.filter(pk=offer.pk).update(expires_at=timezone.now() - datetime.timedelta(1))


# Asking for an alert: the service and its e-mail -------------------------------


def test_alert_create_makes_an_unconfirmed_alert_and_mails_a_signed_link(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        alert = alerts.alert_create(
            email=f" {EMAIL} ",
            language="it",
            query="formaggi",
            filters={"cluster": "dairy", "kind": "business_offer"},
        )

    alert.refresh_from_db()
    assert (alert.email, alert.language, alert.query) == (EMAIL, "it", "formaggi")
    assert alert.filters == {"cluster": "dairy", "kind": "business_offer"}
    assert alert.consent_version == alerts.CONSENT_VERSION
    assert alert.confirmed_at is None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    assert message.subject == in_language(
        "it", gettext_lazy("Confirm your alert for new co-operation offers")
    )
    confirm_link, unsubscribe_link = links_in(message.body)
    token = confirm_link.removeprefix("http://testserver/it/offers/alerts/confirm/").rstrip("/")
    assert signing.loads(token, salt="offers.alert") == str(alert.token)
    assert unsubscribe_link == f"http://testserver/it/offers/alerts/unsubscribe/{alert.token}/"
    assert message.extra_headers == {
        "List-Unsubscribe": f"<{unsubscribe_link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    # As SMTP sends it: the URL on one line, not folded into an encoded word.
    raw = message.message(policy=email.policy.SMTP).as_bytes().decode()
    assert f"\r\nList-Unsubscribe: <{unsubscribe_link}>\r\n" in raw
    assert "\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in raw
    cluster = Cluster.objects.get(slug="dairy")
    with translation.override("it"):
        assert f"- {gettext('Words')}: formaggi" in message.body
        assert f"- {gettext('Cluster')}: {cluster.name}" in message.body
        assert f"- {gettext('Kind of offer')}: {Offer.Kind.BUSINESS_OFFER.label}" in message.body


def test_the_same_search_asked_twice_before_confirming_makes_one_alert(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        first = alerts.alert_create(
            email=EMAIL, language="en", query="", filters={"cluster": "dairy"}
        )
        second = alerts.alert_create(
            email=EMAIL.upper(), language="en", query="", filters={"cluster": "dairy"}
        )

    assert second.pk == first.pk
    assert SavedSearch.objects.count() == 1
    assert len(mail.outbox) == 2  # the link is sent again


def test_unconfirmed_alerts_are_deleted_when_their_link_has_expired():
    old = alerts.alert_create(email=EMAIL, language="en", query="", filters={})
    recent = alerts.alert_create(email="other@example.com", language="en", query="", filters={})
    confirmed = make_alert(email="confirmed@example.com")
    eight_days_ago = timezone.now() - datetime.timedelta(days=8)
    SavedSearch.objects.filter(pk__in=[old.pk, confirmed.pk]).update(created_at=eight_days_ago)

    assert alerts.alerts_delete_unconfirmed() == 1

    assert set(SavedSearch.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}


# Digests ----------------------------------------------------------------------


def test_no_digest_before_the_alert_is_confirmed():
    alerts.alert_create(email=EMAIL, language="en", query="", filters={})
    OfferFactory()

    run = alerts.alerts_send_digests()

    assert (run.checked, run.sent) == (0, 0)
    assert mail.outbox == []


def test_digest_lists_new_matching_live_offers_with_links_in_the_alerts_language():
    dairy = Cluster.objects.get(slug="dairy")
    machines = Cluster.objects.get(slug="agricultural-machinery")
    before = OfferFactory(
        title="Mleko w proszku", clusters=[dairy], published_at=timezone.now() - 2 * HOUR
    )
    alert = make_alert(language="it", filters={"cluster": "dairy"})
    translated = OfferFactory(title="Sery dojrzewające", clusters=[dairy])
    add_translation(translated, "it", title="Formaggi stagionati", summary="Cerchiamo partner.")
    untranslated = OfferFactory(title="Masło ekstra", clusters=[dairy])
    other_cluster = OfferFactory(title="Przyczepy rolnicze", clusters=[machines])
    expired = OfferFactory(title="Jogurty naturalne", clusters=[dairy])
    expire(expired)
    draft = OfferFactory(title="Kefiry", clusters=[dairy], published=False)

    now = timezone.now()
    run = alerts.alerts_send_digests(now=now)

    assert (run.checked, run.sent, run.offers) == (1, 1, 2)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    with translation.override("it"):
        assert message.subject == ngettext(
            "%(counter)s new co-operation offer matches your alert",
            "%(counter)s new co-operation offers match your alert",
            2,
        ) % {"counter": 2}
        fallback = gettext("not yet translated; in %(language)s") % {
            "language": translation.get_language_info("pl")["name_translated"]
        }
    body = message.body
    assert f"{translated.reference}: Formaggi stagionati\n" in body
    assert f"{untranslated.reference}: Masło ekstra ({fallback})\n" in body
    # Newest first.
    assert body.index(untranslated.reference) < body.index(translated.reference)
    for offer in (before, other_cluster, expired, draft):
        assert offer.reference not in body
    unsubscribe = f"http://testserver/it/offers/alerts/unsubscribe/{alert.token}/"
    assert links_in(body) == [
        f"http://testserver/it/offers/{untranslated.reference}/",
        f"http://testserver/it/offers/{translated.reference}/",
        unsubscribe,
    ]
    assert message.extra_headers == {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    alert.refresh_from_db()
    assert alert.last_sent_at == now


def test_digests_run_twice_the_same_day_send_nothing_new():
    make_alert()
    first = OfferFactory()

    alerts.alerts_send_digests()
    alerts.alerts_send_digests()

    assert len(mail.outbox) == 1
    assert first.reference in mail.outbox[0].body

    second = OfferFactory()
    alerts.alerts_send_digests()

    assert len(mail.outbox) == 2
    assert second.reference in mail.outbox[1].body
    assert first.reference not in mail.outbox[1].body


def test_no_digest_when_nothing_matches_and_the_date_is_kept():
    alert = make_alert(filters={"kind": "technology_request"})
    OfferFactory(kind=Offer.Kind.BUSINESS_OFFER)

    run = alerts.alerts_send_digests()

    assert (run.checked, run.sent) == (1, 0)
    assert mail.outbox == []
    alert.refresh_from_db()
    assert alert.last_sent_at is None


def test_an_expired_offer_is_in_no_digest():
    make_alert()
    offer = OfferFactory()
    expire(offer)

    alerts.alerts_send_digests()

    assert mail.outbox == []


def test_an_alert_whose_filter_no_longer_exists_sends_nothing_rather_than_everything():
    cluster = Cluster.objects.create(slug="honey", name="Honey")
    make_alert(filters={"cluster": "honey"})
    cluster.delete()
    OfferFactory()

    run = alerts.alerts_send_digests()

    assert (run.checked, run.sent) == (1, 0)
    assert mail.outbox == []


def test_digest_searches_the_words_in_the_alerts_language():
    make_alert(language="en", query="cheese")
    cheese = OfferFactory(title="Sery dojrzewające")
    add_translation(cheese, "en", title="Ripened cheese", summary="Distributors wanted.")
    butter = OfferFactory(title="Masło ekstra")
    add_translation(butter, "en", title="Butter", summary="Distributors wanted.")

    alerts.alerts_send_digests()

    assert len(mail.outbox) == 1
    assert f"{cheese.reference}: Ripened cheese" in mail.outbox[0].body
    assert butter.reference not in mail.outbox[0].body


def test_a_long_digest_lists_the_newest_offers_then_links_to_the_list(monkeypatch):
    monkeypatch.setattr(emails, "DIGEST_MAX_OFFERS", 2)
    make_alert(query="", filters={"cluster": "dairy"})
    dairy = Cluster.objects.get(slug="dairy")
    offers = [OfferFactory(clusters=[dairy]) for _ in range(3)]

    alerts.alerts_send_digests()

    body = mail.outbox[0].body
    assert offers[0].reference not in body
    assert offers[1].reference in body and offers[2].reference in body
    assert "http://testserver/en/offers/?cluster=dairy" in links_in(body)


def test_management_command_prints_the_counts():
    make_alert()
    OfferFactory()
    out = io.StringIO()

    call_command("offer_alerts", stdout=out)

    assert out.getvalue().splitlines() == [
        "Alerts checked: 1.",
        "Digests sent: 1 (offers listed: 1).",
        "Unconfirmed alerts deleted: 0.",
    ]
    assert len(mail.outbox) == 1


# The form ---------------------------------------------------------------------


def rendered(seconds_ago=10):
    return signing.dumps(time.time() - seconds_ago, salt=RENDERED_SALT)


def form_data(**changes):
    return {"email": EMAIL, "consent": "on", RENDERED_FIELD: rendered(), **changes}


SEARCH = "?q=cheese&cluster=dairy&kind=business_offer&sort=newest&page=2"


def test_form_shows_the_search_in_words(client):
    response = client.get(url("offers:alert_create") + SEARCH)

    assert response.status_code == 200
    assert response.context["search"] == [
        ("Words", "cheese"),
        ("Kind of offer", "business offer"),
        ("Cluster", in_language("en", Cluster.objects.get(slug="dairy").name)),
    ]
    content = response.content.decode()
    assert '<dt class="d-inline">Words:</dt>' in content
    assert '<dd class="d-inline">cheese</dd>' in content
    assert response.context["dropped"] is False
    assert response.headers["Cache-Control"].startswith("max-age=0")


def test_form_with_no_filters_asks_for_all_new_offers(client):
    response = client.get(url("offers:alert_create"))

    assert response.context["search"] == []
    assert "All new offers, in every cluster and country." in response.content.decode()


def test_form_leaves_out_unknown_filters_and_says_so(client):
    response = client.get(url("offers:alert_create") + "?cluster=nope&kind=business_offer")

    assert response.context["search"] == [("Kind of offer", "business offer")]
    assert response.context["dropped"] is True
    assert "Some filters in the address of this page were not recognised" in (
        response.content.decode()
    )


def test_form_posted_makes_an_unconfirmed_alert_for_the_search(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("offers:alert_create", "de") + SEARCH, form_data())

    assert response.status_code == 200
    assert EMAIL in response.content.decode()
    alert = SavedSearch.objects.get()
    assert (alert.email, alert.language, alert.query, alert.confirmed_at) == (
        EMAIL,
        "de",
        "cheese",
        None,
    )
    assert alert.filters == {"cluster": "dairy", "kind": "business_offer"}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == in_language(
        "de", gettext_lazy("Confirm your alert for new co-operation offers")
    )


def test_form_without_consent_makes_no_alert_and_keeps_the_address(client):
    response = client.post(url("offers:alert_create") + SEARCH, form_data(consent=""))

    assert response.status_code == 200
    assert response.context["form"].errors == {"consent": ["This field is required."]}
    assert f'value="{EMAIL}"' in response.content.decode()
    assert SavedSearch.objects.count() == 0


def test_form_filled_by_a_robot_makes_no_alert(client):
    response = client.post(url("offers:alert_create"), form_data(**{HONEYPOT_FIELD: "123"}))

    assert response.status_code == 200
    assert [str(message) for message in response.context["messages"]] == [
        "We could not accept this page. Please check your answers and press the button again."
    ]
    assert SavedSearch.objects.count() == 0


def test_form_is_rate_limited_per_email_address(client, django_capture_on_commit_callbacks):
    limit = int(views.RATE_PER_EMAIL.split("/")[0])
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(limit):
            response = client.post(
                url("offers:alert_create") + f"?q=word{number}",
                form_data(),
                REMOTE_ADDR=f"10.0.0.{number}",
            )
            assert response.status_code == 200
        response = client.post(url("offers:alert_create"), form_data(), REMOTE_ADDR="10.0.1.1")

    assert response.status_code == 429
    assert SavedSearch.objects.count() == limit
    assert len(mail.outbox) == limit


def test_form_is_rate_limited_per_client_address(client):
    limit = int(views.RATE_PER_ADDRESS.split("/")[0])
    for number in range(limit):
        client.post(url("offers:alert_create"), form_data(email=f"person{number}@example.com"))

    response = client.post(url("offers:alert_create"), form_data(email="last@example.com"))

    assert response.status_code == 429
    assert SavedSearch.objects.count() == limit


def test_form_with_a_nul_byte_gives_a_form_error(client):
    response = client.post(url("offers:alert_create") + "?q=a%00b", form_data(email="a\x00@b.c"))

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert SavedSearch.objects.count() == 0


# Confirming -------------------------------------------------------------------


def confirm_url(alert, language="en"):
    return url("offers:alert_confirm", language, token=links.confirmation_token(alert))


def test_confirm_link_shows_a_button_and_only_post_confirms(client):
    alert = alerts.alert_create(
        email=EMAIL, language="en", query="cheese", filters={"cluster": "dairy"}
    )

    response = client.get(confirm_url(alert))

    assert response.status_code == 200
    assert "Press the button to receive e-mails about new offers" in response.content.decode()
    assert '<dd class="d-inline">cheese</dd>' in response.content.decode()
    alert.refresh_from_db()
    assert alert.confirmed_at is None

    response = client.post(confirm_url(alert))

    assert response.status_code == 200
    assert "Your alert is on" in response.content.decode()
    alert.refresh_from_db()
    assert alert.confirmed_at is not None
    confirmed_at = alert.confirmed_at

    client.post(confirm_url(alert))  # a second press changes nothing
    alert.refresh_from_db()
    assert alert.confirmed_at == confirmed_at


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        signing.dumps("not-a-uuid", salt="offers.alert"),
        signing.dumps(str(uuid.uuid4())),
    ],
)
def test_a_forged_confirm_link_gives_a_400_page(client, token):
    response = client.get(url("offers:alert_confirm", token=token))

    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()


def test_an_expired_confirm_link_gives_a_410_page(client):
    alert = alerts.alert_create(email=EMAIL, language="en", query="", filters={})
    eight_days_ago = time.time() - 8 * 86400
    with mock.patch("django.core.signing.time.time", return_value=eight_days_ago):
        token = links.confirmation_token(alert)

    response = client.post(url("offers:alert_confirm", token=token))

    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert "A link to confirm an alert is valid for 7 days." in response.content.decode()
    alert.refresh_from_db()
    assert alert.confirmed_at is None


def test_the_confirm_link_of_an_unsubscribed_alert_gives_a_410_page(client):
    alert = alerts.alert_create(email=EMAIL, language="en", query="", filters={})
    link = confirm_url(alert)
    alerts.alert_unsubscribe(alert.token)

    response = client.get(link)

    assert response.status_code == 410
    assert "This alert no longer exists" in response.content.decode()


# Unsubscribing ----------------------------------------------------------------


def test_one_click_unsubscribe_works_without_a_csrf_token():
    alert = make_alert()
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(
        url("offers:alert_unsubscribe", token=alert.token),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert "You have unsubscribed" in response.content.decode()
    assert SavedSearch.objects.count() == 0


def test_the_unsubscribe_link_from_a_digest_stops_the_digests():
    make_alert()
    OfferFactory()
    alerts.alerts_send_digests()
    link = links_in(mail.outbox[0].body)[-1]

    Client(enforce_csrf_checks=True).post(link.removeprefix("http://testserver"))
    OfferFactory()
    run = alerts.alerts_send_digests()

    assert (run.checked, run.sent) == (0, 0)
    assert len(mail.outbox) == 1


def test_unsubscribe_page_asks_first(client):
    alert = make_alert(filters={"kind": "research"})

    response = client.get(url("offers:alert_unsubscribe", token=alert.token))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Press the button to stop receiving e-mails" in content
    assert '<dd class="d-inline">research partnership</dd>' in content
    assert SavedSearch.objects.count() == 1


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_unsubscribe_token_says_already_unsubscribed(client, method):
    response = getattr(client, method)(url("offers:alert_unsubscribe", token=uuid.uuid4()))

    assert response.status_code == 200
    assert "Already unsubscribed" in response.content.decode()


def test_an_unsubscribe_link_that_is_not_a_token_is_a_404(client):
    response = client.get("/en/offers/alerts/unsubscribe/not-a-token/")

    assert response.status_code == 404
