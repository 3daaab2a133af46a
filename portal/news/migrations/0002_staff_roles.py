"""The staff roles' permissions on news.

Editors write, schedule, publish and delete news; translators view items and
translate their texts; moderators read them; administrators hold every
permission of this app. The lists are frozen, as a migration must be: a later
change of a role is a new migration.
"""

from django.db import migrations

from portal.common import roles_migrations

ROLE_PERMISSIONS = {
    "editor": [
        "news.add_newsitem",
        "news.change_newsitem",
        "news.delete_newsitem",
        "news.view_newsitem",
    ],
    "translator": ["news.view_newsitem", "news.translate_newsitem"],
    "moderator": ["news.view_newsitem"],
    # Every permission of this app.
    "administrator": [
        "news.add_newsitem",
        "news.change_newsitem",
        "news.delete_newsitem",
        "news.view_newsitem",
        "news.translate_newsitem",
    ],
}


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, ROLE_PERMISSIONS)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("portal", "0001_staff_roles"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
