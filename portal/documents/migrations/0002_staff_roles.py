"""The staff roles' permissions on documents and their files.

Editors write, publish and delete documents with their files; translators view
documents and translate their titles and descriptions; moderators read them;
administrators hold every permission of this app. The lists are frozen, as a
migration must be: a later change of a role is a new migration.
"""

from django.db import migrations

from portal.common import roles_migrations

EVERY_PERMISSION = [
    *(
        f"documents.{action}_{model}"
        for model in ["document", "documentfile"]
        for action in ["add", "change", "delete", "view"]
    ),
    "documents.translate_document",
]

ROLE_PERMISSIONS = {
    "editor": [
        f"documents.{action}_{model}"
        for model in ["document", "documentfile"]
        for action in ["add", "change", "delete", "view"]
    ],
    "translator": ["documents.view_document", "documents.translate_document"],
    "moderator": ["documents.view_document"],
    "administrator": EVERY_PERMISSION,
}


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, ROLE_PERMISSIONS)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("portal", "0001_staff_roles"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
