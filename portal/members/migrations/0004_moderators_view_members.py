"""Moderators see members (who has an account, for which organisation), to answer
them; only administrators deactivate, reactivate and invite (change and add).

The list is frozen, as a migration must be.
"""

from django.db import migrations

from portal.common import roles_migrations

ROLE_PERMISSIONS = {"moderator": ["members.view_member"]}


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, ROLE_PERMISSIONS)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("members", "0003_member_history")]

    operations = [migrations.RunPython(add_roles, remove_roles)]
