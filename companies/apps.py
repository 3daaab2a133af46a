from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "companies"
    verbose_name = _("Directory of organisations")

    def ready(self):
        from companies import dashboard
        from companies.analysis.profile import directory_parts
        from companies.models import (
            Activity,
            Certification,
            Cluster,
            ContactPerson,
            Organisation,
            OrganisationRevision,
            Region,
            RegionalFigure,
            StatisticsImport,
        )
        from portal.common import cluster_profile, demo
        from portal.common import dashboard as staff_dashboard
        from portal.common.cache import forget_on_change
        from portal.common.history import keep_history
        from portal.common.translations import RecordTranslatable, register
        from portal.models import TranslationRecord

        # Their translation states are worked out from TranslationRecords.
        register(Cluster, RecordTranslatable("name", "description"))
        register(Organisation, RecordTranslatable("description", "products"))
        keep_history(Organisation)
        keep_history(ContactPerson)
        keep_history(OrganisationRevision)
        for block in dashboard.BLOCKS:
            staff_dashboard.register(block)
        demo.register("companies.demo.load_demo", app=self.label)
        cluster_profile.register("companies", 10, directory_parts)

        # The directory's filters show options kept in the cache: a change to
        # what they list makes them be read again.
        forget_on_change(
            (Organisation, Cluster, Activity, Certification),
            forget_directory_choices,
            uid="directory-options",
        )

        # Anonymous visitors' directory pages are kept in the cache: a change to
        # what they show retires them (the offers an organisation's page lists
        # are the offers app's to announce).
        forget_on_change(
            (
                Organisation,
                Organisation.activities.through,
                Organisation.clusters.through,
                Organisation.certifications.through,
                ContactPerson,
                Cluster,
                Activity,
                Certification,
                TranslationRecord,
            ),
            forget_directory_pages,
            uid="directory-pages",
        )
        # The analysis pages are kept too: a figure, a region, an import (saved once
        # its figures are in), a cluster's industry or an activity's name retires them.
        forget_on_change(
            (RegionalFigure, Region, StatisticsImport, Cluster, Activity),
            forget_statistics_pages,
            uid="statistics-pages",
        )


def forget_directory_choices(sender, **kwargs):
    from companies.selectors import forget_directory_choices

    forget_directory_choices()


def forget_directory_pages(sender, **kwargs):
    from portal.common.page_cache import forget_pages

    forget_pages("directory")


def forget_statistics_pages(sender, **kwargs):
    from portal.common.page_cache import forget_pages

    forget_pages("statistics")
