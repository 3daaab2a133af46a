"""The change history of records, and the log of views of contact data, for the roles.

Whoever may view a record sees its history (portal/common/history.py asks for both); the
log of who viewed contact data is the administrators'.
"""

from django.db import migrations

from portal.common import roles_migrations

HISTORIES = {
    "moderator": [
        "companies.view_historicalorganisation",
        "companies.view_historicalcontactperson",
        "offers.view_historicaloffer",
        "questionnaire.view_historicalsubmission",
    ],
    "translator": [
        "companies.view_historicalorganisation",
        "offers.view_historicaloffer",
    ],
    # As every permission of the portal's apps (0001_staff_roles).
    "administrator": [
        f"{app}.{action}_{model}"
        for app, models in [
            ("companies", ["historicalorganisation", "historicalcontactperson", "contactdataview"]),
            ("offers", ["historicaloffer", "historicaloffertranslation"]),
            ("questionnaire", ["historicalsubmission"]),
        ]
        for model in models
        for action in ["add", "change", "delete", "view"]
    ],
}


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, HISTORIES)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, HISTORIES)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_translation_workspace"),
        ("companies", "0006_history"),
        ("offers", "0006_history"),
        ("questionnaire", "0004_history"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
