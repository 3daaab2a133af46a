"""Signed links and form stamps: signed with the portal's key, in an unexpected shape.

Whatever a token signed with the right key and salt carries, each page that reads it
answers with its "link is not valid" page (or, for a form, its polite refusal), never
with a 500.
"""

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzzing
from hypothesis import strategies as st

from offers import links as offer_links
from portal.common.humans import RENDERED_FIELD, RENDERED_SALT
from questionnaire import links as questionnaire_links
from questionnaire.views import STORAGE_PREFIX

pytestmark = pytest.mark.django_db

# name of the link's page, its salt, and whether a payload is of the shape it signs
LINKS = {
    "questionnaire:confirm": (questionnaire_links.CONFIRM_SALT, "uuid"),
    "questionnaire:resume": (questionnaire_links.RESUME_SALT, "id"),
    "offers:offer_renew": (offer_links.RENEW_SALT, "text"),
    "offers:alert_confirm": (offer_links.CONFIRM_SALT, "uuid"),
}
INVALID_TEXT = "This link is not valid"

PAYLOADS = {
    "a list": [1, 2, 3],
    "a string": "not what was signed",
    "a dict with missing keys": {},
    "a dict with a string for an id": {"id": "7"},
    "a huge int": 10**400,
    "a negative id": -5,
    "zero": 0,
    "None": None,
    "true": True,
    "a float": 1.5,
    "a string with a NUL byte": "OF-2026\x00-00001",
    "a long string": "9" * 5000,
    "a nested list": [[[[[]]]]],
}

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**18, max_value=10**40)
    | st.floats()
    | st.text(max_size=300),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


def link(name, payload):
    salt, _shape = LINKS[name]
    with translation.override("en"):
        return reverse(name, kwargs={"token": signing.dumps(payload, salt=salt)})


def assert_refused(client, url):
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400, (url, response.status_code)
        assert INVALID_TEXT in response.content.decode(), url


@pytest.mark.parametrize("name", LINKS)
@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_a_link_signed_with_the_real_key_but_an_unexpected_payload_is_not_valid(
    client, name, payload
):
    client.raise_request_exception = False

    assert_refused(client, link(name, payload))


def signed_raw(payload, salt):
    """A token over any bytes, as signing.dumps would sign its JSON."""
    return signing.TimestampSigner(salt=salt).sign(payload)


@pytest.mark.parametrize("name", LINKS)
@pytest.mark.parametrize(
    "payload",
    [
        "." + signing.b64_encode(b"not zlib data").decode(),  # "compressed", but not
        signing.b64_encode(b"[" * 100_000 + b"]" * 100_000).decode(),  # nested too deep
        signing.b64_encode(b"\xff\xfe not utf-8").decode(),
    ],
    ids=["broken compression", "deep nesting", "not utf-8"],
)
def test_a_token_signed_over_bytes_that_are_no_json_is_not_valid(client, name, payload):
    client.raise_request_exception = False
    salt, _shape = LINKS[name]
    with translation.override("en"):
        url = reverse(name, kwargs={"token": signed_raw(payload, salt)})

    assert_refused(client, url)


def test_a_renew_link_naming_no_offer_stays_not_valid(client):
    assert_refused(client, link("offers:offer_renew", "OF-1999-00001"))


def of_its_shape(shape, payload):
    if shape == "id":
        return type(payload) is int and 1 <= payload < 2**63
    if shape == "text":
        return type(payload) is str and len(payload) <= 200 and "\x00" not in payload
    return False  # no generated string is a UUID


@fuzzing(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=st.sampled_from(sorted(LINKS)), payload=JSON)
def test_any_signed_payload_gives_a_link_page_never_a_500(name, payload):
    client = Client(raise_request_exception=False)
    url = link(name, payload)

    response = client.get(url)

    if of_its_shape(LINKS[name][1], payload):
        # Of the right shape, naming nothing: the page for a link gone or not valid.
        assert response.status_code in {400, 410}, (url, response.status_code)
    else:
        assert response.status_code == 400, (url, response.status_code)
        assert INVALID_TEXT in response.content.decode()


@pytest.mark.parametrize(
    "stamp", [10**400, float("nan"), "1700000000", [1700000000], {"at": 1}, None, True]
)
def test_a_form_stamp_of_another_shape_is_refused_politely(client, stamp):
    client.raise_request_exception = False
    with translation.override("en"):
        url = reverse("questionnaire:step", kwargs={"step": "organisation"})
    client.get(url)

    response = client.post(
        url,
        {
            f"{STORAGE_PREFIX}-current_step": "organisation",
            RENDERED_FIELD: signing.dumps(stamp, salt=RENDERED_SALT),
            "organisation-name": "Serowarnia Narwiańska",
        },
    )

    assert response.status_code == 200
    assert "That was quicker than we expected." in response.content.decode()
    assert 'value="Serowarnia Narwiańska"' in response.content.decode()
