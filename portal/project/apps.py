from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectConfig(AppConfig):
    name = "portal.project"
    label = "project"
    verbose_name = _("The project")

    def ready(self):
        from portal.common import dashboard as staff_dashboard
        from portal.common.translations import RecordTranslatable, register
        from portal.project import dashboard
        from portal.project.models import Partner

        register(Partner, RecordTranslatable("name", "description"))
        for block in dashboard.BLOCKS:
            staff_dashboard.register(block)
