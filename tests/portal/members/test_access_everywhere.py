"""The access rule on every page of the member area, and the admin closed to members.

The pages are walked from the resolver (tests/portal/members/area.py), not listed:
a page added to the `members` namespace is tested here at once. A page whose URL
takes an id, slug or reference is opened by a member of organisation A with
organisation B's value, and must answer 404, to GET and POST alike, writing
nothing. The value comes from ROWS below, by the URL's kwarg name; a kwarg with no
entry fails the test, so that no page slips through untested.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.forms.models import model_to_dict
from django.urls import path, reverse
from django.urls.converters import IntConverter, UUIDConverter
from django.utils import timezone, translation

from companies.models import Organisation, OrganisationRevision
from offers.models import ExpressionOfInterest, OfferRevision, SavedSearch
from portal.members import services as member_services
from portal.members.models import Member
from tests.factories import ContactPersonFactory, OrganisationFactory
from tests.offers.factories import OfferFactory
from tests.portal.members import area

pytestmark = pytest.mark.django_db

MEMBER_BACKEND = "portal.members.signin.MemberBackend"
STAFF_BACKEND = "portal.signin.StaffSignInBackend"


# What a member's organisation (or the member) owns, made for them: each maker
# takes the member and returns one of the rows, in the state the member pages act
# on (an offer published, a proposal awaiting a decision, an expression of
# interest forwarded, a colleague's account).


def _member(organisation):
    contact = ContactPersonFactory(organisation=organisation, email_confirmed_at=timezone.now())
    return member_services.member_for_contact_email(email=contact.email)


def _organisation(member):
    return member.organisation


def _offer(member):
    return OfferFactory(organisation=member.organisation, title=f"Oferta {member.organisation}")


def _interest(member):
    return ExpressionOfInterest.objects.create(
        offer=_offer(member),
        name="Jana Nováková",
        organisation_name="Mlékárna Vysočina s.r.o.",
        country="CZ",
        email="jana@mlekarna.example",
        message="Hledáme dodavatele.",
        language="cs",
        consent_version="2026-01",
        consent_at=timezone.now(),
        status=ExpressionOfInterest.Status.FORWARDED,
        forwarded_at=timezone.now(),
    )


def _offer_revision(member):
    offer = _offer(member)
    return OfferRevision.objects.create(
        offer=offer, language="pl", title="Nowy tytuł", kind=offer.kind
    )


def _organisation_revision(member):
    return OrganisationRevision.objects.create(
        organisation=member.organisation, language="pl", changes={"description_pl": "Nowy opis."}
    )


def _contact(member):
    return ContactPersonFactory(organisation=member.organisation)


def _colleague(member):
    """Another member of the same organisation."""
    return _member(member.organisation)


def _alert(member):
    return SavedSearch.objects.create(
        email=member.user.email,
        language="pl",
        query="sery",
        consent_version="2026-01",
        confirmed_at=timezone.now(),
    )


ROWS = {
    # the organisation itself
    "slug": _organisation,
    "organisation": _organisation,
    "organisation_slug": _organisation,
    # its offers, by reference (or id)
    "reference": _offer,
    "offer": _offer,
    "offer_reference": _offer,
    "offer_id": _offer,
    # expressions of interest forwarded to it
    "interest": _interest,
    "interest_id": _interest,
    "expression": _interest,
    # proposed edits of its published offers
    "offer_revision": _offer_revision,
    "edit": _offer_revision,
    # proposed changes to its record
    "revision": _organisation_revision,
    "revision_id": _organisation_revision,
    # its contact persons and their accounts (colleagues)
    "contact": _contact,
    "contact_id": _contact,
    "colleague": _colleague,
    "member": _colleague,
    "member_id": _colleague,
    # the member's alerts
    "alert": _alert,
    "alert_id": _alert,
    "token": _alert,
}
# A kwarg whose name does not say what it names (`pk`, `id`): one entry per URL name.
ROWS_BY_URL = {
    "members:colleague_remove": {"pk": _colleague},
    "members:interest_detail": {"pk": _interest},
    "members:interest_outcome": {"pk": _interest},
    "members:alert_edit": {"pk": _alert},
    "members:alert_delete": {"pk": _alert},
}


def row_maker(route, kwarg):
    """The maker of the row this kwarg of this URL names; fails when there is none."""
    maker = ROWS_BY_URL.get(route.name, {}).get(kwarg) or (
        None if kwarg in {"pk", "id"} else ROWS.get(kwarg)
    )
    if maker is None:
        pytest.fail(
            f"{route.name} ({route}) takes `{kwarg}`, which the IDOR test cannot make "
            "for another organisation: add its maker to ROWS (or ROWS_BY_URL) in "
            "tests/portal/members/test_access_everywhere.py"
        )
    return maker


def value_for(route, kwarg, row):
    """The row's value as the URL takes it: its id for <int:>, its token for <uuid:>,
    otherwise its reference, slug or token, or its id."""
    converter = route.kwargs[kwarg]
    if isinstance(converter, IntConverter):
        return row.pk
    if isinstance(converter, UUIDConverter):
        return row.token
    for attribute in ("reference", "slug", "token"):
        if getattr(row, attribute, None):
            return getattr(row, attribute)
    return row.pk


def values_of(route, member):
    """Each kwarg of the route filled with a row of the member's (or their
    organisation's): (values, rows)."""
    rows = {kwarg: row_maker(route, kwarg)(member) for kwarg in route.kwargs}
    return {kwarg: value_for(route, kwarg, row) for kwarg, row in rows.items()}, rows


