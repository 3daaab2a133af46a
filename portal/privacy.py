"""A person's data across the portal: exported (GDPR art. 15 and 20) and erased (art. 17).

A person is known by their e-mail address, and by their user account when they
have one. Each domain app answers for its own tables (`person_data` and
`person_erase` in its services); this module puts them together, strips the
account, and writes who asked for an erasure and when in `PersonErasure`, without
the person's data. portal/common/erasure.py says what an erasure leaves behind.
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from companies import services as companies
from offers.services import privacy as offers
from portal.common import mail
from portal.common.erasure import Erasure, addresses, redact_admin_log, when
from portal.common.languages import LANGUAGE_CODES
from portal.events import privacy as events
from portal.members import privacy as members
from portal.models import PersonErasure
from questionnaire import services as questionnaire

# Each app's part, under its name, in the order they are erased: a later app's
# redaction knows the names the earlier ones found.
PARTS = {
    "companies": companies,
    "offers": offers,
    "questionnaire": questionnaire,
    "members": members,
    "events": events,
}


def person_export(*, email, user=None):
    """Everything the portal holds about the person, as one JSON-serialisable dict."""
    export = {
        "portal": {"name": gettext("Podlaskie clusters"), "url": settings.PORTAL_URL},
        "generated_at": when(timezone.now()),
        "email": email,
    }
    if user is not None:
        export["account"] = {
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "joined_at": when(user.date_joined),
            "last_login": when(user.last_login),
        }
    for name, part in PARTS.items():
        export[name] = part.person_data(email=email, user=user)
    return export


def holds_anything(export):
    """Whether an export found anything beside the account."""
    return any(rows for name in PARTS for rows in export[name].values())


def person_language(export):
    """The language the person chose or wrote in last: for e-mails to them."""
    found = [
        *(row["language"] for row in export["members"]["members"]),
        *(row["language"] for row in export["companies"]["contact_persons"]),
        *(row["language"] for row in reversed(export["questionnaire"]["submissions"])),
        *(row["language"] for row in reversed(export["offers"]["expressions_of_interest"])),
        *(row["language"] for row in reversed(export["offers"]["alerts"])),
        *(row["language"] for row in reversed(export["events"]["registrations"])),
        *(row["language"] for row in reversed(export["questionnaire"]["saved_questionnaires"])),
    ]
    return next((code for code in found if code in LANGUAGE_CODES), settings.LANGUAGE_CODE)


def person_erase(*, email, user=None, by=None, language=None):
    """Erase the person everywhere in one transaction; return the `PersonErasure`.

    Each app anonymises or deletes its rows; the account, when given, is
    deactivated and stripped (no name, no address, an unusable password, no staff
    rights), and the admin's log and the sign-in attempts no longer name them.
    Once committed, the office is told (with the organisations left without a
    contact person) and the person gets a confirmation at the addresses they had,
    in `language` or else the one they chose or wrote in.
    """
    with transaction.atomic():
        export = person_export(email=email, user=user)
        language = language if language in LANGUAGE_CODES else person_language(export)
        recipients = addresses(email=email, user=user)
        without_contact = companies.organisations_left_without_contact(email=email, user=user)
        erasure = Erasure(emails=recipients)
        counts = {}
        for name, part in PARTS.items():
            counts[name] = part.person_erase(email=email, user=user, by=by, erasure=erasure)
        if user is not None:
            counts["account"] = _strip_account(user, erasure)
        counts["admin_log"] = redact_admin_log(erasure)
        oneself = by is not None and user is not None and by.pk == user.pk
        record = PersonErasure.objects.create(
            erasure_id=erasure.id,
            requested_by=PersonErasure.Channel.PERSON if oneself else PersonErasure.Channel.STAFF,
            staff_member=None if oneself else by,
            staff_username="" if oneself or by is None else by.get_username(),
            had_account=user is not None,
            counts=counts,
        )
        organisations = [(o.name, _admin_link(o)) for o in without_contact]
        transaction.on_commit(lambda: _tell_office(record, organisations))
        transaction.on_commit(lambda: _confirm_to_person(record, recipients, language))
    return record


def _strip_account(user, erasure):
    """Deactivate the account and leave nothing in it that names the person."""
    usernames = [user.get_username(), *erasure.emails]
    erasure.learn(names=[user.get_full_name(), user.last_name])
    user.username = f"{erasure.marker}".replace(" ", "-")
    user.first_name = user.last_name = user.email = ""
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    TOTPDevice.objects.filter(user=user).delete()
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
    ).update(object_repr=user.username)
    by_name = Q(pk__in=[])
    for username in usernames:
        by_name |= Q(username__iexact=username)
    sign_ins = 0
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        sign_ins += model.objects.filter(by_name).delete()[0]
    return {"accounts": 1, "sign_in_records": sign_ins}


def _admin_link(organisation):
    with translation.override(settings.LANGUAGE_CODE):
        return mail.absolute(reverse("admin:companies_organisation_change", args=[organisation.pk]))


def _tell_office(record, organisations):
    """The office (and its data protection officer) learn of the erasure, in Polish."""
    contact = settings.PORTAL_CONTACT
    to = sorted({address for address in (contact["email"], contact["dpo_email"]) if address})
    mail.send(
        to=to,
        language=settings.LANGUAGE_CODE,
        template="portal/email/erasure_office",
        context={"erasure": record, "organisations": organisations},
    )


def _confirm_to_person(record, recipients, language):
    if recipients:
        mail.send(
            to=recipients,
            language=language,
            template="portal/email/erasure_person",
            context={"erasure": record},
        )
