"""Writes to members: accounts made for confirmed contact persons, partners registered,
the language a member keeps, a partner's own details, colleagues invited and removed."""

from allauth.account.models import EmailAddress
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from companies import revisions
from companies.models import ContactPerson, Organisation, OrganisationRevision
from companies.services import contact_person_save, organisation_propose_revision
from portal import privacy
from portal.common import mail
from portal.common.history import record_by
from portal.common.languages import LANGUAGE_CODES
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
    """The member's interface language becomes `language` (kept for e-mails too): their
    contact record's as well, which the organisations' and offers' e-mails use."""
    if member.language != language:
        member.language = language
        member.save(update_fields=["language"])
    contact = member.contact
    if contact is not None and contact.language != language:
        contact.language = language
        contact.save(update_fields=["language"])
    return member


@transaction.atomic
def partner_update(*, member, first_name, last_name, organisation_name, country, language):
    """A partner changes their own details: they are not in the directory, so no
    one checks them first. The names are the account's; the rest the Member's."""
    user = member.user
    user.first_name, user.last_name = first_name[:150], last_name[:150]
    user.save(update_fields=["first_name", "last_name"])
    member.organisation_name, member.country, member.language = (
        organisation_name,
        country,
        language,
    )
    record_by(member, user).save(update_fields=["organisation_name", "country", "language"])
    return member


def _address_taken(email):
    User = get_user_model()
    return (
        User.objects.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email).exists()
    )


@transaction.atomic
def colleague_invite(*, organisation, first_name, last_name, email, language, by):
    """A member invites another person of their organisation: a contact person and a
    member of it, told by an e-mail in `language` how to sign in.

    The person becomes a contact person of the organisation whose address counts
    as confirmed by the invitation (`email_confirmed_at`, as a questionnaire's
    confirmation counts): a member of the organisation vouches for it, and the
    person proves it is theirs with the first code they sign in with, which also
    verifies the account's address. An existing contact person of the
    organisation with the address is updated rather than doubled. An address that
    an account already uses is refused (ValidationError on `email`). `by` is the
    inviting member's account, kept as `invited_by` and in the history.
    """
    email = email.strip()
    if _address_taken(email):
        raise ValidationError(
            {
                "email": _(
                    "An account on the portal already uses this address, so it cannot be "
                    "invited. If it belongs to a colleague, write to the office."
                )
            }
        )
    existing = ContactPerson.objects.filter(organisation=organisation, email__iexact=email).first()
    contact = contact_person_save(
        organisation=organisation,
        first_name=first_name,
        last_name=last_name,
        email=email,
        job_title=existing.job_title if existing else "",
        phone=existing.phone if existing else "",
        language=language,
        email_confirmed_at=timezone.now(),
        by=by,
    )
    user = _new_account(email=email, first_name=first_name, last_name=last_name)
    EmailAddress.objects.create(user=user, email=email, verified=False, primary=True)
    member = Member(
        user=user,
        kind=Member.Kind.CONTACT,
        organisation=organisation,
        contact=contact,
        language=language,
        invited_by=by,
    )
    record_by(member, by).save()
    transaction.on_commit(lambda: send_invitation(member=member, by=by))
    return member


def send_invitation(*, member, by):
    """The invitation e-mail, in the invitee's language, with the link to sign in."""
    language = member.language
    with translation.override(language):
        link = mail.absolute(reverse("account_login"))
    mail.send(
        to=[member.user.email],
        language=language,
        template="members/email/invitation",
        context={
            "member": member,
            "organisation": member.organisation,
            "inviter": by.get_full_name() or by.email,
            "link": link,
        },
    )


@transaction.atomic
def colleague_remove(*, member, by):
    """End `member`'s membership of their organisation; `by` is who removed them.

    The account stays, tied to no organisation (the member area then tells them
    to write to the office), and the organisation's contact record of the person
    stays as the office holds it; the change is kept in the member's history.
    The last member of an organisation cannot be removed (ValidationError): the
    organisation would have no one left to keep its record current.
    """
    organisation_id = member.organisation_id
    # Two removals at once must not leave the organisation with no member: the
    # organisation's members are locked, and counted, before either is removed.
    members = {
        locked.pk: locked
        for locked in Member.objects.select_for_update()
        .filter(organisation_id=organisation_id)
        .order_by("pk")
    }
    if organisation_id is None or member.pk not in members:
        raise ValidationError(
            _("This person is no longer a member of the organisation."), code="not_member"
        )
    if len(members) <= 1:
        raise ValidationError(
            _(
                "The organisation must keep at least one member, so its last member "
                "cannot be removed."
            ),
            code="last_member",
        )
    member = members[member.pk]
    member.organisation, member.contact = None, None
    record_by(member, by).save(update_fields=["organisation", "contact"])
    return member


