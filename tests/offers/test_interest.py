import datetime
import re
import time

import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail, signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from offers import (
    admin_interest,  # noqa: F401 (registers the admin until offers/admin.py does)
    services,
)
from offers.forms import CONSENT_VERSION
from offers.models import ExpressionOfInterest, Offer
from offers.services import interest
from offers.views import interest as views
from portal.common.humans import HONEYPOT_FIELD, RENDERED_FIELD, RENDERED_SALT
from tests.factories import ContactPersonFactory, OrganisationFactory
from tests.offers.interest import FIRM, answers, form_url, make_interest, make_offer, rendered

pytestmark = pytest.mark.django_db

NUL_REFUSED = (
    "This text contains a character that cannot be saved (U+0000). Please remove it and try again."
)

Status = ExpressionOfInterest.Status
CONTACT = {"email": "jan.nowak@mleczarnia.example", "phone": "+48601222333"}


def admin_url(name, *args):
    with translation.override("pl"):
        return reverse(f"admin:{name}", args=args)


def in_language(language, text):
    with translation.override(language):
        return gettext(text)


def firm_data_in(text):
    return [value for value in [*FIRM.values(), *CONTACT.values()] if value in text]


@pytest.fixture
def forwarder(client):
    """A staff member who may see and forward expressions of interest."""
    user = User.objects.create_user("broker", "broker@urzad.example", "pass", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="offers",
            codename__in=["view_expressionofinterest", "forward_interest"],
        )
    )
    client.force_login(user)
    return user


@pytest.fixture
def viewer(client):
    """A staff member who may see expressions of interest but not forward them."""
    user = User.objects.create_user("viewer", "viewer@urzad.example", "pass", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="offers", codename="view_expressionofinterest"
        )
    )
    client.force_login(user)
    return client


# The form.


def test_the_form_of_an_anonymous_offer_names_the_offer_and_never_the_firm(client):
    offer = make_offer()
    ContactPersonFactory(organisation=offer.organisation, **CONTACT, publication_consent=True)

    response = client.get(form_url(offer))

    content = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert offer.reference in content
    assert '<span lang="pl">Sery dojrzewające dla dystrybutorów</span>' in content
    assert "Language of the text shown: Polish" in content
    assert "is not named" in content
    assert firm_data_in(content) == []
    for field in ["name", "organisation_name", "country", "email", "phone", "message", "consent"]:
        assert f'id="id_{field}"' in content
    assert f'name="{HONEYPOT_FIELD}"' in content
    assert 'href="/en/privacy/"' in content


def test_the_form_of_a_named_offer_names_the_organisation_but_not_its_contact_person(client):
    offer = make_offer(anonymous=False)
    ContactPersonFactory(organisation=offer.organisation, **CONTACT, publication_consent=False)

    content = client.get(form_url(offer)).content.decode()

    assert "Mleczarnia Narwiańska" in content
    assert offer.organisation.get_absolute_url() in content
    assert CONTACT["email"] not in content and CONTACT["phone"] not in content


def test_sending_writes_the_expression_of_interest_and_e_mails_partner_and_staff(
    client, settings, django_capture_on_commit_callbacks
):
    settings.QUESTIONNAIRE_NOTIFY_EMAILS = ["klastry@urzad.example"]
    User.objects.create_superuser("admin", "admin@urzad.example", "pass")
    User.objects.create_user("other", "other@urzad.example", "pass", is_staff=True)
    offer = make_offer()
    ContactPersonFactory(organisation=offer.organisation, **CONTACT)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url(offer, "cs"), answers(), follow=True)

    saved = ExpressionOfInterest.objects.get()
    assert (
        saved.offer,
        saved.name,
        saved.organisation_name,
        saved.country.code,
        saved.email,
        saved.phone,
        saved.message,
        saved.language,
        saved.consent_version,
        saved.status,
    ) == (
        offer,
        "Jana Nováková",
        "Mlékárna Vysočina s.r.o.",
        "CZ",
        "jana@mlekarna.example",
        "+420 777 123 456",
        "Hledáme dodavatele zrajících sýrů pro náš obchod v Brně.",
        "cs",
        CONSENT_VERSION,
        Status.NEW,
    )
    assert timezone.now() - saved.consent_at < datetime.timedelta(minutes=1)
    assert response.redirect_chain == [(f"/cs/offers/{offer.reference}/interest/sent/", 302)]
    content = response.content.decode()
    assert "jana@mlekarna.example" in content
    assert offer.reference in content
    assert firm_data_in(content) == []

    partner, staff = mail.outbox
    assert partner.to == ["jana@mlekarna.example"]
    with translation.override("cs"):
        expected_subject = gettext("Your expression of interest in offer %(reference)s") % {
            "reference": offer.reference
        }
    assert partner.subject == expected_subject
    assert f"http://testserver/cs/offers/{offer.reference}/" in partner.body
    assert "Sery dojrzewające dla dystrybutorów" in partner.body
    assert firm_data_in(partner.body) == []

    assert staff.to == ["admin@urzad.example", "klastry@urzad.example"]
    assert staff.subject == in_language(
        "pl", "New expression of interest in offer %(reference)s: %(name)s"
    ) % {"reference": offer.reference, "name": "Mlékárna Vysočina s.r.o."}
    assert (
        f"http://testserver/pl/admin/offers/expressionofinterest/{saved.pk}/change/" in staff.body
    )


