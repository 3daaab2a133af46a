"""The member area's part of a person's export and erasure (portal/privacy.py).

A member's data is their Member row (kind, organisation, language, the
information clause they acknowledged, who invited them) and allauth's rows for
their addresses (EmailAddress, and the e-mail confirmations that hang on them).
The user account itself is stripped by portal/privacy.py.
"""

from allauth.account.models import EmailAddress
from django.db.models import Q

from portal.common.erasure import Erasure, addresses, email_q, when
from portal.members.models import Member


def _members(emails, user):
    found = email_q("user__email", emails)
    if user is not None:
        found |= Q(user=user)
    return Member.objects.filter(found)


def _email_addresses(emails, user):
    found = email_q("email", emails)
    if user is not None:
        found |= Q(user=user)
    return EmailAddress.objects.filter(found)


def person_data(*, email, user=None):
    """The person's member accounts and the addresses allauth keeps for them."""
    emails = addresses(email=email, user=user)
    members = _members(emails, user).select_related("user", "organisation", "invited_by")
    return {
        "members": [
            {
                "kind": member.kind,
                "organisation": (
                    {"id": member.organisation_id, "name": member.organisation.name}
                    if member.organisation_id
                    else None
                ),
                "contact_person": member.contact_id,
                "organisation_name": member.organisation_name,
                "country": member.country.code or "",
                "language": member.language,
                "information_clause": {
                    "version": member.privacy_notice_version,
                    "at": when(member.privacy_acknowledged_at),
                },
                "invited_by_staff": member.invited_by is not None,
                "joined_at": when(member.created_at),
                "last_sign_in": when(member.user.last_login),
            }
            for member in members.order_by("pk")
        ],
        "email_addresses": [
            {"email": row.email, "verified": row.verified, "primary": row.primary}
            for row in _email_addresses(emails, user).order_by("pk")
        ],
    }


def person_erase(*, email, user=None, by=None, erasure=None):
    """Delete the person's Member rows and allauth's address rows (and so their
    pending e-mail confirmations). The organisation a member was tied to stays."""
    erasure = erasure or Erasure(emails=addresses(email=email, user=user))
    members = _members(erasure.emails, user).delete()[1].get(Member._meta.label, 0)
    email_addresses = (
        _email_addresses(erasure.emails, user).delete()[1].get(EmailAddress._meta.label, 0)
    )
    return {"members": members, "email_addresses": email_addresses}
