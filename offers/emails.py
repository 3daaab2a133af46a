"""E-mails about offers to the offering organisation, in its contact person's language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from offers import links
from portal.common.mail import render_subject


def absolute(path):
    return settings.PORTAL_URL.rstrip("/") + path


def offer_recipient(offer):
    """(address, language) of whom to write about an offer, or None.

    The organisation's first contact person with an e-mail address, in the language
    they chose; else the organisation's own address, in the offer's language.
    """
    organisation = offer.organisation
    contact = organisation.contacts.exclude(email="").order_by("pk").first()
    if contact is not None:
        return contact.email, contact.language
    if organisation.email:
        return organisation.email, offer.source_language
    return None


def _send(*, to, language, template, context, reply_to=()):
    with translation.override(language):
        context = {"contact": settings.PORTAL_CONTACT, "portal_url": settings.PORTAL_URL, **context}
        subject = render_subject(f"offers/email/{template}_subject.txt", context)
        body = render_to_string(f"offers/email/{template}.txt", context)
    EmailMessage(subject, body, to=to, reply_to=list(reply_to)).send()


def _title(offer, language):
    return offer.text("title", language) or offer.text("title", offer.source_language)


def send_expiry_reminder(offer):
    """The offer expires soon: one click on the signed link renews it for 12 months.

    Returns False (and sends nothing) when the organisation has no e-mail address.
    """
    recipient = offer_recipient(offer)
    if recipient is None:
        return False
    email, language = recipient
    with translation.override(language):
        path = reverse("offers:offer_renew", kwargs={"token": links.renew_token(offer)})
    _send(
        to=[email],
        language=language,
        template="reminder",
        context={
            "offer": offer,
            "title": _title(offer, language),
            "link": absolute(path),
            "link_days": links.RENEW_LINK_DAYS,
        },
    )
    return True


PUBLISHED, REJECTED, CHANGES_REQUESTED = "published", "rejected", "changes"


def send_decision(offer, decision, *, reason=""):
    """The office's decision on a submitted offer, in the recipient's language.

    PUBLISHED: with the link to its public page; REJECTED: with the reason;
    CHANGES_REQUESTED: with the changes asked for and how to send them (a reply to
    the office, or the questionnaire again). Returns False (and sends nothing)
    when the organisation has no e-mail address.
    """
    recipient = offer_recipient(offer)
    if recipient is None:
        return False
    email, language = recipient
    context = {"offer": offer, "title": _title(offer, language), "reason": reason}
    with translation.override(language):
        context["link"] = absolute(offer.get_absolute_url())
        context["questionnaire_link"] = absolute(reverse("questionnaire:start"))
    _send(
        to=[email],
        language=language,
        template=f"decision_{decision}",
        context=context,
        reply_to=[settings.PORTAL_CONTACT["email"]],
    )
    return True
