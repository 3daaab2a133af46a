"""Exports from the admin: moderators and administrators export organisations,
offers and questionnaire submissions; translators and editors export nothing."""

from django.db import migrations

from portal.common import roles_migrations

EXPORTS = [
    "companies.export_organisation",
    "offers.export_offer",
    "questionnaire.export_submission",
]
ROLE_EXPORTS = {"moderator": EXPORTS, "administrator": EXPORTS}


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, ROLE_EXPORTS)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, ROLE_EXPORTS)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_history_roles"),
        ("companies", "0007_export_permissions"),
        ("offers", "0007_export_permissions"),
        ("questionnaire", "0005_export_permissions"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
