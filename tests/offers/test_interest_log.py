"""What staff do with an expression of interest is written into the admin's history."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import translation

from offers.models import ExpressionOfInterest
from offers.services import interest
from tests.factories import OrganisationFactory
from tests.offers.factories import OfferFactory
from tests.offers.interest import make_interest

pytestmark = pytest.mark.django_db

Status = ExpressionOfInterest.Status


def a_new_expression():
    offer = OfferFactory(organisation=OrganisationFactory(email="biuro@mleczarnia.example"))
    return make_interest(offer=offer, phone="")


def history(expression):
    return list(
        LogEntry.objects.filter(object_id=str(expression.pk))
        .order_by("pk")
        .values_list("user__username", "action_flag", "change_message", "object_repr")
    )


def test_forwarding_and_closing_name_the_member_of_staff():
    staff = User.objects.create_user("broker", "broker@urzad.example", "pass", is_staff=True)
    expression = a_new_expression()

    interest.interest_forward(interest=expression, by=staff, note="")
    interest.interest_set_outcome(
        interest=expression, outcome=ExpressionOfInterest.Outcome.AGREEMENT, by=staff
    )

    assert history(expression) == [
        ("broker", CHANGE, "Forwarded to the firm.", str(expression)),
        ("broker", CHANGE, "Outcome: agreement.", str(expression)),
    ]


def test_without_a_member_of_staff_nothing_is_logged():
    expression = a_new_expression()

    interest.interest_set_status(interest=expression, status=Status.DECLINED, by=None)

    assert history(expression) == []


def test_forwarding_in_the_admin_is_logged_once(admin_client, admin_user):
    expression = a_new_expression()

    with translation.override("pl"):
        url = reverse("admin:offers_expressionofinterest_forward", args=[expression.pk])
    admin_client.post(url)

    assert history(expression) == [
        (admin_user.username, CHANGE, "Forwarded to the firm.", str(expression))
    ]
