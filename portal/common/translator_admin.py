"""Translators in the admin: they edit a record's translated texts and nothing else.

A model whose texts translators work on has a custom permission
`<app>.translate_<model>` (in its Meta.permissions). Its ModelAdmin mixes in
`TranslatorAdminMixin` and names, in `translator_fields`, what a translator reads
as context (`translator_context`, read-only) and the translated fields it edits
(`translator_texts`: the modeltranslation fields, expanded into one field per
language).

A user with the translate permission but without `<app>.change_<model>` may open
and save the change form, and gets only those fields: no other field (a posted
one is ignored, as it is not in the form), no inlines but `translator_inlines`, no
prepopulated or list-editable fields, no action but those that ask only for the
change permission (its own `permissions=` list names anything more, e.g. "moderate"
or "publish"). Whoever holds the change permission, superusers included, keeps
the full form.

With a model registered with the translation-state engine
(portal/common/translations.py), the admin also has a translation
workspace per record and language, `admin:<app>_<model>_translate`: the source
texts beside the target language's, the state of every language, a button that
fills a machine draft and one that saves the translator's review as a human
translation. It is open to whoever may translate or change the record.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.common import machine_translation, translations
from portal.common.languages import LANGUAGE_CODES, language_name
from portal.common.text import TextFormMixin
from portal.common.translations import State


class WorkspaceForm(TextFormMixin, forms.Form):
    """One target language's texts, and the source they were translated from."""

    source_digest = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, model, fields, language, **kwargs):
        super().__init__(*args, **kwargs)
        for name in fields:
            field = model._meta.get_field(name)
            long_text = field.get_internal_type() == "TextField"
            self.fields[name] = forms.CharField(
                label=field.verbose_name,
                required=False,
                max_length=field.max_length,
                strip=False,
                widget=(
                    forms.Textarea(attrs={"rows": 6, "cols": 60, "lang": language})
                    if long_text
                    else forms.TextInput(attrs={"size": 60, "lang": language})
                ),
            )


def _without_links(fields):
    return [field for field in fields if field != "translation_links"]


