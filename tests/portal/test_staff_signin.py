"""Staff sign-in through the real admin login form: lockout, idle sessions, two factors."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "Mleko-2026!"
LOGIN = "/pl/admin/login/?next=/pl/admin/"
START = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.fixture
def staff():
    return get_user_model().objects.create_user(
        "urzednik", "urzednik@urzad.example", PASSWORD, is_staff=True
    )


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def sign_in(client, password=PASSWORD, code=None, url=LOGIN):
    data = {"username": "urzednik", "password": password, "next": "/pl/admin/"}
    if code is not None:
        data["otp_token"] = code
    return client.post(url, data)


def signed_in(client):
    return "_auth_user_id" in client.session


def code_for(device, shift=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.drift += shift
    return f"{totp.token():0{device.digits}d}"


def wrong_code_for(device):
    accepted = {code_for(device, shift) for shift in (-1, 0, 1)}
    return next(f"{n:06d}" for n in range(1, 10) if f"{n:06d}" not in accepted)


def wrong_code_message():
    return gettext(
        "This code is wrong or has already been used. Enter the current code "
        "from your authenticator app."
    )


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# Lockout (django-axes)


def test_staff_are_locked_out_after_the_configured_number_of_failures(
    client, staff, settings, clock
):
    settings.AXES_FAILURE_LIMIT = 3

    for _attempt in range(2):
        response = sign_in(client, password="wrong")
        assert response.status_code == 200
        assert not signed_in(client)
    response = sign_in(client, password="wrong")
    assert response.status_code == 429

    # The right password is refused now, with the lockout page in the reader's language.
    response = sign_in(client, url="/en/admin/login/?next=/en/admin/")
    assert response.status_code == 429
    assert not signed_in(client)
    assert response.headers["Retry-After"] == "3600"
    try_again_at = timezone.localtime(START + timedelta(hours=1)).strftime("%H:%M")
    with translation.override("en"):
        assert gettext("Sign-in locked") in response.text
        assert try_again_at in response.text
    assert '<html lang="en"' in response.text

    attempt = AccessAttempt.objects.get(username="urzednik")
    assert attempt.ip_address == "127.0.0.1"
    assert attempt.failures_since_start >= 3
    assert AccessFailureLog.objects.filter(username="urzednik", locked_out=False).count() == 2
    assert AccessFailureLog.objects.filter(username="urzednik", locked_out=True).exists()

    # After the cool-off the right password signs in.
    clock.shift(timedelta(hours=1, minutes=1))
    response = sign_in(client)
    assert response.status_code == 302
    assert response.url == "/pl/admin/"
    assert signed_in(client)


def test_lockout_counts_one_address_and_user_name_together(client, staff, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _attempt in range(2):
        sign_in(client, password="wrong")

    other_address = client.post(
        LOGIN, {"username": "urzednik", "password": PASSWORD}, REMOTE_ADDR="10.1.2.3"
    )

    assert sign_in(client).status_code == 429
    assert other_address.status_code == 302


def test_test_client_login_still_works_beside_axes(client, staff):
    assert client.login(username="urzednik", password=PASSWORD)
    assert client.get("/pl/admin/").status_code == 200


# Staff sessions end after inactivity


def test_idle_staff_session_ends_and_admin_sends_to_sign_in(client, staff, settings, clock):
    settings.STAFF_SESSION_IDLE_MINUTES = 30
    assert sign_in(client).status_code == 302
    assert client.get("/pl/admin/").status_code == 200

    # Activity keeps the session alive...
    clock.shift(timedelta(minutes=20))
    assert client.get("/pl/admin/").status_code == 200
    clock.shift(timedelta(minutes=20))
    assert client.get("/pl/admin/").status_code == 200

    # ...idleness ends it.
    clock.shift(timedelta(minutes=31))
    response = client.get("/pl/admin/offers/offer/")

    assert response.status_code == 302
    assert response.url == "/pl/admin/login/?next=/pl/admin/offers/offer/"
    assert not signed_in(client)
    with translation.override("pl"):
        expected = ngettext(
            "You were signed out after %(minutes)d minute without activity.",
            "You were signed out after %(minutes)d minutes without activity.",
            30,
        ) % {"minutes": 30}
    assert messages_of(response) == [expected]


def test_idle_staff_on_a_public_page_sees_it_signed_out(client, staff, settings, clock):
    client.force_login(staff)
    client.get("/pl/")
    clock.shift(timedelta(minutes=settings.STAFF_SESSION_IDLE_MINUTES + 1))

    response = client.get("/pl/")

    assert response.status_code == 200
    assert not signed_in(client)


def test_public_visitors_sessions_are_not_affected(client, clock):
    session = client.session
    session["questionnaire_wizard"] = {"step": "company"}
    session.save()
    client.get("/pl/")

    clock.shift(timedelta(hours=3))
    client.get("/pl/")

    assert client.session["questionnaire_wizard"] == {"step": "company"}


# Two-factor sign-in (TOTP)


def test_staff_set_up_an_authenticator_app(client, staff, clock):
    client.force_login(staff)

    response = client.get("/pl/admin/two-factor/")

    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=staff)
    assert not device.confirmed
    assert "<svg" in response.text
    secret = response.context["secret"]
    assert secret.replace(" ", "") in response.text.replace(" ", "")
    assert "otpauth://" not in response.text  # only inside the QR code

    # The page shows the same device on the next visit.
    client.get("/pl/admin/two-factor/")
    assert TOTPDevice.objects.filter(user=staff).count() == 1

    response = client.post("/pl/admin/two-factor/", {"otp_token": wrong_code_for(device)})
    assert response.status_code == 200
    device.refresh_from_db()
    assert not device.confirmed
    with translation.override("pl"):
        assert wrong_code_message() in response.text

    clock.shift(5)  # django-otp waits a moment after a wrong code
    response = client.post("/pl/admin/two-factor/", {"otp_token": code_for(device)})

    assert response.status_code == 302
    assert response.url == "/pl/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id


def test_with_an_app_sign_in_asks_for_its_code(client, staff, clock):
    device = TOTPDevice.objects.create(user=staff, name="Telefon", confirmed=True)

    # The password alone is not enough.
    response = sign_in(client)
    assert response.status_code == 200
    assert not signed_in(client)
    with translation.override("pl"):
        assert gettext("Enter the six-digit code from your authenticator app.") in response.text

    # A wrong code is refused, and counted as a failed sign-in.
    response = sign_in(client, code=wrong_code_for(device))
    assert response.status_code == 200
    assert not signed_in(client)
    with translation.override("pl"):
        assert wrong_code_message() in response.text
    assert AccessAttempt.objects.get(username="urzednik").failures_since_start == 1

    # The right code admits.
    clock.shift(5)
    code = code_for(device)
    response = sign_in(client, code=code)
    assert response.status_code == 302
    assert response.url == "/pl/admin/"
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get("/pl/admin/").status_code == 200

    # The same code cannot be used twice.
    client.post("/pl/admin/logout/")
    response = sign_in(client, code=code)
    assert response.status_code == 200
    assert not signed_in(client)


def test_staff_with_an_app_signed_in_without_its_code_must_sign_in_again(client, staff):
    TOTPDevice.objects.create(user=staff, name="Telefon", confirmed=True)
    client.force_login(staff)

    response = client.get("/pl/admin/")

    assert response.status_code == 302
    assert response.url.startswith("/pl/admin/login/")
    assert not signed_in(client)


def test_without_the_setting_staff_need_no_second_factor(client, staff, settings):
    settings.STAFF_2FA_REQUIRED = False
    assert sign_in(client).status_code == 302
    assert client.get("/pl/admin/").status_code == 200


def test_when_required_staff_without_an_app_reach_only_its_set_up(client, staff, settings, clock):
    settings.STAFF_2FA_REQUIRED = True

    response = sign_in(client)
    assert response.status_code == 302
    for url in ("/pl/admin/", "/pl/admin/offers/offer/", "/pl/admin/auth/user/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == "/pl/admin/two-factor/"

    response = client.get("/pl/admin/two-factor/")
    assert response.status_code == 200
    assert "<svg" in response.text

    device = TOTPDevice.objects.get(user=staff)
    response = client.post("/pl/admin/two-factor/", {"otp_token": code_for(device)})
    assert response.status_code == 302
    assert client.get("/pl/admin/").status_code == 200