def test_the_partner_confirmation_takes_the_title_in_the_partners_language(
    client, django_capture_on_commit_callbacks
):
    offer = make_offer()
    services.offer_set_translation(
        offer=offer, language="it", texts={"title": "Formaggi stagionati per distributori"}
    )

    with django_capture_on_commit_callbacks(execute=True):
        client.post(form_url(offer, "it"), answers())

    assert "Formaggi stagionati per distributori" in mail.outbox[0].body
    assert f"http://testserver/it/offers/{offer.reference}/" in mail.outbox[0].body
    assert ExpressionOfInterest.objects.get().language == "it"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"consent": ""}, "consent", "This field is required."),
        ({"consent": "\x00"}, "consent", NUL_REFUSED),
        ({"name": "Jana\x00"}, "name", NUL_REFUSED),
        ({"message": "\x00"}, "message", NUL_REFUSED),
        ({"country": "C\x00"}, "country", NUL_REFUSED),
        ({"email": "jana@\x00.example"}, "email", NUL_REFUSED),
        ({"message": "x" * 4001}, "message", "at most 4000 characters"),
        ({"organisation_name": "x" * 256}, "organisation_name", "at most 255 characters"),
        ({"phone": "call me"}, "phone", "Enter a phone number of digits"),
        ({"email": "jana"}, "email", "Enter a valid email address."),
        ({"country": "XX"}, "country", "Select a valid choice."),
    ],
)
def test_bad_input_is_a_form_error_and_keeps_what_was_typed(client, changes, field, message):
    offer = make_offer()

    response = client.post(form_url(offer), answers(**changes))

    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert "Mlékárna Vysočina s.r.o." in response.content.decode() or field == "organisation_name"
    assert ExpressionOfInterest.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({HONEYPOT_FIELD: "http://spam.example"}, "We could not accept this page"),
        ({RENDERED_FIELD: 0}, "That was quicker than we expected"),
        ({RENDERED_FIELD: 25 * 3600}, "open for a long time"),
        ({RENDERED_FIELD: "forged"}, "That was quicker than we expected"),
    ],
)
def test_robot_like_posts_are_refused_politely_and_keep_the_answers(
    client, settings, extra, message
):
    if isinstance(extra.get(RENDERED_FIELD), int):
        # Rendered this many seconds ago.
        extra = {RENDERED_FIELD: rendered(seconds_ago=extra[RENDERED_FIELD])}
    settings.FORM_MIN_SECONDS = 5
    offer = make_offer()

    response = client.post(form_url(offer), answers(**extra))

    content = response.content.decode()
    assert response.status_code == 200
    assert message in content
    assert 'value="Jana Nováková"' in content
    assert "Hledáme dodavatele zrajících sýrů" in content
    assert ExpressionOfInterest.objects.count() == 0
    assert mail.outbox == []
    # The page carries a fresh render time: sent again later, it passes.
    token = re.search(rf'name="{RENDERED_FIELD}" value="([^"]+)"', content)[1]
    assert time.time() - signing.loads(token, salt=RENDERED_SALT) < 5


