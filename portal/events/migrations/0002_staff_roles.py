"""The staff roles' permissions on events and their registrations.

Editors write, publish and cancel events and manage their registrations;
translators view events and translate their texts; moderators read them;
administrators hold every permission of this app. The lists are frozen, as a
migration must be: a later change of a role is a new migration.
"""

from django.db import migrations

from portal.common import roles_migrations

EVERY_ACTION = ["add", "change", "delete", "view"]

ROLE_PERMISSIONS = {
    "editor": [
        *(f"events.{action}_event" for action in EVERY_ACTION),
        *(f"events.{action}_registration" for action in EVERY_ACTION),
    ],
    "translator": ["events.view_event", "events.translate_event"],
    "moderator": ["events.view_event"],
    # Every permission of this app.
    "administrator": [
        *(
            f"events.{action}_{model}"
            for model in ["event", "registration"]
            for action in EVERY_ACTION
        ),
        "events.translate_event",
    ],
}


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, ROLE_PERMISSIONS)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("portal", "0001_staff_roles"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
