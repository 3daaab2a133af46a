from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "portal.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from django.db.models.signals import post_delete

        from companies.models import Cluster
        from portal.common import dashboard as staff_dashboard
        from portal.common import demo
        from portal.common.cache import forget_on_change
        from portal.common.translations import RecordTranslatable, register
        from portal.documents import dashboard
        from portal.documents.models import Document, DocumentFile

        register(Document, RecordTranslatable("title", "description"))
        for block in dashboard.BLOCKS:
            staff_dashboard.register(block)
        demo.register("portal.documents.demo.load_demo", app=self.label)

        # A file leaves the storage with its row (and with its document's).
        post_delete.connect(
            remove_stored_file, sender=DocumentFile, dispatch_uid="documents-stored-file"
        )
        # The list's filter form is kept rendered (it lists the clusters): a change
        # to what it shows retires it.
        forget_on_change(
            (Document, Document.clusters.through, DocumentFile, Cluster),
            forget_document_pages,
            uid="document-pages",
        )


def remove_stored_file(sender, instance, **kwargs):
    from portal.documents.services import document_file_removed

    document_file_removed(document_file=instance)


def forget_document_pages(sender, **kwargs):
    from portal.common.page_cache import forget_pages

    forget_pages("documents")
