"""A filter form's selects, written in one pass, are the HTML Django's templates write;
a list's filter set is cheap to make and its country filters take any country."""

import re

import django_filters
import pytest
from django import forms
from django.contrib.auth.models import User
from django.utils import translation

from portal.common.filters import (
    CountryFilter,
    ListFilterSet,
    OptionsSelect,
    SortedFilterForm,
    show_options,
)

CHOICES = [("", "all"), ("a&b", "A & B"), ("IT", "Italia <it>"), ("PL", "Polska")]


def normalised(html):
    return re.sub(r">\s+<", "><", html.strip())


@pytest.mark.parametrize("value", [None, "", "IT", "a&b", "XX", ["PL"]])
def test_a_select_is_written_as_djangos_template_writes_it(value):
    attrs = {"id": "id_country", "class": "form-select", "aria-invalid": "true", "required": True}

    fast = OptionsSelect(choices=CHOICES).render("country", value, attrs)
    slow = forms.Select(choices=CHOICES).render("country", value, attrs)

    assert normalised(fast) == normalised(slow)


class ExampleFilterForm(SortedFilterForm):
    q = forms.CharField(required=False)
    country = forms.ChoiceField(choices=CHOICES, required=False)


def test_a_filter_form_has_bootstrap_controls_marked_invalid_with_errors():
    form = ExampleFilterForm({"q": "mleko", "country": "XX"})
    form.is_valid()

    assert str(form["q"]) == (
        '<input type="text" name="q" value="mleko" class="textinput form-control" id="id_q">'
    )
    assert str(form["country"]).startswith(
        '<select name="country" class="select form-select is-invalid" aria-invalid="true" '
        'aria-describedby="id_country_error" id="id_country">'
    )


def test_shown_options_follow_the_empty_choice_and_the_value_is_still_checked():
    form = ExampleFilterForm({"country": "IT"})
    form.fields["country"].empty_label = "all countries"
    show_options(form.fields["country"], [("IT", "Italia")])

    assert form.is_valid()
    assert str(form["country"]).endswith(
        '<option value="">all countries</option>'
        '<option value="IT" selected>Italia</option></select>'
    )


class CountryFilterSet(ListFilterSet):
    """A filter set over users, as a list has one: a country, and a filter by a method."""

    country = CountryFilter(field_name="last_name", empty_label="all countries")
    market = CountryFilter(method="filter_market")
    kind = django_filters.ChoiceFilter(choices=[("a", "A"), ("b", "B")])

    class Meta:
        model = User
        fields = []
        form = SortedFilterForm

    def filter_market(self, queryset, name, value):
        return queryset.filter(first_name=value)


@pytest.mark.django_db
def test_each_filter_set_has_its_own_filters_and_methods_find_their_own_set():
    User.objects.create(username="a", first_name="IT", last_name="PL")
    User.objects.create(username="b", first_name="DE", last_name="PL")
    first = CountryFilterSet({"market": "IT"}, queryset=User.objects.order_by("pk"))
    second = CountryFilterSet({"country": "PL"}, queryset=User.objects.order_by("pk"))
    first.filters["kind"].extra["choices"] = [("a", "A")]

    assert [user.username for user in first.qs] == ["a"]
    assert [user.username for user in second.qs] == ["a", "b"]
    assert second.filters["kind"].extra["choices"] == [("a", "A"), ("b", "B")]
    assert CountryFilterSet.base_filters["kind"].extra["choices"] == [("a", "A"), ("b", "B")]
    assert first.filters["market"].parent is first


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "valid"), [("IT", True), ("", True), ("XX", False), ("it", False)]
)
def test_a_country_filter_takes_any_country_and_nothing_else(value, valid):
    filters = CountryFilterSet({"country": value}, queryset=User.objects.all())

    with translation.override("en"):
        assert filters.is_valid() is valid
        errors = [str(error) for error in filters.errors.get("country", [])]
    if not valid:
        assert errors == [f"Select a valid choice. {value} is not one of the available choices."]


def test_a_country_select_shows_the_options_given_after_its_empty_choice():
    filters = CountryFilterSet({"country": "AT"}, queryset=User.objects.none())
    show_options(filters.form.fields["country"], [("AT", "Austria"), ("IT", "Italy")])

    html = str(filters.form["country"])

    assert '<option value="">all countries</option>' in html
    assert '<option value="AT" selected>Austria</option>' in html
    assert html.count("<option") == 3
