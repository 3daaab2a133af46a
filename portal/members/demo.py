"""Demo members for `make run`: a contact person and a partner, each able to sign in.

`make run` sends e-mails to the console, where the sign-in code can be read. A
second run adds nothing.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from companies.models import ContactPerson
from portal.members import forms, services

PARTNER_EMAIL = "giulia.bianchi@partner.example"


@transaction.atomic
def load_demo():
    """The demo members, as `load_demo` reports them (registered from MembersConfig.ready())."""
    lines = []
    contact = (
        ContactPerson.objects.filter(organisation__is_published=True, organisation__country="PL")
        .select_related("organisation")
        .order_by("pk")
        .first()
    )
    if contact is not None:
        if contact.email_confirmed_at is None:
            contact.email_confirmed_at = timezone.now()
            contact.save(update_fields=["email_confirmed_at"])
        services.member_for_contact_email(email=contact.email)
        lines.append(
            f"Demo member (contact person of {contact.organisation.name}): sign in at "
            f"http://127.0.0.1:8000/pl/account/sign-in/ as {contact.email}; "
            "the code is printed here with the e-mail."
        )
    User = get_user_model()
    if not User.objects.filter(email__iexact=PARTNER_EMAIL).exists():
        user = User(username="giulia.bianchi", email=PARTNER_EMAIL)
        services.partner_register(
            user=user,
            first_name="Giulia",
            last_name="Bianchi",
            organisation_name="Caseificio Valle Verde",
            country="IT",
            language="it",
            privacy_notice_version=forms.PRIVACY_NOTICE_VERSION,
        )
        EmailAddress.objects.create(user=user, email=PARTNER_EMAIL, verified=True, primary=True)
    lines.append(
        f"Demo member (partner): sign in at http://127.0.0.1:8000/it/account/sign-in/ "
        f"as {PARTNER_EMAIL}."
    )
    return lines
