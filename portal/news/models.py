"""The project's news: items published at their time, in every language."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from companies.models import Cluster
from portal.common.rich_text import RichTextField
from portal.documents.models import Document
from portal.events.models import Event

# Addresses under news/ that belong to other pages: an item cannot take them.
RESERVED_SLUGS = {"feed"}


def validate_free_slug(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is the address of another page. Choose another slug."),
            code="reserved",
            params={"slug": value},
        )


class NewsItem(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True, validators=[validate_free_slug])
    title = models.CharField(_("title"), max_length=250)
    lead = models.TextField(_("lead"), max_length=1000, blank=True)
    body = RichTextField(_("text"), blank=True)
    image = models.ImageField(_("image"), upload_to="news/", blank=True)
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    publish_at = models.DateTimeField(
        _("publication time"),
        default=timezone.now,
        help_text=_("A later time schedules the item: it appears then."),
    )
    clusters = models.ManyToManyField(
        Cluster, verbose_name=_("clusters"), related_name="news", blank=True
    )
    events = models.ManyToManyField(
        Event, verbose_name=_("related events"), related_name="news", blank=True
    )
    documents = models.ManyToManyField(
        Document, verbose_name=_("related documents"), related_name="news", blank=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        permissions = [("translate_newsitem", _("Can translate news"))]
        indexes = [models.Index(fields=["is_published", "-publish_at"], name="news_published")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:news_detail", kwargs={"slug": self.slug})
