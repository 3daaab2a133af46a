"""The staff roles' permissions on offers and expressions of interest.

Moderators view and edit offers, publish, reject and renew them, read expressions of
interest and forward them, view offers' histories and export offers; translators
view offers and their histories and translate their texts; administrators hold
every permission of this app. Until this migration the portal's 0001, 0003 and 0004
granted the same, so on a database that applied those this adds nothing. The lists
are frozen, as a migration must be: a later change of a role is a new migration.
"""

from django.db import migrations

from portal.common import roles_migrations

ROLE_PERMISSIONS = {
    "moderator": [
        "offers.view_offer",
        "offers.change_offer",
        "offers.moderate_offer",
        "offers.view_expressionofinterest",
        "offers.forward_interest",
        "offers.view_historicaloffer",
        "offers.export_offer",
    ],
    "translator": [
        "offers.view_offer",
        "offers.translate_offer",
        "offers.view_historicaloffer",
    ],
    # Every permission of this app.
    "administrator": [
        *(
            f"offers.{action}_{model}"
            for model in [
                "expressionofinterest",
                "historicaloffer",
                "historicaloffertranslation",
                "offer",
                "offerevent",
                "offertranslation",
                "savedsearch",
            ]
            for action in ["add", "change", "delete", "view"]
        ),
        "offers.moderate_offer",
        "offers.translate_offer",
        "offers.export_offer",
        "offers.forward_interest",
    ],
}


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, ROLE_PERMISSIONS)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0007_export_permissions"),
        ("portal", "0001_staff_roles"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
