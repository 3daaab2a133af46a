"""The staff roles as groups with their permissions (see portal/roles.py).

The lists are frozen here, as a migration must be: a later change of a role is a
new migration. Running it again adds nothing; reversing it deletes the groups.
"""

from django.db import migrations

from portal.common.roles_migrations import ensure_permissions

PORTAL_APPS = ["portal", "companies", "offers", "questionnaire"]

ROLE_PERMISSIONS = {
    "moderator": [
        "questionnaire.view_submission",
        "questionnaire.review_submission",
        "offers.view_offer",
        "offers.change_offer",
        "offers.moderate_offer",
        "offers.view_expressionofinterest",
        "offers.forward_interest",
        "companies.view_organisation",
        "companies.view_contactperson",
    ],
    "translator": [
        "offers.view_offer",
        "offers.translate_offer",
        "companies.view_organisation",
        "companies.translate_organisation",
        "companies.view_cluster",
        "companies.translate_cluster",
        "questionnaire.view_surveyquestion",
        "questionnaire.translate_surveyquestion",
    ],
    # Pages, news and events come with later issues, and their permissions with them.
    "editor": [],
    # And every permission of PORTAL_APPS.
    "administrator": [
        f"auth.{action}_{model}"
        for model in ["user", "group"]
        for action in ["add", "change", "delete", "view"]
    ],
}


def add_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ensure_permissions(apps)
    for name, permissions in ROLE_PERMISSIONS.items():
        wanted = {tuple(permission.split(".")) for permission in permissions}
        rows = [
            row
            for row in Permission.objects.select_related("content_type")
            if (row.content_type.app_label, row.codename) in wanted
            or (name == "administrator" and row.content_type.app_label in PORTAL_APPS)
        ]
        missing = wanted - {(row.content_type.app_label, row.codename) for row in rows}
        if missing:
            raise LookupError(f"Role {name}: no such permissions: {sorted(missing)}")
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*rows)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("companies", "0005_translate_permissions"),
        ("offers", "0004_translate_permissions"),
        ("questionnaire", "0003_translate_permissions"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
