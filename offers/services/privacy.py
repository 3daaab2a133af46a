"""A person's data in the offers: the expressions of interest they sent, and their alerts.

portal/common/erasure.py says what an erasure leaves; portal/privacy.py puts the
apps' parts together.
"""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from offers.models import ExpressionOfInterest, SavedSearch
from portal.common.erasure import ERASED, Erasure, addresses, email_q, when

__all__ = ["person_data", "person_erase"]


def _interests(emails):
    return ExpressionOfInterest.objects.filter(email_q("email", emails))


def _interest_log(interests):
    """The admin's log of what staff did with these expressions of interest."""
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ExpressionOfInterest),
        object_id__in=[str(interest.pk) for interest in interests],
    ).order_by("action_time", "pk")


def person_data(*, email, user=None):
    """The expressions of interest the person sent, with what became of them, and
    their offer alerts."""
    emails = addresses(email=email, user=user)
    interests = list(_interests(emails).select_related("offer").order_by("created_at", "pk"))
    log = {}
    for entry in _interest_log(interests):
        log.setdefault(int(entry.object_id), []).append(
            {"at": when(entry.action_time), "what": entry.get_change_message()}
        )
    return {
        "expressions_of_interest": [
            {
                "id": interest.pk,
                "offer": {
                    "reference": interest.offer.reference,
                    "title": str(interest.offer),
                },
                "name": interest.name,
                "organisation_name": interest.organisation_name,
                "country": interest.country.code,
                "email": interest.email,
                "phone": interest.phone,
                "message": interest.message,
                "language": interest.language,
                "consent": {"version": interest.consent_version, "at": when(interest.consent_at)},
                "status": interest.status,
                "sent_at": when(interest.created_at),
                "forwarded_at": when(interest.forwarded_at),
                "log": log.get(interest.pk, []),
            }
            for interest in interests
        ],
        "alerts": [
            {
                "email": alert.email,
                "language": alert.language,
                "words": alert.query,
                "filters": alert.filters,
                "consent_version": alert.consent_version,
                "created_at": when(alert.created_at),
                "confirmed_at": when(alert.confirmed_at),
                "last_sent_at": when(alert.last_sent_at),
            }
            for alert in SavedSearch.objects.filter(email_q("email", emails)).order_by("pk")
        ],
    }


@transaction.atomic
def person_erase(*, email, user=None, by=None, erasure=None):
    """Anonymise the person's expressions of interest and delete their alerts.

    An expression of interest stays for the register of co-operation (its offer,
    the partner's organisation and country, its status and dates) with the
    erasure's marker for a name, no address or phone, and the message replaced:
    the person wrote it. The office's note for the firm keeps its words without
    the person's name. An alert serves nobody else: it is deleted.
    """
    erasure = erasure or Erasure(emails=addresses(email=email, user=user))
    interests = list(_interests(erasure.emails).select_for_update())
    erasure.learn(
        names=[interest.name for interest in interests],
        phones=[interest.phone for interest in interests],
    )
    for interest in interests:
        interest.name = erasure.marker
        interest.email = interest.phone = ""
        interest.message = ERASED
        interest.staff_note = erasure.redact(interest.staff_note)
        interest.save(update_fields=["name", "email", "phone", "message", "staff_note"])
    alerts, _rows = SavedSearch.objects.filter(email_q("email", erasure.emails)).delete()
    return {"expressions_of_interest": len(interests), "alerts": alerts}
