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
"""

from django.utils.translation import gettext_lazy as _


class TranslatorAdminMixin:
    translator_context = []
    translator_texts = []
    translator_inlines = []

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

    def get_fieldsets(self, request, obj=None):
        if not self.translates_only(request, obj):
            return super().get_fieldsets(request, obj)
        return [
            (None, {"fields": list(self.translator_context)}),
            (_("Translated texts"), {"fields": self.replace_orig_field(self.translator_texts)}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if self.translates_only(request, obj):
            return list(self.translator_context)
        return super().get_readonly_fields(request, obj)

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
