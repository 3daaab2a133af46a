"""The demo members: one of each kind, each able to ask for a code; a second run adds none."""

import pytest
from django.core.management import call_command

from portal.members.models import Member

pytestmark = pytest.mark.django_db


def test_load_demo_makes_a_member_of_each_kind(capsys):
    call_command("load_demo")
    call_command("load_demo")
    output = capsys.readouterr().out

    kinds = sorted(Member.objects.values_list("kind", flat=True))
    assert kinds == [Member.Kind.CONTACT, Member.Kind.PARTNER]
    contact = Member.objects.get(kind=Member.Kind.CONTACT)
    assert contact.contact.email_confirmed_at is not None
    assert contact.organisation == contact.contact.organisation
    assert "Demo member (partner)" in output
    assert not Member.objects.filter(user__is_staff=True).exists()
