"""E-mails about offers: to the offering firm, to partners, to staff and to alert subscribers.

Each is in the language of whom it goes to and is sent through the kernel's
`portal.common.mail`; the services that cause them queue them on commit.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from offers import links, selectors
from portal.common import mail
from portal.common.languages import language_name
from portal.common.mail import absolute


def firm_contact(offer):
    """The contact person e-mails about an offer go to, or None (see `offer_recipient`)."""
    return mail.first_contact(offer.organisation)


def offer_recipient(offer, contact=None):
    """(address, language) of whom to write about an offer, or None.

    The organisation's first contact person with an e-mail address (or the
    `contact` already found by `firm_contact`), in the language they chose; else
    the organisation's own address, in the offer's language.
    """
    return mail.organisation_recipient(
        offer.organisation, language=offer.source_language, contact=contact
    )


def offer_title(offer, language):
    """The offer's title in `language`, else in its source language."""
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
    mail.send(
        to=[email],
        language=language,
        template="offers/email/reminder",
        context={
            "offer": offer,
            "title": offer_title(offer, language),
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
    context = {"offer": offer, "title": offer_title(offer, language), "reason": reason}
    with translation.override(language):
        context["link"] = absolute(offer.get_absolute_url())
        context["questionnaire_link"] = absolute(reverse("questionnaire:start"))
    mail.send(
        to=[email],
        language=language,
        template=f"offers/email/decision_{decision}",
        context=context,
        reply_to=[settings.PORTAL_CONTACT["email"]],
    )
    return True


EDIT_ACCEPTED, EDIT_REJECTED = "edit_accepted", "edit_rejected"


def send_edit_decision(revision, decision):
    """The office's decision on an edit the firm proposed, in the recipient's language.

    EDIT_ACCEPTED: the offer's page shows the edit now (its link); EDIT_REJECTED:
    the offer stays as it was, and why. Returns False (and sends nothing) when the
    organisation has no e-mail address.
    """
    offer = revision.offer
    recipient = offer_recipient(offer)
    if recipient is None:
        return False
    email, language = recipient
    context = {
        "offer": offer,
        "title": offer_title(offer, language),
        "proposed_at": revision.proposed_at,
        "reason": revision.reason,
    }
    with translation.override(language):
        context["link"] = absolute(offer.get_absolute_url())
    mail.send(
        to=[email],
        language=language,
        template=f"offers/email/{decision}",
        context=context,
        reply_to=[settings.PORTAL_CONTACT["email"]],
    )
    return True


# Expressions of interest.


def send_confirmation_to_partner(interest):
    """The partner's receipt: the offer by reference and title, never the firm."""
    offer = interest.offer
    with translation.override(interest.language):
        link = absolute(offer.get_absolute_url())
    mail.send(
        to=[interest.email],
        language=interest.language,
        template="offers/email/interest_received",
        context={
            "interest": interest,
            "reference": offer.reference,
            "title": offer_title(offer, interest.language),
            "link": link,
        },
    )


def notify_staff_of_interest(interest):
    """Tell the staff who forward expressions of interest, in Polish."""
    recipients = mail.staff_addresses("offers.forward_interest")
    if not recipients:
        return
    language = settings.LANGUAGE_CODE
    with translation.override(language):
        path = reverse("admin:offers_expressionofinterest_change", args=[interest.pk])
    mail.send(
        to=recipients,
        language=language,
        template="offers/email/interest_staff",
        context={
            "interest": interest,
            "offer": interest.offer,
            "title": offer_title(interest.offer, language),
            "link": absolute(path),
        },
    )


def send_to_firm(interest, *, address, language):
    """The partner's details and message, for the firm; replies go to the partner."""
    offer = interest.offer
    mail.send(
        to=[address],
        language=language,
        template="offers/email/interest_forward",
        context={
            "interest": interest,
            "offer": offer,
            "title": offer_title(offer, language),
        },
        reply_to=[interest.email],
    )


# Alerts: each e-mail in the alert's language, with its one-click unsubscribe.

# A digest lists at most so many offers, then links to the list with the search.
DIGEST_MAX_OFFERS = 50


def _send_to_subscriber(*, alert, template, context):
    """One e-mail about an alert, with the alert's search and its unsubscribe link."""
    unsubscribe = links.unsubscribe_url(alert)
    mail.send(
        to=[alert.email],
        language=alert.language,
        template=f"offers/email/{template}",
        context={
            "alert": alert,
            "search": selectors.describe_search(alert.query, alert.filters, alert.language),
            "list_link": links.list_url(alert),
            "unsubscribe_link": unsubscribe,
            **context,
        },
        headers=mail.unsubscribe_headers(unsubscribe),
        message_class=mail.UnsubscribableEmail,
    )


def send_alert_confirmation_request(alert):
    """The signed link that confirms a new alert."""
    with translation.override(alert.language):
        path = reverse("offers:alert_confirm", kwargs={"token": links.confirmation_token(alert)})
    _send_to_subscriber(
        alert=alert,
        template="alert_confirm",
        context={"link": absolute(path), "days": links.CONFIRM_LINK_DAYS},
    )


def digest_lines(offers, language):
    """Reference, title (in `language`, else the source language) and link of each offer."""
    lines = []
    with translation.override(language):
        for offer in offers[:DIGEST_MAX_OFFERS]:
            title_language = language if offer.text("title", language).strip() else None
            title_language = title_language or offer.source_language
            lines.append(
                {
                    "reference": offer.reference,
                    "title": offer.text("title", title_language),
                    "other_language": str(language_name(title_language))
                    if title_language != language
                    else None,
                    "link": absolute(
                        reverse("offers:offer_detail", kwargs={"reference": offer.reference})
                    ),
                }
            )
    return lines


def send_digest(alert, offers):
    """The new offers that match an alert, at most DIGEST_MAX_OFFERS of them."""
    _send_to_subscriber(
        alert=alert,
        template="alert_digest",
        context={
            "offers": digest_lines(offers, alert.language),
            "count": len(offers),
            "more": max(len(offers) - DIGEST_MAX_OFFERS, 0),
        },
    )
