from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "companies"
    verbose_name = _("Directory of organisations")

    def ready(self):
        from companies.models import ContactPerson, Organisation
        from portal.common.history import keep_history

        keep_history(Organisation)
        keep_history(ContactPerson)
