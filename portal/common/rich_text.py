"""Rich text that editors write (news, events, pages): django-prose-editor with nh3.

`RichTextField` is a TextField edited with the prose editor, limited to the few
marks a public page needs (headings, emphasis, lists, quotes, links). What the
editor may produce is what nh3 lets through, and it is cleaned twice: by the form
that receives it and again on every save (demo data, services, a migration), so a
`<script>`, an `onclick` or a `javascript:` link never reaches the database. A
template renders only such a field with `|safe`.
"""

from django_prose_editor.fields import ProseEditorField

EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
}


class RichTextField(ProseEditorField):
    """A sanitised rich-text field with the portal's editor extensions."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        if value:
            value = self.sanitize(value)
            setattr(model_instance, self.attname, value)
        return value


def sanitise(html):
    """HTML cleaned as a RichTextField cleans it (for texts kept elsewhere)."""
    return RichTextField().sanitize(html or "")
