"""Known and unknown addresses get the same answer: status, page and e-mails."""

import pytest

from tests.portal.members.conftest import request_code

pytestmark = pytest.mark.django_db


def answer(client, email, language="pl"):
    response = request_code(client, email, language=language)
    page = client.get(response["Location"]) if response.status_code == 302 else response
    html = page.content.decode()
    for token in (page.context["csrf_token"],) if page.context else ():
        html = html.replace(str(token), "")
    return response.status_code, response.get("Location"), page.status_code, html.replace(email, "")


def normalised(html):
    import re

    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'nonce="[^"]+"', "", html)


@pytest.mark.parametrize("unknown", ["nikt@nigdzie.example", "urzednik@urzad.example"])
def test_known_and_unknown_addresses_look_the_same(
    client, mailoutbox, partner, staff_user, unknown
):
    known = answer(client, partner.user.email)
    client.cookies.clear()
    sent_to_known = len(mailoutbox)
    mailoutbox.clear()

    other = answer(client, unknown)

    assert known[:3] == other[:3]
    assert normalised(known[3]) == normalised(other[3])
    assert len(mailoutbox) == sent_to_known == 1
    assert "AAAA" not in mailoutbox[0].body
