"""Answers as a reader sees them: for the review step and for staff."""

from django import forms
from django.utils.translation import gettext as _


def describe_value(field, value):
    if value in (None, "", [], ()):
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(field, forms.ModelMultipleChoiceField):
        return ", ".join(str(item) for item in value)
    if isinstance(field, forms.FileField):
        return _("attached")
    if isinstance(field, forms.ChoiceField):
        labels = {str(key): label for key, label in field.choices}
        if isinstance(value, list | tuple):
            return ", ".join(str(labels.get(str(item), item)) for item in value)
        return str(labels.get(str(value), value))
    return str(value)


def describe_fields(cleaned, form):
    return [
        (field.label, describe_value(field, cleaned.get(name)))
        for name, field in form.fields.items()
    ]


def describe_step(cleaned, form):
    """Groups of (label, value) rows: one group, or one per offer of the formset."""
    if cleaned is None:
        return []
    if isinstance(form, forms.BaseFormSet):
        offers = [offer for offer in cleaned if offer]
        return [
            {
                "heading": _("Offer %(number)s") % {"number": number},
                "rows": describe_fields(offer, form.empty_form),
            }
            for number, offer in enumerate(offers, start=1)
        ]
    return [{"heading": None, "rows": describe_fields(cleaned, form)}]
