"""Exporting registrations: a permission of its own, for the roles that manage them.

Editors manage registrations (their other permissions come with the events'
roles migration) and may export them, with the registrants' personal data;
administrators hold every permission. The lists are frozen, as a migration's must be.
"""

from django.db import migrations

from portal.common import roles_migrations

ROLE_PERMISSIONS = {
    "editor": ["events.export_registration"],
    "administrator": ["events.export_registration"],
}


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, ROLE_PERMISSIONS)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_staff_roles"),
        ("portal", "0001_staff_roles"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="registration",
            options={
                "ordering": ["event", "created_at", "pk"],
                "permissions": [("export_registration", "Can export registrations")],
                "verbose_name": "registration",
                "verbose_name_plural": "registrations",
            },
        ),
        migrations.RunPython(add_roles, remove_roles),
    ]