def test_too_many_posts_from_one_address_get_the_translated_429_page(client, monkeypatch):
    monkeypatch.setattr(views.InterestCreateView, "ratelimit_rate", "2/m")
    offer = make_offer()

    statuses = [
        client.post(form_url(offer), answers(email=f"p{n}@partner.example")).status_code
        for n in range(3)
    ]
    refused = client.post(form_url(offer, "de"), answers())

    assert statuses == [302, 302, 429]
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert '<html lang="de">' in refused.content.decode()
    assert in_language("de", "Too many requests") in refused.content.decode()
    assert ExpressionOfInterest.objects.count() == 2


def test_too_many_expressions_of_interest_from_one_e_mail_address_get_429(client, monkeypatch):
    monkeypatch.setattr(views, "RATE_PER_EMAIL", "1/h")
    offer = make_offer()

    first = client.post(form_url(offer), answers(), REMOTE_ADDR="192.0.2.1")
    second = client.post(
        form_url(offer), answers(email="JANA@mlekarna.example"), REMOTE_ADDR="192.0.2.2"
    )

    assert (first.status_code, second.status_code) == (302, 429)
    assert ExpressionOfInterest.objects.count() == 1


# Offers that take no expressions of interest.


@pytest.mark.parametrize(
    ("change", "status", "text"),
    [
        ({"open_for_interest": False}, 200, "does not take expressions of interest"),
        ({"expires_at": timezone.now() - datetime.timedelta(days=1)}, 410, "has expired"),
        ({"status": Offer.Status.EXPIRED}, 410, "has expired"),
        ({"status": Offer.Status.WITHDRAWN}, 410, "has been withdrawn"),
        ({"status": Offer.Status.ARCHIVED}, 410, "has expired"),
    ],
)
def test_a_closed_offer_shows_no_form_and_takes_no_post(client, change, status, text):
    offer = make_offer()
    Offer.objects.filter(pk=offer.pk).update(**change)

    shown = client.get(form_url(offer))
    posted = client.post(form_url(offer), answers())

    for response in (shown, posted):
        content = response.content.decode()
        assert response.status_code == status
        assert text in content
        assert 'id="id_message"' not in content
        assert offer.reference in content
    assert ExpressionOfInterest.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize("status", [Offer.Status.DRAFT, Offer.Status.SUBMITTED, "unknown"])
def test_an_unpublished_or_unknown_offer_is_not_found(client, status):
    offer = make_offer()
    if status != "unknown":
        Offer.objects.filter(pk=offer.pk).update(status=status)
    reference = offer.reference if status != "unknown" else "OF-1999-99999"

    form = client.get(f"/en/offers/{reference}/interest/")
    sent = client.get(f"/en/offers/{reference}/interest/sent/")

    assert (form.status_code, sent.status_code) == (404, 404)


@pytest.mark.parametrize("reference", ["%00", "OF-2026-%00", "x" * 300, "OF-2026-"])
def test_a_malformed_reference_is_not_found(client, reference):
    form = client.get(f"/en/offers/{reference}/interest/")
    posted = client.post(f"/en/offers/{reference}/interest/", answers())

    assert (form.status_code, posted.status_code) == (404, 404)


def test_the_service_refuses_a_closed_offer():
    offer = make_offer(open_for_interest=False)

    with pytest.raises(interest.InterestClosed):
        make_interest(offer)

    assert ExpressionOfInterest.objects.count() == 0


# Forwarding to the firm.


def test_staff_forward_to_the_first_contact_person_in_that_persons_language(
    client, forwarder, django_capture_on_commit_callbacks
):
    offer = make_offer()
    organisation = offer.organisation
    ContactPersonFactory(organisation=organisation, email="", language="pl")
    ContactPersonFactory(organisation=organisation, **CONTACT, language="it")
    ContactPersonFactory(organisation=organisation, email="later@mleczarnia.example")
    with django_capture_on_commit_callbacks(execute=True):
        expression = make_interest(offer)
    mail.outbox.clear()

    page = client.get(admin_url("offers_expressionofinterest_change", expression.pk))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            admin_url("offers_expressionofinterest_forward", expression.pk),
            {"note": "Partner sprawdzony przez urząd."},
        )

    assert CONTACT["email"] in page.content.decode()
    assert response.status_code == 302
    expression.refresh_from_db()
    assert expression.status == Status.FORWARDED
    assert expression.forwarded_by == forwarder
    assert timezone.now() - expression.forwarded_at < datetime.timedelta(minutes=1)
    assert expression.staff_note == "Partner sprawdzony przez urząd."
    (message,) = mail.outbox
    assert message.to == [CONTACT["email"]]
    assert message.reply_to == ["jana@mlekarna.example"]
    assert message.subject == in_language(
        "it", "A partner is interested in your offer %(reference)s"
    ) % {"reference": offer.reference}
    with translation.override("it"):
        country = str(expression.country.name)
    for text in [
        "Jana Nováková",
        "Mlékárna Vysočina s.r.o.",
        country,
        "jana@mlekarna.example",
        "+420 777 123 456",
        "Hledáme dodavatele zrajících sýrů.",
        offer.reference,
        "Sery dojrzewające dla dystrybutorów",
        "Partner sprawdzony przez urząd.",
    ]:
        assert text in message.body


