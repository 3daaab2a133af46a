"""The project's documents: studies, reports, presentations, in one file per language."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from companies.models import Cluster


class Document(models.Model):
    class Kind(models.TextChoices):
        STUDY = "study", _("study")
        REPORT = "report", _("report")
        PRESENTATION = "presentation", _("presentation")
        METHODOLOGY = "methodology", _("methodology")
        TEMPLATE = "template", _("template")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    clusters = models.ManyToManyField(
        Cluster, verbose_name=_("clusters"), related_name="documents", blank=True
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("publication date"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("translate_document", _("Can translate documents"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:document_detail", kwargs={"slug": self.slug})


class DocumentFile(models.Model):
    """A document's file in one language; the format is checked by its content."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="files", verbose_name=_("document")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    file = models.FileField(_("file"), upload_to="documents/")
    file_format = models.CharField(_("format"), max_length=10, editable=False, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now=True)

    class Meta:
        ordering = ["document", "language"]
        verbose_name = _("document file")
        verbose_name_plural = _("document files")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"], name="one_document_file_per_language"
            )
        ]

    def __str__(self):
        return f"{self.document} ({self.language})"
