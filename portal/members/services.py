"""Writes to members: accounts made for confirmed contact persons, partners registered,
the language a member keeps."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from companies.models import ContactPerson
from portal.members.models import Member


def _new_account(*, email, first_name="", last_name=""):
    """A user with no usable password: a member signs in by code only."""
    user = get_user_model()(
        username=_free_username(email),
        email=email,
        first_name=first_name[:150],
        last_name=last_name[:150],
        is_staff=False,
        is_superuser=False,
    )
    user.set_unusable_password()
    user.save()
    return user


def _free_username(email):
    """A user name for the account (Django's user needs one; members never type it)."""
    User = get_user_model()
    base = email.split("@", 1)[0][:120] or "member"
    username, number = base, 1
    while User.objects.filter(username__iexact=username).exists():
        number += 1
        username = f"{base}{number}"
    return username


@transaction.atomic
def member_for_contact_email(*, email):
    """Make the account and Member of the contact person with this address, if due.

    Called when someone asks for a sign-in code. Only a contact person whose
    address was confirmed (`ContactPerson.email_confirmed_at`) gets one, and only
    while no account uses the address (a staff member's, or the member's made
    before). The member is tied to the person's organisation and record, and
    keeps the person's language. Returns the new Member, or None.
    """
    email = (email or "").strip()
    if not email or get_user_model().objects.filter(email__iexact=email).exists():
        return None
    if EmailAddress.objects.filter(email__iexact=email).exists():
        return None
    contact = (
        ContactPerson.objects.filter(
            email__iexact=email, email_confirmed_at__isnull=False, member__isnull=True
        )
        .select_related("organisation")
        .order_by("-email_confirmed_at", "-pk")
        .first()
    )
    if contact is None:
        return None
    user = _new_account(
        email=contact.email, first_name=contact.first_name, last_name=contact.last_name
    )
    EmailAddress.objects.create(user=user, email=contact.email, verified=True, primary=True)
    return Member.objects.create(
        user=user,
        kind=Member.Kind.CONTACT,
        organisation=contact.organisation,
        contact=contact,
        language=contact.language,
    )


@transaction.atomic
def partner_register(
    *,
    user,
    first_name,
    last_name,
    organisation_name,
    country,
    language,
    privacy_notice_version,
    invited_by=None,
):
    """A partner's account and Member, from the sign-up form.

    `user` is the account allauth built from the form, not yet saved. It gets no
    usable password. allauth signs it in only once the code e-mailed to the
    address is confirmed (ACCOUNT_EMAIL_VERIFICATION is mandatory), so a member
    whose address was never confirmed never reaches the member area.
    """
    user.first_name, user.last_name = first_name[:150], last_name[:150]
    user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    return Member.objects.create(
        user=user,
        kind=Member.Kind.PARTNER,
        organisation_name=organisation_name,
        country=country,
        language=language,
        privacy_notice_version=privacy_notice_version,
        privacy_acknowledged_at=timezone.now(),
        invited_by=invited_by,
    )


def member_keep_language(*, member, language):
    """The member's interface language becomes `language` (kept for e-mails too)."""
    if member.language != language:
        member.language = language
        member.save(update_fields=["language"])
    return member
