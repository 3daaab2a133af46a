from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "companies"
    verbose_name = _("Directory of organisations")

    def ready(self):
        from companies.models import Activity, Certification, Cluster, ContactPerson, Organisation
        from portal.common import demo
        from portal.common.history import keep_history
        from portal.common.translations import RecordTranslatable, register
        from portal.models import TranslationRecord

        # Their translation states are worked out from TranslationRecords.
        register(Cluster, RecordTranslatable("name", "description"))
        register(Organisation, RecordTranslatable("description", "products"))
        keep_history(Organisation)
        keep_history(ContactPerson)
        demo.register("companies.demo.load_demo", app=self.label)

        # The directory's filters show options kept in the cache: a change to
        # what they list makes them be read again.
        for model in (Organisation, Cluster, Activity, Certification):
            post_save.connect(forget_directory_choices, sender=model, dispatch_uid=f"{model}-dir")
            post_delete.connect(forget_directory_choices, sender=model, dispatch_uid=f"{model}-dir")

        # Anonymous visitors' directory pages are kept in the cache: a change to
        # what they show retires them (the offers an organisation's page lists
        # are the offers app's to announce).
        for model in (
            Organisation,
            Organisation.activities.through,
            Organisation.clusters.through,
            Organisation.certifications.through,
            ContactPerson,
            Cluster,
            Activity,
            Certification,
            TranslationRecord,
        ):
            uid = f"{model}-directory-pages"
            post_save.connect(forget_directory_pages, sender=model, dispatch_uid=uid)
            post_delete.connect(forget_directory_pages, sender=model, dispatch_uid=uid)
            m2m_changed.connect(forget_directory_pages, sender=model, dispatch_uid=uid)


def forget_directory_choices(sender, **kwargs):
    from companies.selectors import forget_directory_choices

    forget_directory_choices()


def forget_directory_pages(sender, **kwargs):
    from portal.common.page_cache import forget_pages

    forget_pages("directory")
