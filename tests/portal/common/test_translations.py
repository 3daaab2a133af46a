"""The translation-state engine: its one rule for machines, and every translated model in it."""

import pytest
from modeltranslation.translator import translator

from portal.common import translations
from portal.models import TranslationOrigin, TranslationState

State = TranslationState
Origin = TranslationOrigin

# Models modeltranslation translates that keep no translation states, and why.
# Registering one of them with the engine (with a workspace) removes it from here.
EXEMPT = {
    "companies.activity": (
        "NACE names come with the classification, in every language, from the reference "
        "data: nobody translates them here"
    ),
    "companies.certification": (
        "a scheme's name (ISO 22000, IFS) is written by staff in each language on its "
        "admin form; there is no source text to translate from"
    ),
    "questionnaire.surveychoice": (
        "an answer to choose is a few words with no admin page of its own: translators "
        "write its labels in its survey question's change form (the translator inline), "
        "and its languages keep no states; the question's workspace holds the prompt and "
        "help text only"
    ),
    "companies.region": (
        "a NUTS region is called by its national name unless a language has a name of "
        "its own: a blank translation is no gap to fill (the national name shows), so "
        "its languages keep no states"
    ),
}


def _labels(models):
    return {model._meta.label_lower for model in models}


def test_every_translated_model_is_registered_with_the_engine_or_exempt():
    translated = _labels(translator.get_registered_models())
    registered = _labels(translations.registered_models())

    assert translated - registered - EXEMPT.keys() == set()
    assert registered & EXEMPT.keys() == set()
    assert EXEMPT.keys() <= translated  # no reason kept for a model no longer translated


def test_the_engine_reads_and_writes_the_fields_modeltranslation_translates():
    for model in translations.registered_models():
        translated = translator.get_options_for_model(model).fields
        assert set(translations.translatable_for(model).fields) == set(translated), model


@pytest.mark.parametrize(
    ("state", "origin", "may_write"),
    [
        (State.MISSING, "", True),
        (State.MISSING, Origin.HUMAN, True),
        (State.MACHINE, Origin.MACHINE, True),
        (State.OUTDATED, Origin.MACHINE, True),
        # A person's text, even an outdated one, and the source: never.
        (State.HUMAN, Origin.HUMAN, False),
        (State.OUTDATED, Origin.HUMAN, False),
        (State.OUTDATED, "", False),
        (State.SOURCE, Origin.HUMAN, False),
    ],
)
def test_a_machine_never_replaces_a_person_s_text(state, origin, may_write):
    assert translations.machine_may_write(state, origin) is may_write
