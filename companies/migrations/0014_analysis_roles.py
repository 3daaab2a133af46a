"""The staff roles' permissions on cluster analysis: regions, figures and their imports.

Editors and administrators import regional statistics and add, change and view
regions, figures and imports (administrators also delete them, as they hold every
permission of this app); translators view regions and translate their names;
moderators view all three. The lists are frozen, as a migration must be.
"""

from django.db import migrations

from portal.common import roles_migrations

ANALYSIS_MODELS = ["region", "regionalfigure", "statisticsimport"]

ROLE_PERMISSIONS = {
    "moderator": [f"companies.view_{model}" for model in ANALYSIS_MODELS],
    "translator": ["companies.view_region", "companies.translate_region"],
    "editor": [
        *(
            f"companies.{action}_{model}"
            for model in ANALYSIS_MODELS
            for action in ["add", "change", "view"]
        ),
        "companies.import_statistics",
    ],
    "administrator": [
        *(
            f"companies.{action}_{model}"
            for model in ANALYSIS_MODELS
            for action in ["add", "change", "delete", "view"]
        ),
        "companies.import_statistics",
        "companies.translate_region",
    ],
}


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, ROLE_PERMISSIONS)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0013_nuts_regions"),
        ("portal", "0001_staff_roles"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
