"""The documents' translation queue on the admin's start page (portal/common/dashboard.py).

Registered from DocumentsConfig.ready(), for staff who may translate or change
documents: per language, how many documents have their title and description
missing, outdated or machine drafts not reviewed. Their states are worked out from
the texts and TranslationRecords (portal/common/translations.py): two queries
for every document, which are few (tens, not thousands).
"""

from collections import Counter

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from portal.common.dashboard import QUEUE_STATES, TranslationQueue, queue_rows
from portal.common.translations import translatable_for
from portal.documents.models import Document


def may_translate_documents(user):
    return user.has_perm("documents.translate_document") or user.has_perm(
        "documents.change_document"
    )


def document_states():
    """{document pk: {language: state}} of every document."""
    return translatable_for(Document).states_of_many(Document.objects.order_by("pk"))


def in_queue(language, state):
    """The keys of the documents whose texts in `language` are in `state`."""
    return [pk for pk, states in document_states().items() if states[language] == state]


def count_translation_queue(user, now):
    counted = {}
    for states in document_states().values():
        for language, state in states.items():
            if state in QUEUE_STATES:
                counted.setdefault(language, Counter())[state] += 1
    url = reverse("admin:documents_document_changelist")
    return queue_rows(
        counted,
        lambda language, state: f"{url}?{urlencode({'translation_queue': f'{language}-{state}'})}",
    )


TRANSLATION_QUEUE = TranslationQueue(
    caption=_("Translation queue: documents"),
    element_id="dashboard-translation-queue-documents",
    figure_prefix="queue-documents",
    order=40,
    may_see=may_translate_documents,
    count=count_translation_queue,
)

BLOCKS = (TRANSLATION_QUEUE,)
