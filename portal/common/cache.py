"""What many requests show and few writes change, kept in the cache per language.

A list page's filter options (the clusters, the NACE activities, the countries
the data holds) cost a query or more each and a sort in the reader's language;
they are the same for every reader of a language until the data changes. A
value is kept under its name and the language, for `timeout` seconds at most:
the writes that change it forget it in every language (`forget`), and the
timeout bounds what no write announces (an offer whose date passes, the cache
in another process's memory, a request that read the rows just before a write
committed).

The cache is a help, never a need: with the cache server down the value is
built for each request, and a warning is logged.
"""

import logging

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

from portal.common.languages import LANGUAGE_CODES

logger = logging.getLogger(__name__)


def _key(name, language):
    return f"{name}:{language}"


def cached_per_language(name, build, *, timeout):
    """The value kept as `name` in the reader's language, built by `build()` if not kept."""
    key = _key(name, get_language())
    try:
        value = cache.get(key)
    except Exception:
        # Whatever the cache's client raises when its server is gone.
        logger.warning("%s not read from the cache: it does not answer.", name, exc_info=True)
        return build()
    if value is None:
        value = build()
        try:
            cache.set(key, value, timeout)
        except Exception:
            logger.warning("%s not kept in the cache: it does not answer.", name, exc_info=True)
    return value


def forget(*names):
    """Forget the values kept as `names` in every language.

    A writer forgets before its transaction commits: a request that reads the
    rows in between keeps them as they were until its value times out, which is
    why the values that writes change are kept a short time.
    """
    keys = [_key(name, language) for name in names for language in LANGUAGE_CODES]
    try:
        cache.delete_many(keys)
    except Exception:
        # The timeout will retire the old values: a write never fails for the cache.
        logger.warning("%s not forgotten: the cache does not answer.", ", ".join(names))


def forget_on_change(models, receiver, *, uid):
    """Call `receiver` whenever a row of one of `models` is saved or deleted, and,
    for a many-to-many link table, whenever its links change.

    Apps connect what they keep in the cache (option lists, pages) to the writes
    that change it from their `AppConfig.ready()`; `uid` names what is forgotten.
    """
    for model in models:
        dispatch_uid = f"{model._meta.label_lower}-{uid}"
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(receiver, sender=model, dispatch_uid=dispatch_uid)
