"""The staff roles' permissions on submissions and survey questions.

Moderators view and review questionnaire submissions, with their histories, and
export them; translators view survey questions and translate their texts;
administrators hold every permission of this app. Until this migration the portal's
0001, 0003 and 0004 granted the same, so on a database that applied those this adds
nothing. The lists are frozen, as a migration must be: a later change of a role is a
new migration.
"""

from django.db import migrations

from portal.common import roles_migrations

ROLE_PERMISSIONS = {
    "moderator": [
        "questionnaire.view_submission",
        "questionnaire.review_submission",
        "questionnaire.view_historicalsubmission",
        "questionnaire.export_submission",
    ],
    "translator": [
        "questionnaire.view_surveyquestion",
        "questionnaire.translate_surveyquestion",
    ],
    # Every permission of this app.
    "administrator": [
        *(
            f"questionnaire.{action}_{model}"
            for model in [
                "draft",
                "historicalsubmission",
                "submission",
                "submissionevent",
                "surveyanswer",
                "surveychoice",
                "surveyquestion",
            ]
            for action in ["add", "change", "delete", "view"]
        ),
        "questionnaire.review_submission",
        "questionnaire.translate_surveyquestion",
        "questionnaire.export_submission",
    ],
}


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, ROLE_PERMISSIONS)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("questionnaire", "0006_draft_files"),
        ("portal", "0001_staff_roles"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
