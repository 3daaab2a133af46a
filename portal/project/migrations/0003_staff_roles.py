"""The staff roles' permissions on the project's partners.

Editors keep the partners (add, change, view; no deletion); translators view them and
translate their names and descriptions; moderators read them; administrators hold
every permission of this app. Frozen, as a migration must be: a later change of a
role is a new migration.
"""

from django.db import migrations

from portal.common import roles_migrations

ROLE_PERMISSIONS = {
    "editor": [
        "project.add_partner",
        "project.change_partner",
        "project.view_partner",
    ],
    "translator": [
        "project.view_partner",
        "project.translate_partner",
    ],
    "moderator": ["project.view_partner"],
    # Every permission of this app.
    "administrator": [
        *(f"project.{action}_partner" for action in ["add", "change", "delete", "view"]),
        "project.translate_partner",
    ],
}


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, ROLE_PERMISSIONS)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("project", "0002_partners"),
        ("portal", "0001_staff_roles"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
