"""The partners' translation queue on the admin's start page (portal/common/dashboard.py).

Registered from ProjectConfig.ready(), for staff who may translate or change the
project's partners: partners whose name and description in a language are
missing, outdated or machine drafts not reviewed (portal/common/translation_queue.py).
"""

from django.utils.translation import gettext_lazy as _

from portal.common.translation_queue import record_queue
from portal.project.models import Partner

TRANSLATION_QUEUE, TranslationQueueFilter = record_queue(
    rows=lambda: Partner.objects.all(),
    caption=_("Translation queue: project partners"),
    element_id="dashboard-partner-translation-queue",
    figure_prefix="partner-queue",
    order=50,
    permissions=["project.translate_partner", "project.change_partner"],
)

BLOCKS = (TRANSLATION_QUEUE,)
