from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionnaireConfig(AppConfig):
    name = "questionnaire"
    verbose_name = _("Questionnaire")

    def ready(self):
        from portal.common import cluster_profile, demo
        from portal.common import dashboard as staff_dashboard
        from portal.common.history import keep_history
        from portal.common.translations import RecordTranslatable, register
        from questionnaire import dashboard
        from questionnaire.models import Submission, SurveyQuestion
        from questionnaire.profile import survey_parts

        # Its translation states are worked out from TranslationRecords; the
        # labels of its answers to choose are translated in its change form.
        register(SurveyQuestion, RecordTranslatable("prompt", "help_text"))
        # A submission's answers and raw form data are written once, when it is
        # sent; copies of them in every status change would only keep personal
        # data longer (questionnaire/retention.py removes them).
        keep_history(Submission, excluded_fields=["answers", "form_data"])
        for block in dashboard.BLOCKS:
            staff_dashboard.register(block)
        demo.register("questionnaire.demo.load_demo", app=self.label)
        cluster_profile.register("questionnaire", 30, survey_parts)
