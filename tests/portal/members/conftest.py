import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.members.models import Member
from tests.factories import ContactPersonFactory

CODE = re.compile(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", re.MULTILINE)


def code_in(message):
    """The sign-in code printed on a line of its own in an allauth e-mail."""
    found = CODE.search(message.body)
    assert found, message.body
    return found.group(1)


@pytest.fixture
def confirmed_contact(db):
    """A contact person whose address a questionnaire confirmed: no account yet."""
    return ContactPersonFactory(
        first_name="Anna",
        last_name="Nowak",
        email="anna.nowak@mleczarnia.example",
        language="cs",
        email_confirmed_at=timezone.now(),
        organisation__name="Mleczarnia Podlaska",
    )


@pytest.fixture
def partner(db):
    user = get_user_model().objects.create_user(
        "marco", "marco.rossi@partner.example", first_name="Marco", last_name="Rossi"
    )
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return Member.objects.create(
        user=user,
        kind=Member.Kind.PARTNER,
        organisation_name="Officine Rossi",
        country="IT",
        language="it",
    )


@pytest.fixture
def staff_user(db):
    return get_user_model().objects.create_user(
        "urzednik", "urzednik@urzad.example", "Mleko-2026!", is_staff=True
    )


def request_code(client, email, language="pl"):
    return client.post(f"/{language}/account/sign-in/", {"login": email})


def confirm_code(client, code, language="pl"):
    return client.post(f"/{language}/account/sign-in/code/confirm/", {"code": code})


@pytest.fixture
def contact_member(confirmed_contact):
    """The confirmed contact person's member account (made as a code request makes it)."""
    from portal.members.services import member_for_contact_email

    return member_for_contact_email(email=confirmed_contact.email)


def sign_in_member(client, member):
    client.force_login(member.user, backend="portal.members.signin.MemberBackend")
    return client
