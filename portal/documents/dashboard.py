"""The documents' translation queue on the admin's start page (portal/common/dashboard.py).

Registered from DocumentsConfig.ready(), for staff who may translate or change
documents: documents whose title and description in a language are missing,
outdated or machine drafts not reviewed. Two queries, however many documents
(portal/common/translation_queue.py).
"""

from django.utils.translation import gettext_lazy as _

from portal.common.translation_queue import record_queue
from portal.documents.models import Document

TRANSLATION_QUEUE, TranslationQueueFilter = record_queue(
    rows=lambda: Document.objects.all(),
    caption=_("Translation queue: documents"),
    element_id="dashboard-translation-queue-documents",
    figure_prefix="queue-documents",
    order=40,
    permissions=["documents.translate_document", "documents.change_document"],
)

BLOCKS = (TRANSLATION_QUEUE,)
