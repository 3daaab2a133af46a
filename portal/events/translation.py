from modeltranslation.translator import TranslationOptions, register

from portal.events.models import Event


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "description", "programme", "report", "organiser")