ROUTES = area.member_routes()
WITH_VALUES = [route for route in ROUTES if route.kwargs]


def test_the_walk_finds_the_member_area():
    names = {route.name for route in ROUTES}

    assert "members:home" in names
    assert all(route.path().startswith("/pl/account/") for route in area.plain_member_routes())


def test_a_kwarg_no_maker_knows_fails_the_test():
    new_page = path("offers/<int:pk>/", lambda request, pk: None, name="offer_new_page")
    route = area.Route("members", (new_page.pattern,), new_page)

    assert list(route.kwargs) == ["pk"]
    with pytest.raises(pytest.fail.Exception, match=r"members:offer_new_page .* takes `pk`"):
        row_maker(route, "pk")
    with pytest.raises(pytest.fail.Exception, match="add its maker to ROWS"):
        row_maker(route, "whatever")


def owner(row):
    """The organisation a row belongs to."""
    if isinstance(row, Organisation):
        return row
    if isinstance(row, SavedSearch):
        return Member.objects.get(user__email=row.email).organisation
    if hasattr(row, "offer"):
        return row.offer.organisation
    return row.organisation


MAKERS = {
    maker.__name__: maker
    for maker in [*ROWS.values(), *(m for by in ROWS_BY_URL.values() for m in by.values())]
}


@pytest.mark.parametrize("maker", sorted(MAKERS))
def test_each_maker_makes_a_row_of_the_members_organisation(maker, member_b):
    row = MAKERS[maker](member_b)

    assert owner(row) == member_b.organisation
    assert row.pk is not None
    if isinstance(row, Member):
        assert row != member_b


@pytest.fixture
def organisation_b():
    return OrganisationFactory(name="Agromet Sokółka")


@pytest.fixture
def member_b(organisation_b):
    return _member(organisation_b)


@pytest.fixture
def member_a():
    return _member(OrganisationFactory(name="Mleczarnia Narew"))


def sample_values(route, member):
    return values_of(route, member)[0] if route.kwargs else {}


def post_only(response):
    """A 405 to GET from a page that takes POST only (require_POST answers it before
    the access rule: the same for every value, so it tells nothing)."""
    return response.status_code == 405 and "GET" not in response["Allow"]


def assert_sent_to_sign_in(response, address, language):
    if post_only(response):
        return
    assert response.status_code == 302, address
    location = urlsplit(response["Location"])
    assert location.path == f"/{language}/account/sign-in/"
    assert parse_qs(location.query)["next"] == [address]


