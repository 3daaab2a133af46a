"""Documents in the admin: editors write and publish them with a file per language;
translators translate their titles and descriptions (portal/common/translator_admin.py)."""

from django import forms
from django.contrib import admin, messages
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from portal.common.languages import LANGUAGE_CODES
from portal.common.text import TextFormMixin
from portal.common.translator_admin import TranslatorAdminMixin
from portal.documents import dashboard, services, validators
from portal.documents.models import Document, DocumentFile


class DocumentFileForm(TextFormMixin, forms.ModelForm):
    """A file in one language: checked by its content and size, named by the document's
    slug and the language, its format and size recorded."""

    class Meta:
        model = DocumentFile
        fields = ["language", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored_name = self.instance.file.name if self.instance.pk else ""
        self.file_format = None

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            self.file_format = validators.document_format(upload)
        return upload

    def save(self, commit=True):
        document_file = super().save(commit=False)
        if self.file_format is not None:
            services.document_file_describe(
                document_file=document_file,
                upload=self.cleaned_data["file"],
                file_format=self.file_format,
                replaced=self.stored_name,
            )
        if commit:
            document_file.save()
        return document_file


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    form = DocumentFileForm
    extra = 1
    max_num = len(LANGUAGE_CODES)
    fields = ["language", "file", "file_format", "size"]
    readonly_fields = ["file_format", "size"]


@admin.register(Document)
class DocumentAdmin(TranslatorAdminMixin, TabbedTranslationAdmin):
    translator_context = ["slug", "kind"]
    translator_texts = ["title", "description"]
    list_display = ["title", "kind", "is_published", "published_at"]
    list_filter = ["is_published", "kind", "clusters", dashboard.TranslationQueueFilter]
    search_fields = ["slug", *(f"title_{code}" for code in LANGUAGE_CODES)]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["clusters"]
    date_hierarchy = "published_at"
    inlines = [DocumentFileInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "description", "clusters"]}),
        (_("Publication"), {"fields": ["is_published", "published_at"]}),
    ]

    def has_publish_permission(self, request):
        return request.user.has_perm("documents.change_document")

    @admin.action(description=_("Publish the selected documents"), permissions=["publish"])
    def publish(self, request, queryset):
        changed = 0
        for document in queryset.filter(is_published=False):
            services.document_publish(document=document, by=request.user)
            changed += 1
        message = ngettext(
            "%(count)d document published.", "%(count)d documents published.", changed
        )
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)

    @admin.action(description=_("Unpublish the selected documents"), permissions=["publish"])
    def unpublish(self, request, queryset):
        changed = 0
        for document in queryset.filter(is_published=True):
            services.document_unpublish(document=document, by=request.user)
            changed += 1
        message = ngettext(
            "%(count)d document unpublished.", "%(count)d documents unpublished.", changed
        )
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)
