"""Sign-in codes: used once, expiring, void after wrong tries, rate-limited; messages in Czech."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.messages import get_messages
from django.utils import translation
from django.utils.translation import gettext

from tests.portal.members.conftest import code_in, confirm_code, request_code

pytestmark = pytest.mark.django_db

WRONG_OR_EXPIRED = (
    "This code is wrong or no longer valid. Check the code in the e-mail, or ask for a new one."
)
TOO_MANY = "Too many attempts. Wait a while, then ask for a new sign-in code."


def czech(message):
    with translation.override("cs"):
        translated = gettext(message)
    assert translated != message
    return translated


def signed_in(client):
    return "_auth_user_id" in client.session


def test_a_code_signs_in_once(client, mailoutbox, partner):
    request_code(client, partner.user.email, language="cs")
    code = code_in(mailoutbox[0])
    confirm_code(client, code, language="cs")
    assert signed_in(client)
    client.post("/cs/account/sign-out/")

    response = confirm_code(client, code, language="cs")

    assert not signed_in(client)
    assert response.status_code == 302
    assert response["Location"].startswith("/cs/account/sign-in/")


def test_an_expired_code_is_refused(client, mailoutbox, partner):
    with time_machine.travel("2026-12-01 09:00 +0000", tick=False) as clock:
        request_code(client, partner.user.email, language="cs")
        code = code_in(mailoutbox[0])
        clock.shift(timedelta(seconds=settings.ACCOUNT_LOGIN_BY_CODE_TIMEOUT + 1))

        response = confirm_code(client, code, language="cs")

    assert not signed_in(client)
    assert response.status_code == 302
    assert response["Location"].startswith("/cs/account/sign-in/")


def test_wrong_codes_void_the_code(client, mailoutbox, partner):
    request_code(client, partner.user.email, language="cs")
    code = code_in(mailoutbox[0])

    for _attempt in range(settings.ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS - 1):
        response = confirm_code(client, "AAAA-AAAA", language="cs")
        assert response.status_code == 200
        assert czech(WRONG_OR_EXPIRED) in response.content.decode()
    response = confirm_code(client, "AAAA-AAAA", language="cs")

    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)][-1] == czech(TOO_MANY)
    response = confirm_code(client, code, language="cs")
    assert not signed_in(client)
    assert response.status_code == 302


def test_codes_per_address_are_limited(client, mailoutbox, partner, settings):
    settings.ACCOUNT_RATE_LIMITS = {"request_login_code": "10/h/ip,2/h/key"}
    for _attempt in range(2):
        assert request_code(client, partner.user.email, language="cs").status_code == 302
        client.cookies.clear()

    response = request_code(client, partner.user.email, language="cs")

    assert response.status_code == 200
    assert czech(TOO_MANY) in response.content.decode()
    assert 'lang="cs"' in response.content.decode()
    assert len(mailoutbox) == 2


def test_codes_per_client_are_limited(client, mailoutbox, settings):
    settings.ACCOUNT_RATE_LIMITS = {"request_login_code": "3/h/ip,2/h/key"}
    for number in range(3):
        response = request_code(client, f"someone{number}@example.org", language="cs")
        assert response.status_code == 302
        client.cookies.clear()

    response = request_code(client, "someone-else@example.org", language="cs")

    assert response.status_code == 200
    assert czech(TOO_MANY) in response.content.decode()
    assert len(mailoutbox) == 3
