"""Change history of organisations, contact persons, offers and submissions.

django-simple-history keeps a historical row for every save: the record's values,
who (`history_user`), when and how (created, changed, deleted). The models are
registered here, from PortalConfig.ready(), after modeltranslation has added each
language's columns (`description_it`, ...), so that the history keeps them; the
untranslated originals (`description`) are left out, as they repeat the default
language's column.

Who changed a record: in a request, the signed-in user (HistoryRequestMiddleware);
a service records its `by=` with `record_by()`, so a moderator's publishing or a
background task started by a translator names them. Bulk updates and
`bulk_create` write no history: services use them only where history is not kept
or call `bulk_create_with_history`. The admin shows the history with
portal/common/history_admin.py.
"""

from modeltranslation.translator import NotRegistered, translator
from simple_history import register


def _translated_fields(model):
    try:
        return list(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []


def history_models():
    from companies.models import ContactPerson, Organisation
    from offers.models import Offer, OfferTranslation
    from questionnaire.models import Submission

    return [Organisation, ContactPerson, Offer, OfferTranslation, Submission]


# Not kept in the history: a submission's answers and raw form data are written
# once, when it is sent, and copies of them in every status change would only keep
# personal data longer (questionnaire/retention.py removes them).
EXCLUDED_FIELDS = {"questionnaire.submission": ["answers", "form_data"]}


def register_models():
    for model in history_models():
        if hasattr(model, "history"):
            continue
        excluded = _translated_fields(model) + EXCLUDED_FIELDS.get(model._meta.label_lower, [])
        register(model, excluded_fields=excluded, user_related_name="+")


def record_by(instance, by):
    """Name `by` as the author of the instance's next saves (when someone is known)."""
    if by is not None:
        instance._history_user = by
    return instance
