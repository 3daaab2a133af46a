"""Change history of the records the apps name (organisations, offers, submissions, ...).

django-simple-history keeps a historical row for every save: the record's values,
who (`history_user`), when and how (created, changed, deleted). Each app names its
models with `keep_history()` from its AppConfig.ready(), which runs after
modeltranslation's has added each language's columns (`description_it`, ...), so
that the history keeps them; the untranslated originals (`description`) are left
out, as they repeat the default language's column.

Who changed a record: in a request, the signed-in user (HistoryRequestMiddleware);
a service records its `by=` with `record_by()`, so a moderator's publishing or a
background task started by a translator names them. Bulk updates and
`bulk_create` write no history: services use them only where history is not kept
or call `bulk_create_with_history`. The admin shows the history with
portal/common/history_admin.py.
"""

from modeltranslation.translator import NotRegistered, translator
from simple_history import register

# The models whose history is kept, as their apps name them.
_KEPT = []


def _translated_fields(model):
    try:
        return list(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []


def keep_history(model, *, excluded_fields=()):
    """Keep the change history of `model`: its app calls this from its
    AppConfig.ready(). Fields left out of the history are named in
    `excluded_fields`; translated originals are always left out."""
    if hasattr(model, "history"):
        return
    excluded = _translated_fields(model) + list(excluded_fields)
    register(model, excluded_fields=excluded, user_related_name="+")
    _KEPT.append(model)


def history_models():
    """The models whose history is kept, in the order their apps named them."""
    return list(_KEPT)


def record_by(instance, by):
    """Name `by` as the author of the instance's next saves (when someone is known)."""
    if by is not None:
        instance._history_user = by
    return instance
