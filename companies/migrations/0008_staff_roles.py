"""The staff roles' permissions on organisations, contact persons and clusters.

Moderators view organisations and their contact persons (to broker contacts), with
their histories, and export organisations; translators view organisations and
clusters, their histories and translate their texts; administrators hold every
permission of this app. Until this migration the portal's 0001, 0003 and 0004
granted the same, so on a database that applied those this adds nothing. The lists
are frozen, as a migration must be: a later change of a role is a new migration.
"""

from django.db import migrations

from portal.common import roles_migrations

ROLE_PERMISSIONS = {
    "moderator": [
        "companies.view_organisation",
        "companies.view_contactperson",
        "companies.view_historicalorganisation",
        "companies.view_historicalcontactperson",
        "companies.export_organisation",
    ],
    "translator": [
        "companies.view_organisation",
        "companies.translate_organisation",
        "companies.view_cluster",
        "companies.translate_cluster",
        "companies.view_historicalorganisation",
    ],
    # Every permission of this app.
    "administrator": [
        *(
            f"companies.{action}_{model}"
            for model in [
                "activity",
                "certification",
                "cluster",
                "contactdataview",
                "contactperson",
                "historicalcontactperson",
                "historicalorganisation",
                "organisation",
            ]
            for action in ["add", "change", "delete", "view"]
        ),
        "companies.translate_cluster",
        "companies.translate_organisation",
        "companies.export_organisation",
    ],
}


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, ROLE_PERMISSIONS)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0007_export_permissions"),
        ("portal", "0001_staff_roles"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
