"""Background tasks on offers, run by `manage.py task_worker` (django-tasks-db)."""

from django.tasks import task
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from offers import services
from offers.models import Offer
from portal.common import machine_translation
from portal.models import TaskProgress


class OffersNotTranslated(Exception):
    """Some offers of a bulk machine translation failed; the message lists them."""


@task(takes_context=True)
def translate_offers(context, offer_ids, languages=None):
    """Machine-translate the missing and outdated languages of these offers.

    Offer by offer, each one's drafts saved as they come: one offer's failure
    does not stop the others, but an exceeded quota stops the run, since no
    other offer could be translated either. If any offer failed, the task
    fails with a message naming each one and why, shown to staff with the
    task's result. Returns the numbers of offers and languages translated.
    Its progress (offers done of all) is written after each offer.
    """
    backend = machine_translation.get_backend()
    offers = list(Offer.objects.filter(pk__in=offer_ids).order_by("reference"))
    progress, _created = TaskProgress.objects.update_or_create(
        task_id=context.task_result.id, defaults={"done": 0, "total": len(offers)}
    )
    translated_offers = translated_languages = 0
    failures = []
    not_tried = []
    quota_exceeded = False
    for offer in offers:
        if quota_exceeded:
            not_tried.append(offer.reference)
            continue
        try:
            written = services.offer_machine_translate(
                offer=offer, languages=languages, backend=backend
            )
        except machine_translation.MachineTranslationError as error:
            failures.append((offer.reference, error))
            quota_exceeded = isinstance(error, machine_translation.QuotaExceeded)
        else:
            if written:
                translated_offers += 1
                translated_languages += len(written)
        progress.done += 1
        progress.save(update_fields=["done", "updated_at"])
    if failures:
        lines = [f"{reference}: {error}" for reference, error in failures]
        if not_tried:
            lines.append(_("Not tried: %(offers)s.") % {"offers": ", ".join(not_tried)})
        raise OffersNotTranslated(
            ngettext(
                "%(count)d offer of %(total)d was not machine-translated.",
                "%(count)d offers of %(total)d were not machine-translated.",
                len(failures) + len(not_tried),
            )
            % {"count": len(failures) + len(not_tried), "total": len(offer_ids)}
            + " "
            + " ".join(lines)
        )
    return {"offers": translated_offers, "languages": translated_languages}
