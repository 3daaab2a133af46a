from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "companies"
    verbose_name = _("Directory of organisations")

    def ready(self):
        from companies.models import Activity, Certification, Cluster, ContactPerson, Organisation
        from portal.common import demo
        from portal.common.history import keep_history
        from portal.common.translations import RecordTranslatable, register

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


def forget_directory_choices(sender, **kwargs):
    from companies.selectors import forget_directory_choices

    forget_directory_choices()
