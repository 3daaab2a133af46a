"""One translation queue per translated model: its dashboard table and its admin filter.

A queue holds, per language and state (missing, outdated, machine draft not
reviewed), the rows whose texts await a translator. The dashboard counts it
(`portal/common/dashboard.py`) and every figure links to the model's admin list
filtered by `QueueFilter` to exactly those rows, with the value
"<language>-<state>" ("it-missing").

Models whose states are worked out from their texts and TranslationRecords
(`RecordTranslatable`) need only say which rows count and who may see them:
`record_queue()` gives both the block and the filter, in two queries however
many rows there are. Offers, which keep a table of states, subclass
`QueueFilter` with their own `waiting_for`.
"""

from collections import defaultdict

from django.contrib import admin
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.common.dashboard import QUEUE_STATES, State, TranslationQueue, queue_rows
from portal.common.dashboard import admin_list_url as list_url
from portal.common.languages import LANGUAGE_CODES, language_name
from portal.common.translations import translatable_for

PARAMETER = "translation_queue"

# The queue's states, as the filter names them.
QUEUE_WORDS = {
    State.MISSING: _("missing"),
    State.OUTDATED: _("outdated"),
    State.MACHINE: _("machine translation, not reviewed"),
}


def queue_choices():
    """The filter's choices: every language with every state the queue counts."""
    return [
        (f"{code}-{state}", format_lazy("{}: {}", language_name(code), QUEUE_WORDS[state]))
        for code in LANGUAGE_CODES
        for state in QUEUE_STATES
    ]


def chosen(value):
    """(language, state) named by a filter value, or None for one that names none."""
    language, _dash, state = (value or "").partition("-")
    if language not in LANGUAGE_CODES or state not in QUEUE_STATES:
        return None
    return language, State(state)


class QueueFilter(admin.SimpleListFilter):
    """Rows whose texts in one language are in one state of the queue."""

    title = _("translation queue")
    parameter_name = PARAMETER

    def waiting_for(self, language, state):
        """The keys (a list or a query of them) of the rows in the queue."""
        raise NotImplementedError

    def lookups(self, request, model_admin):
        return queue_choices()

    def queryset(self, request, queryset):
        choice = chosen(self.value())
        if choice is None:
            return queryset
        return queryset.filter(pk__in=self.waiting_for(*choice))


def waiting(rows):
    """{(language, state): [pk, ...]} of `rows` (a query of a RecordTranslatable
    model) whose texts await a translator. Two queries, however many rows."""
    translatable = translatable_for(rows.model)
    fields = [f"{field}_{code}" for field in translatable.fields for code in LANGUAGE_CODES]
    queue = defaultdict(list)
    for pk, states in translatable.states_of_many(rows.only("pk", *fields)).items():
        for language, state in states.items():
            if state in QUEUE_STATES:
                queue[language, State(state)].append(pk)
    return queue


def record_queue(*, rows, caption, element_id, figure_prefix, order, permissions):
    """The dashboard block and the admin filter of one model's queue.

    `rows()` is the query of the rows that count (published ones, say);
    `permissions` are those of which any lets a user see the block.
    """
    model = rows().model
    changelist = f"{model._meta.app_label}_{model._meta.model_name}_changelist"

    def may_see(user):
        return any(user.has_perm(permission) for permission in permissions)

    def count(user, now):
        counted = defaultdict(dict)
        for (language, state), keys in waiting(rows()).items():
            counted[language][state] = len(keys)
        return queue_rows(
            counted,
            lambda language, state: list_url(changelist, **{PARAMETER: f"{language}-{state}"}),
        )

    class Filter(QueueFilter):
        def waiting_for(self, language, state):
            return waiting(rows()).get((language, state), [])

    block = TranslationQueue(
        caption=caption,
        element_id=element_id,
        figure_prefix=figure_prefix,
        order=order,
        may_see=may_see,
        count=count,
    )
    return block, Filter