@pytest.mark.parametrize("language", ["pl", "cs"])
@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.name)
def test_anonymous_visitors_are_sent_to_sign_in(client, route, language, member_b):
    address = route.path(sample_values(route, member_b), language)

    assert_sent_to_sign_in(client.get(address), address, language)
    assert_sent_to_sign_in(client.post(address, {}), address, language)


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.name)
def test_staff_get_403(client, route, member_b):
    staff = get_user_model().objects.create_user(
        "urzednik", "urzednik@urzad.example", "Mleko-2026!", is_staff=True, is_superuser=True
    )
    client.force_login(staff, backend=STAFF_BACKEND)
    address = route.path(sample_values(route, member_b))

    response = client.get(address)
    assert response.status_code == 403 or post_only(response)
    assert client.post(address, {}).status_code == 403


def snapshot(rows, organisation):
    """What the organisation holds, to see that nothing was written to it."""
    return {
        "rows": [model_to_dict(type(row).objects.get(pk=row.pk)) for row in rows.values()],
        "organisation": model_to_dict(type(organisation).objects.get(pk=organisation.pk)),
        "proposals": list(OrganisationRevision.objects.filter(organisation=organisation).values()),
        "offer edits": list(
            OfferRevision.objects.filter(offer__organisation=organisation).values()
        ),
        "offers": list(organisation.offers.values()),
        "contacts": list(organisation.contacts.values()),
        "members": list(Member.objects.filter(organisation=organisation).values()),
    }


@pytest.mark.parametrize("route", WITH_VALUES, ids=lambda route: route.name)
def test_another_organisations_rows_are_not_found(client, route, member_a, member_b, partner):
    own_values, _own = values_of(route, member_a)
    values, rows = values_of(route, member_b)
    address = route.path(values)
    before = snapshot(rows, member_b.organisation)
    client.force_login(member_a.user, backend=MEMBER_BACKEND)
    # The page answers for the member's own row: the 404s below are B's row's.
    own = client.get(route.path(own_values))
    assert own.status_code != 404
    # A page that takes POST only answers GET with 405 whatever the value.
    expected_get = 405 if post_only(own) else 404

    answers = {"GET": client.get(address).status_code}
    page = client.get(route.path(own_values))
    for number, form in enumerate(area.post_forms(page.content.decode())):
        answers[f"POST of form {number}"] = client.post(address, form.data()).status_code
    answers["empty POST"] = client.post(address, {}).status_code
    client.force_login(partner.user, backend=MEMBER_BACKEND)
    answers["partner's GET"] = client.get(address).status_code
    answers["partner's POST"] = client.post(address, {}).status_code

    expected = dict.fromkeys(answers, 404)
    expected["GET"] = expected["partner's GET"] = expected_get
    assert answers == expected
    assert snapshot(rows, member_b.organisation) == before


def admin_routes():
    """Every admin URL but its sign-in and sign-out, which are open to anyone."""
    return [
        route for route in area.routes(area.ADMIN) if route.pattern.name not in {"login", "logout"}
    ]


@pytest.mark.parametrize("route", admin_routes(), ids=lambda route: route.name)
def test_a_member_never_opens_an_admin_page(client, route, member_a):
    client.force_login(member_a.user, backend=MEMBER_BACKEND)
    address = route.path({"url": "x/"})

    for response in (client.get(address), client.post(address, {})):
        assert response.status_code in {302, 403}, address
        if response.status_code == 302:
            assert urlsplit(response["Location"]).path == "/pl/admin/login/", address


@pytest.mark.parametrize("name", sorted(area.OPEN_TO_ALL))
def test_the_pages_open_to_all_answer_anyone_and_name_no_one(client, name, member_b):
    with translation.override("cs"):
        address = reverse(name)

    response = client.get(address)

    assert response.status_code == 200
    page = response.content.decode()
    assert member_b.user.email not in page and member_b.user.last_name not in page
