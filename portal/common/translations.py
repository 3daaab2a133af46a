"""The translation-state engine: one record's translations in every language.

A translated model's `Translatable` says how to read the state of each language,
fill a machine draft and save a translator's review; the admin's translation
workspace (portal/common/translator_admin.py) works through it. Offers keep their
states in OfferTranslation, written by offers.services (`OfferTranslatable` in
offers/translations.py). Organisations, clusters and survey questions have no
table of their own: `RecordTranslatable` keeps a TranslationRecord per written
language (who wrote it, from which source texts) and works the state out from it
and the texts, so that a source text changed anywhere (by a firm's questionnaire,
say) makes its translations outdated without every writer having to know.

Machine translation never replaces a text a person wrote (`machine_may_write`,
the one place of that rule); a translator's review makes a text human.

A translated model with translation states is registered here from its app's
`AppConfig.ready()`, e.g. `register(Cluster, RecordTranslatable("name",
"description"))`, or `register(Offer, OfferTranslatable())` for a model that
keeps its own; the workspace finds it here, and a test checks that no model
modeltranslation translates is left out.
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from portal.common import machine_translation
from portal.common.history import record_by
from portal.common.languages import LANGUAGE_CODES
from portal.models import TranslationOrigin, TranslationRecord, TranslationState

State = TranslationState
Origin = TranslationOrigin


def texts_digest(texts):
    """A fingerprint of source texts: a translation made from others is outdated."""
    return hashlib.sha256("\x1f".join(texts).encode()).hexdigest()


def machine_may_write(state, origin):
    """Whether a machine may write a language's texts in this state, by this origin.

    A machine never replaces a person's text, even an outdated one: it fills a
    missing text and rewrites its own drafts, up to date or outdated; never the
    source, never a translation a person wrote.
    """
    if state == State.MISSING:
        return True
    return state in {State.MACHINE, State.OUTDATED} and origin == Origin.MACHINE


class Translatable:
    """How the workspace reads and writes one model's translated fields."""

    fields = ()

    def texts(self, obj, language):
        return {field: getattr(obj, f"{field}_{language}", "") or "" for field in self.fields}

    def digest(self, obj, language):
        return texts_digest(self.texts(obj, language).values())

    def source_choices(self, obj):
        """The languages the translator may translate from."""
        raise NotImplementedError

    def source_language(self, obj, chosen=None):
        choices = self.source_choices(obj)
        if chosen in choices:
            return chosen
        return choices[0] if choices else settings.LANGUAGE_CODE

    def states(self, obj, source):
        """{language: TranslationState} for every language."""
        raise NotImplementedError

    def machine_may_fill(self, obj, language, source):
        """Whether a machine draft may be written in `language`: `machine_may_write`'s answer."""
        raise NotImplementedError

    def fill_from_machine(self, obj, *, language, source, by):
        """Write a machine draft; False if it could not be written (now human, or stale).

        Raises a MachineTranslationError when the service fails.
        """
        raise NotImplementedError

    def save_review(self, obj, *, language, source, texts, by):
        """A translator's reviewed texts: a human translation of the current source."""
        raise NotImplementedError