@transaction.atomic
def organisation_profile_propose(*, organisation, changes, language, logo=None, by):
    """A member's changes to their organisation's public record, from the profile page:
    (the revision awaiting the office, whether this made it).

    The page shows the proposal awaiting a decision, if any, and the member edits
    on from it, one language's texts at a time; so the new proposal is the pending
    one with these changes over it (texts of other languages and a new logo
    proposed before are kept), through `organisation_propose_revision`. Posting
    what already awaits the office again changes nothing and makes no new
    revision. Raises ValidationError as that service does.
    """
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    pending = organisation.revisions.filter(status=OrganisationRevision.Status.PENDING).first()
    if pending is not None:
        cleaned = revisions.clean_values(changes)
        merged = {**pending.changes, **cleaned}
        record = revisions.record_values(organisation, list(merged))
        merged = {key: value for key, value in merged.items() if value != record[key]}
        if not logo and merged == pending.changes:
            return pending, False
        changes = merged
        if not logo and pending.logo:
            logo = pending.logo
    revision = organisation_propose_revision(
        organisation=organisation, changes=changes, language=language, logo=logo, by=by
    )
    return revision, True


def member_close_account(*, member):
    """The member deletes their own account: `privacy.person_erase` on their request.

    Their data goes everywhere the portal holds it (their Member row and allauth's
    rows with it, portal/members/privacy.py); the account is stripped and
    deactivated, so its sessions end. The organisation and its public record
    stay. Once committed the office is told and the person gets a confirmation in
    the member's language. Returns the `PersonErasure`.
    """
    user = member.user
    return privacy.person_erase(email=user.email, user=user, by=user, language=member.language)


class NotInvitable(Exception):
    """The contact person has no e-mail address, or has a member account already."""


def _log(record, *, by, message):
    """Write a staff action into the admin's log of `record`."""
    LogEntry.objects.log_actions(
        user_id=by.pk,
        queryset=[record],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )


@transaction.atomic
def member_deactivate(*, member, by):
    """Close the member's account for now: no code is sent to it and its sessions
    end at their next request (Django signs in no inactive user). Its data stay."""
    user = member.user
    if user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
        _log(member, by=by, message="Deactivated: no sign-in until reactivated.")
    return member


@transaction.atomic
def member_reactivate(*, member, by):
    """Open a deactivated member's account again: they may ask for a code."""
    user = member.user
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        _log(member, by=by, message="Reactivated.")
    return member


def contact_to_invite(*, email):
    """The contact person with this address who may be invited (the one confirmed or
    made last), or None."""
    return (
        ContactPerson.objects.filter(email__iexact=(email or "").strip(), member__isnull=True)
        .exclude(email="")
        .select_related("organisation")
        .order_by("-email_confirmed_at", "-pk")
        .first()
    )


@transaction.atomic
def member_invite_contact(*, contact, by):
    """Staff invite a registered organisation's contact person to become a member.

    The person's address counts as confirmed from now on (the invitation is sent
    to it, and signing in takes the code sent to it), so the first code they ask
    for makes their account (`member_for_contact_email`). The invitation goes out
    on commit, in the person's language, with the link to the sign-in page.
    Raises NotInvitable for a person without an address or with an account.
    """
    contact = ContactPerson.objects.select_for_update().get(pk=contact.pk)
    if not contact.email or hasattr(contact, "member"):
        raise NotInvitable(contact)
    if contact.email_confirmed_at is None:
        contact.email_confirmed_at = timezone.now()
        record_by(contact, by).save(update_fields=["email_confirmed_at"])
    _log(contact, by=by, message="Invited to become a member.")
    language = contact.language if contact.language in LANGUAGE_CODES else LANGUAGE_CODES[0]
    with translation.override(language):
        sign_in = mail.absolute(reverse("account_login"))
    organisation = contact.organisation.name
    transaction.on_commit(
        lambda: mail.send(
            to=[contact.email],
            language=language,
            template="members/email/staff_invitation",
            context={"person": contact, "organisation": organisation, "sign_in": sign_in},
        )
    )
    return contact
