"""Granting permissions to the staff roles from a migration.

The roles are groups made by portal/migrations/0001_staff_roles.py (see
portal/roles.py). Each app grants its own permissions in its own migrations, which
depend on that one, so this helper lives in the kernel, which every app may import.

A migration names, frozen, the permissions it grants, as a migration must: a later
change of a role is a new migration. `grant(apps, {"moderator": ["app.codename",
...], ...})` adds them (running it again adds nothing) and `revoke` with the same
lists takes them away when the migration is reversed.
"""

from django.contrib.auth.management import create_permissions


def ensure_permissions(apps):
    """Permissions are made after `migrate`; these need them now."""
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True  # a migration state's apps have none
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = models_module


def _permissions(apps, names):
    Permission = apps.get_model("auth", "Permission")
    wanted = {tuple(name.split(".")) for name in names}
    rows = [
        row
        for row in Permission.objects.select_related("content_type")
        if (row.content_type.app_label, row.codename) in wanted
    ]
    missing = wanted - {(row.content_type.app_label, row.codename) for row in rows}
    if missing:
        raise LookupError(f"No such permissions: {sorted(missing)}")
    return rows


def grant(apps, role_permissions):
    Group = apps.get_model("auth", "Group")
    ensure_permissions(apps)
    for name, permissions in role_permissions.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(apps, permissions))


def revoke(apps, role_permissions):
    Group = apps.get_model("auth", "Group")
    for name, permissions in role_permissions.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*_permissions(apps, permissions))