class RecordTranslatable(Translatable):
    """Models whose translation states are worked out from their TranslationRecords.

    The fields' order is part of the recorded digests: reordering them would make
    every recorded translation outdated.
    """

    def __init__(self, *fields):
        self.fields = fields

    def source_choices(self, obj):
        return [
            code
            for code in LANGUAGE_CODES
            if any(text.strip() for text in self.texts(obj, code).values())
        ]

    def _records(self, obj):
        return {
            record.language: record
            for record in TranslationRecord.objects.filter(
                content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
            )
        }

    def _state(self, obj, language, source, record):
        if language == source:
            return State.SOURCE
        if not any(text.strip() for text in self.texts(obj, language).values()):
            return State.MISSING
        if record is None:
            return State.HUMAN  # written with no record of it: by a person
        if record.source_digest != self.digest(obj, record.source_language):
            return State.OUTDATED
        return State.MACHINE if record.origin == Origin.MACHINE else State.HUMAN

    def states(self, obj, source):
        records = self._records(obj)
        return {code: self._state(obj, code, source, records.get(code)) for code in LANGUAGE_CODES}

    def states_of_many(self, objs):
        """{pk: {language: TranslationState}} of many records, from their own sources.

        One query for all their TranslationRecords, however many records: for a
        translation queue that counts a model's records together.
        """
        objs = list(objs)
        if not objs:
            return {}
        records = {}
        for record in TranslationRecord.objects.filter(
            content_type=ContentType.objects.get_for_model(objs[0]),
            object_id__in=[obj.pk for obj in objs],
        ):
            records.setdefault(record.object_id, {})[record.language] = record
        states = {}
        for obj in objs:
            source = self.source_language(obj)
            mine = records.get(obj.pk, {})
            states[obj.pk] = {
                code: self._state(obj, code, source, mine.get(code)) for code in LANGUAGE_CODES
            }
        return states

    def machine_may_fill(self, obj, language, source):
        if language == source:
            return False
        record = self._records(obj).get(language)
        state = self._state(obj, language, source, record)
        # A text with no record of it was written by a person.
        return machine_may_write(state, record.origin if record else Origin.HUMAN)

    def _write(self, obj, *, language, source, texts, origin, by):
        for field, text in texts.items():
            setattr(obj, f"{field}_{language}", text)
        columns = [f"{field}_{language}" for field in texts]
        if any(field.name == "updated_at" for field in obj._meta.concrete_fields):
            columns.append("updated_at")
        record_by(obj, by).save(update_fields=columns)
        self._record(obj, language=language, source=source, origin=origin, by=by)

    def _record(self, obj, *, language, source, origin, by):
        lookup = {
            "content_type": ContentType.objects.get_for_model(obj),
            "object_id": obj.pk,
            "language": language,
        }
        if not any(text.strip() for text in self.texts(obj, language).values()):
            TranslationRecord.objects.filter(**lookup).delete()
            return
        TranslationRecord.objects.update_or_create(
            **lookup,
            defaults={
                "origin": origin,
                "source_language": source,
                "source_digest": self.digest(obj, source),
                "updated_by": by,
            },
        )

    def _locked(self, obj):
        return type(obj).objects.select_for_update().get(pk=obj.pk)

    def fill_from_machine(self, obj, *, language, source, by):
        if not self.machine_may_fill(obj, language, source):
            return False
        digest = self.digest(obj, source)
        translated = machine_translation.translate(
            list(self.texts(obj, source).values()), source, language
        )
        # The service is called outside the transaction; what it answers is
        # written only if nothing changed meanwhile.
        with transaction.atomic():
            current = self._locked(obj)
            if self.digest(current, source) != digest or not self.machine_may_fill(
                current, language, source
            ):
                return False
            self._write(
                current,
                language=language,
                source=source,
                texts=dict(zip(self.fields, translated, strict=True)),
                origin=Origin.MACHINE,
                by=by,
            )
        return True

    @transaction.atomic
    def save_review(self, obj, *, language, source, texts, by):
        current = self._locked(obj)
        self._write(
            current, language=language, source=source, texts=texts, origin=Origin.HUMAN, by=by
        )

    @transaction.atomic
    def record_edits(self, obj, *, languages, by):
        """Languages a person has just written elsewhere (the admin's form): human now."""
        source = self.source_language(obj)
        for language in languages:
            if language != source:
                self._record(obj, language=language, source=source, origin=Origin.HUMAN, by=by)


# The registry of translated models.

_translatables = {}


def register(model, translatable):
    """Give the engine a translated model, with how to read and write its translations.

    Called from the model's app's `AppConfig.ready()`.
    """
    _translatables[model] = translatable
    return translatable


def translatable_for(model):
    """The registered `Translatable` of a model; None for a model with no states."""
    return _translatables.get(model)


def registered_models():
    """The models registered with the engine."""
    return list(_translatables)