class TranslatorAdminMixin:
    translator_context = []
    translator_texts = []
    translator_inlines = []
    # Whether the change form gets a "Translations" box linking the workspace
    # (a model may show its languages' links its own way).
    translation_links_box = True

    @property
    def translatable(self):
        """The model's `Translatable` registered with the engine: its workspace; or None."""
        return translations.translatable_for(self.model)

    def _permission(self, action):
        return f"{self.opts.app_label}.{action}_{self.opts.model_name}"

    def has_translate_permission(self, request, obj=None):
        return request.user.has_perm(self._permission("translate"))

    def translates_only(self, request, obj=None):
        """May translate the texts, and change nothing else."""
        return self.has_translate_permission(request, obj) and not request.user.has_perm(
            self._permission("change")
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) or self.has_translate_permission(
            request, obj
        )

    def get_inlines(self, request, obj):
        if self.translates_only(request, obj):
            return list(self.translator_inlines)
        return super().get_inlines(request, obj)

    def get_prepopulated_fields(self, request, obj=None):
        if self.translates_only(request, obj):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if self.translates_only(request):
            changelist.list_editable = ()
        return changelist

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        record_edits = getattr(self.translatable, "record_edits", None)
        if record_edits is None:
            return
        changed = set(form.changed_data)
        languages = [
            code
            for code in LANGUAGE_CODES
            if changed.intersection(f"{field}_{code}" for field in self.translatable.fields)
        ]
        record_edits(form.instance, languages=languages, by=request.user)

    # The translation workspace.

    def may_translate(self, request, obj=None):
        return self.has_translate_permission(request, obj) or request.user.has_perm(
            self._permission("change")
        )

    def get_urls(self):
        urls = super().get_urls()
        if self.translatable is None:
            return urls
        name = f"{self.opts.app_label}_{self.opts.model_name}_translate"
        return [
            path(
                "<path:object_id>/translate/<str:language>/",
                self.admin_site.admin_view(self.translation_workspace),
                name=name,
            ),
            *urls,
        ]

    def workspace_url(self, obj, language, source=None):
        url = reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_translate",
            args=[obj.pk, language],
        )
        return f"{url}?{urlencode({'source': source})}" if source else url

    def get_readonly_fields(self, request, obj=None):
        fields = self._translator_readonly_fields(request, obj)
        if self._shows_translation_links(request, obj):
            fields = [*fields, "translation_links"]
        return fields

    def _translator_readonly_fields(self, request, obj=None):
        if self.translates_only(request, obj):
            return list(self.translator_context)
        return list(super().get_readonly_fields(request, obj))

    def _shows_translation_links(self, request, obj):
        return (
            self.translatable is not None
            and self.translation_links_box
            and obj is not None
            and self.may_translate(request, obj)
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = self._translator_fieldsets(request, obj)
        if self._shows_translation_links(request, obj):
            # An admin without fieldsets of its own lists every read-only field,
            # the links among them, in its one fieldset: they belong in their box.
            fieldsets = [
                *(
                    (name, {**options, "fields": _without_links(options["fields"])})
                    for name, options in fieldsets
                ),
                (_("Translation workspace"), {"fields": ["translation_links"]}),
            ]
        return fieldsets

    def _translator_fieldsets(self, request, obj=None):
        if not self.translates_only(request, obj):
            return super().get_fieldsets(request, obj)
        return [
            (None, {"fields": list(self.translator_context)}),
            (_("Translated texts"), {"fields": self.replace_orig_field(self.translator_texts)}),
        ]

    def translation_links(self, obj):
        translatable = self.translatable
        states = translatable.states(obj, translatable.source_language(obj))
        return format_html(
            '<ul class="translation-links">{}</ul>',
            format_html_join(
                "",
                '<li><a href="{}" lang="{}">{}</a>: {}</li>',
                (
                    (
                        self.workspace_url(obj, code),
                        code,
                        language_name(code),
                        State(states[code]).label,
                    )
                    for code in LANGUAGE_CODES
                ),
            ),
        )

    translation_links.short_description = _("translations")

    def translation_workspace(self, request, object_id, language):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.may_translate(request, obj):
            raise PermissionDenied
        if language not in LANGUAGE_CODES:
            raise Http404
        translatable = self.translatable
        source = translatable.source_language(obj, request.GET.get("source"))
        here = self.workspace_url(obj, language, request.GET.get("source"))
        form = None
        if language != source:
            if request.method == "POST" and "_machine" in request.POST:
                self._fill_from_machine(request, obj, language, source)
                return redirect(here)
            form, saved = self._review(request, obj, language, source)
            if saved:
                return redirect(here)
        states = translatable.states(obj, source)
        source_texts = translatable.texts(obj, source)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": _("Translate: %(language)s") % {"language": language_name(language)},
            "language": language,
            "language_name": language_name(language),
            "source": source,
            "source_name": language_name(source),
            "source_choices": [
                (code, language_name(code)) for code in translatable.source_choices(obj)
            ],
            "state": State(states[language]),
            "languages": [
                {
                    "code": code,
                    "name": language_name(code),
                    "state": State(states[code]),
                    "url": self.workspace_url(obj, code, request.GET.get("source")),
                    "current": code == language,
                }
                for code in LANGUAGE_CODES
            ],
            "rows": [
                {
                    "label": self.opts.get_field(field).verbose_name,
                    "source_text": source_texts[field],
                    "field": form[field] if form else None,
                }
                for field in translatable.fields
            ],
            "form": form,
            "machine_configured": machine_translation.is_configured(),
            "machine_may_fill": language != source
            and translatable.machine_may_fill(obj, language, source),
            "change_url": reverse(
                f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_change",
                args=[obj.pk],
            ),
        }
        return TemplateResponse(request, "admin/translation_workspace.html", context)

    def _fill_from_machine(self, request, obj, language, source):
        name = language_name(language)
        if not machine_translation.is_configured():
            messages.error(
                request,
                gettext(
                    "No machine translation service is set up: ask the administrator to set "
                    "MACHINE_TRANSLATION_BACKEND."
                ),
            )
            return
        try:
            written = self.translatable.fill_from_machine(
                obj, language=language, source=source, by=request.user
            )
        except machine_translation.MachineTranslationError as error:
            messages.error(
                request,
                gettext("Machine translation failed, and nothing was changed: %(error)s")
                % {"error": error},
            )
            return
        if written:
            messages.success(
                request,
                gettext(
                    "A machine draft of the %(language)s texts is filled in. Read it beside "
                    "the source, correct it and save it as reviewed."
                )
                % {"language": name},
            )
        else:
            messages.warning(
                request,
                gettext(
                    "The %(language)s texts were written by a person: machine translation "
                    "never replaces them. Bring them up to date here."
                )
                % {"language": name},
            )

    def _review(self, request, obj, language, source):
        """The form of the target texts; (form, saved)."""
        translatable = self.translatable
        digest = translatable.digest(obj, source)
        kwargs = {"model": self.model, "fields": translatable.fields, "language": language}
        if request.method != "POST":
            initial = {**translatable.texts(obj, language), "source_digest": digest}
            return WorkspaceForm(initial=initial, **kwargs), False
        data = request.POST.copy()
        posted_digest = data.get("source_digest")
        data["source_digest"] = digest  # saved again, it is a translation of this source
        form = WorkspaceForm(data, **kwargs)
        if not form.is_valid():
            return form, False
        if posted_digest != digest:
            form.add_error(
                None,
                gettext(
                    "The source texts changed while you were translating. Your texts are "
                    "below, unsaved: compare them with the source as it is now and save again."
                ),
            )
            return form, False
        texts = {field: form.cleaned_data[field] for field in translatable.fields}
        translatable.save_review(
            obj, language=language, source=source, texts=texts, by=request.user
        )
        messages.success(
            request,
            gettext("The %(language)s translation is saved as reviewed, by a person.")
            % {"language": language_name(language)},
        )
        return form, True
