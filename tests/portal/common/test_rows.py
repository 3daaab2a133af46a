"""One row read by plain SQL: the fields asked for, converted as the ORM does, the
others deferred; None when no row matches."""

import datetime

import pytest

from companies.models import Organisation
from portal.common.rows import first_row
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_row_comes_with_the_fields_asked_for_and_the_others_deferred(
    django_assert_num_queries,
):
    organisation = OrganisationFactory(name="Mleczarnia Nowa", slug="mleczarnia-nowa")
    OrganisationFactory(slug="other")

    with django_assert_num_queries(1):
        found = first_row(
            Organisation,
            ("name", "updated_at"),
            "{slug} = %s AND {is_published}",
            ["mleczarnia-nowa"],
        )
        assert (found.pk, found.name) == (organisation.pk, "Mleczarnia Nowa")
        assert isinstance(found.updated_at, datetime.datetime)
        assert found.updated_at == organisation.updated_at
    assert found.get_deferred_fields() >= {"town", "description"}
    # A field not read is read when asked for, as with only().
    with django_assert_num_queries(1):
        assert found.town == organisation.town


def test_no_row_is_none():
    OrganisationFactory(slug="hidden", is_published=False)

    assert first_row(Organisation, ("name",), "{slug} = %s AND {is_published}", ["hidden"]) is None
    assert first_row(Organisation, ("name",), "{slug} = %s", ["absent"]) is None


def test_the_fields_may_be_named_in_any_order():
    organisation = OrganisationFactory(slug="kolejnosc", town="Łomża", founded_year=1999)

    found = first_row(
        Organisation, ("updated_at", "founded_year", "town", "name"), "{slug} = %s", ["kolejnosc"]
    )

    assert (found.updated_at, found.founded_year, found.town, found.name) == (
        organisation.updated_at,
        1999,
        "Łomża",
        organisation.name,
    )
