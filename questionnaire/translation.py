from modeltranslation.translator import TranslationOptions, register

from questionnaire.models import SurveyChoice, SurveyQuestion


@register(SurveyQuestion)
class SurveyQuestionTranslationOptions(TranslationOptions):
    fields = ("prompt", "help_text")


@register(SurveyChoice)
class SurveyChoiceTranslationOptions(TranslationOptions):
    fields = ("label",)
