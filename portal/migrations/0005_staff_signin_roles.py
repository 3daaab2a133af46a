"""Staff sign-in records and authenticator apps for administrators.

They lift a lockout by deleting the access attempt, read the logs of sign-ins and
failures, and remove a lost authenticator app; they never add or change one
(portal/admin.py also keeps its key from them).
"""

from django.db import migrations

from portal.common import roles_migrations

SIGN_IN = {
    "administrator": [
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "axes.view_accesslog",
        "axes.view_accessfailurelog",
        "otp_totp.view_totpdevice",
        "otp_totp.delete_totpdevice",
    ],
}


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, SIGN_IN)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, SIGN_IN)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_export_roles"),
        ("axes", "0010_accessattemptexpiration"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
