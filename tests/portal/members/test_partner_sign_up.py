"""A partner abroad registers in Italian and confirms the address by code."""

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext

from portal.members.forms import PRIVACY_NOTICE_VERSION
from portal.members.models import Member
from tests.portal.members.conftest import code_in

pytestmark = pytest.mark.django_db

FORM = {
    "first_name": "Lucia",
    "last_name": "Ferrari",
    "organisation_name": "Meccanica Ferrari Srl",
    "country": "IT",
    "email": "lucia.ferrari@meccanica.example",
    "privacy_acknowledged": "on",
}


def test_partner_registers_in_italian(client, mailoutbox):
    response = client.get("/it/account/sign-up/")
    assert 'href="/it/questionnaire/"' in response.content.decode()

    response = client.post("/it/account/sign-up/", FORM)

    assert response.status_code == 302
    # The code e-mailed now both confirms the address and signs the partner in.
    confirm_url = response["Location"]
    assert confirm_url.startswith("/it/account/")
    user = get_user_model().objects.get(email="lucia.ferrari@meccanica.example")
    assert not user.has_usable_password()
    assert not user.is_staff
    member = user.member
    assert member.kind == Member.Kind.PARTNER
    assert member.organisation_name == "Meccanica Ferrari Srl"
    assert member.country.code == "IT"
    assert member.language == "it"
    assert member.privacy_notice_version == PRIVACY_NOTICE_VERSION
    assert member.privacy_acknowledged_at is not None
    assert "_auth_user_id" not in client.session
    assert len(mailoutbox) == 1
    with translation.override("it"):
        assert gettext("Podlaskie clusters") in mailoutbox[0].subject
    assert "codice" in mailoutbox[0].body.lower()

    page = client.get(confirm_url)
    assert page.status_code == 200
    assert 'lang="it"' in page.content.decode()

    response = client.post(confirm_url, {"code": code_in(mailoutbox[0])})

    assert response.status_code == 302
    assert response["Location"] == "/it/account/"
    home = client.get("/it/account/")
    assert "Meccanica Ferrari Srl" in home.content.decode()
    assert "Italia" in home.content.decode()
    assert user.emailaddress_set.get().verified


def test_partner_must_read_the_privacy_information(client, mailoutbox):
    response = client.post("/it/account/sign-up/", {**FORM, "privacy_acknowledged": ""})

    assert response.status_code == 200
    assert not get_user_model().objects.filter(email=FORM["email"]).exists()
    assert mailoutbox == []
    with translation.override("it"):
        required = str(forms.Field.default_error_messages["required"])
    assert required in response.content.decode()
    assert 'value="Meccanica Ferrari Srl"' in response.content.decode()
