"""E-mails about offers to the offering organisation, in its contact person's language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from offers import links


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


def _send(*, to, language, template, context):
    with translation.override(language):
        context = {"contact": settings.PORTAL_CONTACT, "portal_url": settings.PORTAL_URL, **context}
        subject = render_to_string(f"offers/email/{template}_subject.txt", context)
        body = render_to_string(f"offers/email/{template}.txt", context)
    EmailMessage(" ".join(subject.split()), body, to=to).send()


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
            "title": offer.text("title", language) or offer.text("title", offer.source_language),
            "link": absolute(path),
            "link_days": links.RENEW_LINK_DAYS,
        },
    )
    return True
