"""E-mails about organisations, each in the language of whom it goes to."""

from django.utils import translation

from companies.models import ContactPerson
from portal.common import mail
from portal.common.mail import absolute


def revision_recipient(revision):
    """(address, language) of whom proposed a revision, or None.

    The proposer is told only when their account has an e-mail address and the
    organisation has a contact person with that address (a member is a contact
    person of their organisation, signed in with its address): the e-mail goes in
    that person's language.
    """
    user = revision.proposed_by
    address = getattr(user, "email", "")
    if not address:
        return None
    contact = (
        ContactPerson.objects.filter(
            organisation_id=revision.organisation_id, email__iexact=address
        )
        .order_by("pk")
        .first()
    )
    if contact is None:
        return None
    return address, contact.language


def send_revision_decision(revision):
    """The office's decision on a proposed revision: accepted, or rejected with the reason.

    Returns False (and sends nothing) when there is no one to tell.
    """
    recipient = revision_recipient(revision)
    if recipient is None:
        return False
    address, language = recipient
    organisation = revision.organisation
    context = {"revision": revision, "organisation": organisation, "reason": revision.reason}
    if organisation.is_published:
        with translation.override(language):
            context["link"] = absolute(organisation.get_absolute_url())
    mail.send(
        to=[address],
        language=language,
        template=f"companies/email/revision_{revision.status}",
        context=context,
    )
    return True