def test_without_a_contact_person_the_firms_general_address_gets_it_in_polish(
    admin_client, django_capture_on_commit_callbacks
):
    expression = make_interest()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(admin_url("offers_expressionofinterest_forward", expression.pk))

    (message,) = mail.outbox
    assert message.to == [FIRM["email"]]
    assert message.subject == in_language(
        "pl", "A partner is interested in your offer %(reference)s"
    ) % {"reference": expression.offer.reference}
    expression.refresh_from_db()
    assert (expression.status, expression.staff_note) == (Status.FORWARDED, "")


def test_a_firm_without_any_address_is_not_forwarded_to(admin_client):
    organisation = OrganisationFactory(email="")
    expression = make_interest(make_offer(organisation=organisation))
    mail.outbox.clear()

    response = admin_client.post(
        admin_url("offers_expressionofinterest_forward", expression.pk), follow=True
    )

    messages = [str(message) for message in response.context["messages"]]
    assert messages == [
        in_language(
            "pl",
            "The firm has no e-mail address: add a contact person to the organisation, "
            "then forward again.",
        )
    ]
    expression.refresh_from_db()
    assert expression.status == Status.NEW
    assert mail.outbox == []


def test_staff_without_the_permission_cannot_forward(viewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        expression = make_interest()
    mail.outbox.clear()

    page = viewer.get(admin_url("offers_expressionofinterest_change", expression.pk))
    refused = viewer.post(admin_url("offers_expressionofinterest_forward", expression.pk))

    assert page.status_code == 200
    assert "Jana Nováková" in page.content.decode()
    assert admin_url("offers_expressionofinterest_forward", expression.pk) not in (
        page.content.decode()
    )
    assert refused.status_code == 403
    expression.refresh_from_db()
    assert expression.status == Status.NEW
    assert mail.outbox == []


def test_forwarding_needs_a_post_and_happens_once(admin_client):
    expression = make_interest()
    url = admin_url("offers_expressionofinterest_forward", expression.pk)

    get = admin_client.get(url)
    admin_client.post(url, follow=True)
    again = admin_client.post(url, follow=True)

    assert get.status_code == 405
    assert [str(message) for message in again.context["messages"]] == [
        in_language("pl", "This expression of interest has already been handled.")
    ]
    page = admin_client.get(admin_url("offers_expressionofinterest_change", expression.pk))
    assert url not in page.content.decode()


# Status changes.


def test_status_transitions():
    offer = make_offer()
    new = make_interest(offer)
    declined = interest.interest_set_status(interest=new, status=Status.DECLINED, by=None)
    with pytest.raises(interest.TransitionError):
        interest.interest_forward(interest=declined, by=None)

    other = make_interest(offer, email="other@partner.example")
    with pytest.raises(interest.TransitionError):
        interest.interest_set_status(interest=other, status=Status.FORWARDED, by=None)
    forwarded = interest.interest_forward(interest=other, by=None)
    # Once forwarded, what follows is its outcome.
    with pytest.raises(interest.TransitionError):
        interest.interest_set_status(interest=forwarded, status=Status.DECLINED, by=None)
    interest.interest_set_outcome(
        interest=forwarded, outcome=ExpressionOfInterest.Outcome.AGREEMENT, by=None
    )

    assert set(ExpressionOfInterest.objects.values_list("pk", "status", "outcome")) == {
        (new.pk, Status.DECLINED, ""),
        (other.pk, Status.FORWARDED, ExpressionOfInterest.Outcome.AGREEMENT),
    }


def test_admin_actions_close_what_their_status_allows(admin_client):
    offer = make_offer()
    new = make_interest(offer)
    forwarded = interest.interest_forward(
        interest=make_interest(offer, email="b@partner.example"), by=None
    )

    response = admin_client.post(
        admin_url("offers_expressionofinterest_changelist"),
        {"action": "mark_agreement", "_selected_action": [new.pk, forwarded.pk]},
        follow=True,
    )

    assert set(ExpressionOfInterest.objects.values_list("pk", "status", "outcome")) == {
        (new.pk, Status.NEW, ""),
        (forwarded.pk, Status.FORWARDED, ExpressionOfInterest.Outcome.AGREEMENT),
    }
    assert len(list(response.context["messages"])) == 2


def test_the_actions_need_the_permission(viewer):
    expression = make_interest()
    url = admin_url("offers_expressionofinterest_changelist")

    listed = viewer.get(url)
    viewer.post(url, {"action": "mark_declined", "_selected_action": [expression.pk]})

    assert listed.status_code == 200
    assert "mark_declined" not in listed.content.decode()
    expression.refresh_from_db()
    assert expression.status == Status.NEW


def test_the_changelist_filters_by_status_offer_country_and_date(admin_client):
    offer = make_offer()
    make_interest(offer, organisation_name="Latteria Friulana", country="IT")
    interest.interest_forward(
        interest=make_interest(offer, organisation_name="Sýrárna Brno", email="b@x.example"),
        by=None,
    )
    url = admin_url("offers_expressionofinterest_changelist")

    by_status = admin_client.get(url, {"status__exact": "forwarded"})
    by_country = admin_client.get(url, {"country": "IT"})
    by_offer = admin_client.get(url, {"offer__id__exact": offer.pk})
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    by_date = admin_client.get(
        url,
        {"created_at__gte": str(today), "created_at__lt": str(today + datetime.timedelta(days=1))},
    )

    assert [row.organisation_name for row in by_status.context["cl"].result_list] == [
        "Sýrárna Brno"
    ]
    assert [row.organisation_name for row in by_country.context["cl"].result_list] == [
        "Latteria Friulana"
    ]
    assert by_offer.context["cl"].result_count == 2
    assert by_date.context["cl"].result_count == 2


def test_the_change_page_shows_the_expression_of_interest_and_the_offer(admin_client):
    offer = make_offer()
    ContactPersonFactory(organisation=offer.organisation, **CONTACT, language="cs")
    expression = make_interest(offer)

    response = admin_client.get(admin_url("offers_expressionofinterest_change", expression.pk))

    content = response.content.decode()
    for text in [
        "Jana Nováková",
        "Mlékárna Vysočina s.r.o.",
        "jana@mlekarna.example",
        "Hledáme dodavatele zrajících sýrů.",
        offer.reference,
        "Sery dojrzewające dla dystrybutorów",
        "Mleczarnia Narwiańska",
        CONTACT["email"],
        admin_url("offers_expressionofinterest_forward", expression.pk),
    ]:
        assert text in content


def test_the_same_form_sent_twice_makes_one_expression_of_interest(
    client, django_capture_on_commit_callbacks
):
    offer = make_offer()

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(form_url(offer), answers())
        second = client.post(form_url(offer), answers(email="JANA@mlekarna.example"))
        other = client.post(form_url(offer), answers(message="Jiná zpráva."))

    assert [first.status_code, second.status_code, other.status_code] == [302, 302, 302]
    assert ExpressionOfInterest.objects.count() == 2
    assert len([m for m in mail.outbox if m.to == ["jana@mlekarna.example"]]) == 2


def test_the_changelist_makes_as_many_queries_for_one_row_as_for_many(admin_client):
    offer = make_offer()
    make_interest(offer)
    url = admin_url("offers_expressionofinterest_changelist")
    admin_client.get(url)  # the session and the content types, once

    with CaptureQueriesContext(connection) as one:
        admin_client.get(url)
    for number in range(30):
        make_interest(offer, email=f"p{number}@partner.example")
    with CaptureQueriesContext(connection) as many:
        response = admin_client.get(url)

    assert response.context["cl"].result_count == 31
    assert len(many) == len(one)
    assert len(one) == 10
