"""The staff roles as groups (see portal/roles.py), and the staff accounts and
groups for administrators.

Each app grants its own permissions to the roles in its own migrations, which
depend on this one (companies 0008, offers 0008 and questionnaire 0007 grant what
this migration granted of them before), so the portal's migrations, and with them
its kernel's models, need no app. The lists are frozen here, as a migration must
be: a later change of a role is a new migration. Running it again adds nothing;
reversing it deletes the groups.
"""

from django.db import migrations

from portal.common import roles_migrations

ROLES = ["moderator", "translator", "editor", "administrator"]

STAFF_ACCOUNTS = {
    "administrator": [
        f"auth.{action}_{model}"
        for model in ["user", "group"]
        for action in ["add", "change", "delete", "view"]
    ],
}


def add_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    roles_migrations.grant(apps, STAFF_ACCOUNTS)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
