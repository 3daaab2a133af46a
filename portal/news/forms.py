"""The news item's admin form: its picture checked as every image upload is, and
described in every language in which the item has a title."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from portal.common.images import process_image
from portal.common.languages import LANGUAGE_CODES, language_name
from portal.common.text import TextFormMixin
from portal.news.models import NewsItem


class NewsItemAdminForm(TextFormMixin, forms.ModelForm):
    class Meta:
        model = NewsItem
        # The admin's fieldsets choose the fields (with each language's texts).
        fields = ["slug", "image", "is_published", "publish_at"]

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            # A new upload: only a real image, re-encoded without its metadata.
            return process_image(image)
        return image

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("image"):
            return cleaned
        for code in LANGUAGE_CODES:
            title, alt = f"title_{code}", f"image_alt_{code}"
            if alt not in self.fields or title not in self.fields:
                continue  # a translator's form, or a field left out
            if (cleaned.get(title) or "").strip() and not (cleaned.get(alt) or "").strip():
                self.add_error(
                    alt,
                    _(
                        "Describe the image in %(language)s: the item has a title in "
                        "this language, and readers who cannot see the image need its "
                        "description."
                    )
                    % {"language": language_name(code)},
                )
        return cleaned
