from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "companies"
    verbose_name = _("Directory of organisations")

    def ready(self):
        from companies.models import Cluster, ContactPerson, Organisation
        from portal.common import demo
        from portal.common.history import keep_history
        from portal.common.translations import RecordTranslatable, register

        # Their translation states are worked out from TranslationRecords.
        register(Cluster, RecordTranslatable("name", "description"))
        register(Organisation, RecordTranslatable("description", "products"))
        keep_history(Organisation)
        keep_history(ContactPerson)
        demo.register("companies.demo.load_demo", app=self.label)
