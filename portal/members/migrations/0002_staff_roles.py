"""The staff roles' permissions on members: administrators hold every permission of this app.

The list is frozen, as a migration must be: a later change of a role is a new migration.
"""

from django.db import migrations

from portal.common import roles_migrations

ROLE_PERMISSIONS = {
    "administrator": [f"members.{action}_member" for action in ["add", "change", "delete", "view"]],
}


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, ROLE_PERMISSIONS)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0001_member"),
        ("portal", "0001_staff_roles"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
