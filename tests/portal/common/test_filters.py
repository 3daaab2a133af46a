"""A filter form's selects, written in one pass, are the HTML Django's templates write."""

import re

import pytest
from django import forms

from portal.common.filters import OptionsSelect, SortedFilterForm, show_options

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
