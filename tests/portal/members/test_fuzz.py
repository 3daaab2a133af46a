"""Fuzzing every form of the member area and of the sign-in and sign-up pages.

The forms are not listed: the member pages are walked from the resolver
(tests/portal/members/area.py), opened by a member, and every <form method="post">
they show is read from the HTML and posted back with generated values (text with
NUL characters, very long strings, any unicode, choices the form does not offer,
fields left out). The answer is the form again with its errors, or a redirect
after success; never a server error.
"""

from urllib.parse import urljoin

import pytest
from django.test import Client
from django.urls import resolve, reverse
from django.utils import translation
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as fuzzing
from hypothesis import strategies as st

from tests.factories import OrganisationFactory
from tests.portal.members import area
from tests.portal.members.conftest import request_code
from tests.portal.members.test_access_everywhere import MEMBER_BACKEND, _member, values_of

pytestmark = pytest.mark.django_db

# Function-scoped fixtures serve every example: each example only posts. No
# example database in the work tree; no shrinking (an example is a request or two).
FUZZ = fuzzing(
    max_examples=30,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NUL = "\x00"


class Long(str):
    """A long string that prints short in the report of a failing example."""

    def __repr__(self):
        return f"{self[:10]!r}... ({len(self)} characters)"


HUGE = st.sampled_from(
    [Long("x" * 100_000), Long("ł" * 50_000), Long("9" * 5_000), Long(NUL * 1_000)]
)
WITH_NUL = st.tuples(st.text(max_size=12), st.text(max_size=12)).map(NUL.join)
ODD = st.sampled_from(["", " ", "-1", "0", "1e309", "NaN", "٣", "ZZ", "on", "../", "<b>x</b>"])
GARBAGE = st.one_of(st.text(), WITH_NUL, HUGE, ODD)
# Markers of a form that was refused and says why (crispy-bootstrap5 and the
# member area's error summary).
ERROR_MARKERS = ("is-invalid", "invalid-feedback", "alert-danger", "errorlist")
NOT_POSTED = {"submit", "button", "reset", "image", "file"}


# Values an input of this type takes, so that a fuzzed form is sometimes valid.
VALID = {
    "email": st.builds("{}.ferrari@meccanica.example".format, st.uuids()),
    "text": st.sampled_from(["Serowarnia Narwiańska", "Lucia", "Mlékárna Vysočina s.r.o."]),
    "textarea": st.sampled_from(["Produkujemy sery dojrzewające.\nOd 1998 roku."]),
    "url": st.just("https://serowarnia.example"),
    "number": st.sampled_from(["3", "1998"]),
    "date": st.just("2027-05-01"),
    "tel": st.just("+48 86 216 00 00"),
}


def field_values(field):
    """The page's value, another offered choice, a valid value, or garbage: one to
    three of them."""
    offered = [value for value in field.options if value] or [field.value or "on"]
    shown = field.value if isinstance(field.value, list) else [field.value]
    one = st.one_of(
        GARBAGE,
        st.sampled_from(offered),
        st.sampled_from(shown or [""]),
        VALID.get(field.kind, VALID["text"]),
    )
    return st.one_of(st.just(shown), st.lists(one, min_size=1, max_size=3))


def valid_value(data, field):
    """A value the field takes: the page's for hidden fields and buttons, an offered
    choice, a box ticked, or a sample of the input's type."""
    if field.kind in {"hidden", "submit"}:
        return field.value
    if field.kind in {"checkbox", "radio"}:
        return field.value or "on"
    offered = [value for value in field.options if value]
    if offered:
        return data.draw(st.sampled_from(offered), label=f"{field.name} chosen")
    return data.draw(VALID.get(field.kind, VALID["text"]), label=f"{field.name} valid")


def draw_post(data, form):
    """The form filled in validly with a few fields fuzzed or left out, or all of them
    fuzzed, and some fields the form does not have."""
    names = list(dict.fromkeys(field.name for field in form.fields))
    few = st.sets(st.sampled_from(names), max_size=2) if names else st.just(set())
    fuzzed = data.draw(st.one_of(few, st.just(set(names))), label="fuzzed")
    posted = {}
    for field in form.fields:
        if field.kind in NOT_POSTED - {"submit"}:
            continue
        if field.name not in fuzzed:
            posted.setdefault(field.name, []).append(valid_value(data, field))
        elif data.draw(st.booleans(), label=f"{field.name} left out?"):
            continue
        else:
            values = data.draw(field_values(field), label=field.name)
            posted.setdefault(field.name, []).extend(values)
    extras = data.draw(st.dictionaries(st.text(max_size=20), GARBAGE, max_size=2), label="extras")
    for name, value in extras.items():
        posted.setdefault(name, []).append(value)
    return posted


def action_of(form, page):
    return urljoin(page, form.action) if form.action else page


def forms_on(client, page, language):
    """The forms the page posts to itself or to another member or sign-in page; the
    sign-out form is left alone (it would end the session the fuzzing needs)."""
    response = client.get(page)
    if response.status_code == 405:
        return []  # a page that takes POST only: its form is on another page
    assert response.status_code == 200, page
    with translation.override(language):
        sign_out = reverse("account_logout")
    return [
        form
        for form in area.post_forms(response.content.decode())
        if action_of(form, page) != sign_out
    ]


def assert_answered(client, address, response):
    """A redirect after success (to a page that opens), or the form with its errors."""
    if response.status_code == 302:
        target = client.get(response["Location"])
        assert target.status_code in {200, 302}, (address, response["Location"])
        return
    assert response.status_code == 200, address
    html = response.content.decode()
    assert any(marker in html for marker in ERROR_MARKERS), (address, "no error shown")


def fuzz_forms(client, page, language):
    forms = forms_on(client, page, language)

    @FUZZ
    @given(data=st.data())
    def post_generated(data):
        form = data.draw(st.sampled_from(forms), label="form")
        address = action_of(form, page)
        response = client.post(address, draw_post(data, form))
        if response.status_code == 404 and client.get(page).status_code == 404:
            # An earlier example removed the form's row (a colleague removed): its
            # page is gone, and so is its form, as for another organisation's row.
            return
        assert_answered(client, address, response)

    if forms:
        post_generated()
    return forms


@pytest.fixture
def unlimited(settings):
    """No rate limit: the fuzzing posts many times from one address."""
    settings.ACCOUNT_RATE_LIMITS = False


@pytest.fixture
def member_a():
    return _member(OrganisationFactory(name="Mleczarnia Narew"))


def member_pages(member, language):
    """Every member page: those without values, and the others with the member's own."""
    pages = []
    for route in area.member_routes():
        values = values_of(route, member)[0] if route.kwargs else {}
        pages.append(route.path(values, language))
    return pages


@pytest.mark.parametrize("language", ["pl", "cs"])
@pytest.mark.parametrize("who", ["contact person", "partner"])
def test_every_member_form_answers_any_input_with_errors_or_success(
    client, unlimited, member_a, partner, who, language
):
    member = member_a if who == "contact person" else partner
    client.force_login(member.user, backend=MEMBER_BACKEND)

    for page in member_pages(member_a, language):
        client.force_login(member.user, backend=MEMBER_BACKEND)
        response = client.get(page)
        if response.status_code == 404 and who == "partner":
            continue  # a contact person's own row, which a partner does not find
        fuzz_forms(client, page, language)


@pytest.mark.parametrize("language", ["pl", "cs"])
@pytest.mark.parametrize("page", sorted(area.SIGN_IN_PAGES))
def test_sign_in_and_sign_up_forms_answer_any_input(client, unlimited, member_a, page, language):
    with translation.override(language):
        address = reverse(area.SIGN_IN_PAGES[page])

    forms = fuzz_forms(client, address, language)

    assert forms, address


@pytest.mark.parametrize("language", ["pl", "cs"])
def test_the_code_form_answers_any_input(client, unlimited, member_a, language):
    request_code(client, member_a.user.email, language)
    with translation.override(language):
        address = reverse("account_confirm_login_code")
    assert resolve(address).url_name == "account_confirm_login_code"

    forms = fuzz_forms(client, address, language)

    assert forms


def test_the_fuzzing_sees_a_refused_form():
    """The check above fails for a page that neither redirects nor shows an error."""
    client = Client()
    response = client.get("/pl/")

    with pytest.raises(AssertionError, match="no error shown"):
        assert_answered(client, "/pl/", response)
