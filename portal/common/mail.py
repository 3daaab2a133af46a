"""E-mails from the portal: rendered in the reader's language, with absolute links.

Every app writes its e-mails through `send`: a subject and a body rendered from
`<template>_subject.txt` and `<template>.txt` in one language, with the office's
contact and the portal's address in the context. Callers that write in a
transaction queue the sending with `transaction.on_commit`, so that nothing is
sent for a change that is rolled back.

The rules of who gets an e-mail live here too: a firm's address and language
(`organisation_recipient`) and the office's staff (`staff_addresses`).
"""

import email.policy
from email.headerregistry import HeaderRegistry, UnstructuredHeader

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation

from portal.common.text import one_line


def absolute(path):
    """The portal's public address of `path` (from `reverse` or `get_absolute_url`)."""
    return settings.PORTAL_URL.rstrip("/") + path


def render_subject(template_name, context):
    """The subject rendered from `template_name`: escaped nowhere (it is not HTML),
    on one line, without the characters an e-mail header cannot carry."""
    template = get_template(template_name).template
    return one_line(template.render(Context(context, autoescape=False)))


def render(*, template, language, context):
    """(subject, body) of the e-mail `template` in `language`."""
    with translation.override(language):
        context = {"contact": settings.PORTAL_CONTACT, "portal_url": settings.PORTAL_URL, **context}
        subject = render_subject(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    return subject, body


def send(*, to, language, template, context, reply_to=(), headers=None, message_class=EmailMessage):
    """Render the e-mail `template` in `language` and send it to the addresses `to`."""
    subject, body = render(template=template, language=language, context=context)
    message_class(subject, body, to=list(to), reply_to=list(reply_to), headers=headers).send()


def first_contact(organisation):
    """The organisation's first contact person (by pk) with an e-mail address, or None."""
    return organisation.contacts.exclude(email="").order_by("pk").first()


def organisation_recipient(organisation, *, language, contact=None):
    """Where to write to an organisation: (address, language), or None.

    Its first contact person with an e-mail address (or the `contact` already
    found by `first_contact`), in the language that person chose; failing that,
    the organisation's own address, in `language` (the language the organisation
    wrote in, such as its offer's source language). None when it has neither.
    `organisation` needs `contacts` (people with `email` and `language`) and `email`.
    """
    contact = contact or first_contact(organisation)
    if contact is not None:
        return contact.email, contact.language
    if organisation.email:
        return organisation.email, language
    return None


def staff_addresses(permission):
    """The office's addresses told of new work needing `permission` (sorted).

    Active staff holding the permission who have an address, and the office's
    own addresses (QUESTIONNAIRE_NOTIFY_EMAILS), told of every such notice.
    Permissions are the staff's, held through the first authentication backend;
    the members' backend after it grants none.
    """
    holders = (
        get_user_model()
        .objects.with_perm(permission, backend=settings.AUTHENTICATION_BACKENDS[0])
        .filter(is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    return sorted({*holders, *settings.QUESTIONNAIRE_NOTIFY_EMAILS})


class OneLineHeader(UnstructuredHeader):
    """A header written on one line, as it is (RFC 5322 allows up to 998 characters).

    Python folds a header longer than 78 characters, and a word as long as an
    unsubscribe URL it turns into an RFC 2047 encoded word, which mail clients do
    not read as a URL.
    """

    def fold(self, *, policy):
        return f"{self.name}: {self}{policy.linesep}"


ONE_LINE_HEADERS = HeaderRegistry()
ONE_LINE_HEADERS.map_to_type("list-unsubscribe", OneLineHeader)


class UnsubscribableEmail(EmailMessage):
    """An e-mail whose List-Unsubscribe header stays one line, whatever the backend's policy."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(header_factory=ONE_LINE_HEADERS))


def unsubscribe_headers(url):
    """The headers of a one-click unsubscribe link (RFC 8058), for `UnsubscribableEmail`."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
