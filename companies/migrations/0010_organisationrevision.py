"""Members' proposed changes to their organisations' public records, and who decides them.

Moderators read the proposals (with their histories) and accept or reject them;
administrators hold every permission of the new models. The lists are frozen, as
a migration must be: a later change of a role is a new migration.
"""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from portal.common import roles_migrations

ROLE_PERMISSIONS = {
    "moderator": [
        "companies.view_organisationrevision",
        "companies.moderate_organisationrevision",
        "companies.view_historicalorganisationrevision",
    ],
    "administrator": [
        *(
            f"companies.{action}_{model}"
            for model in ["organisationrevision", "historicalorganisationrevision"]
            for action in ["add", "change", "delete", "view"]
        ),
        "companies.moderate_organisationrevision",
    ],
}


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, ROLE_PERMISSIONS)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0009_search_words"),
        ("portal", "0001_staff_roles"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalOrganisationRevision",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "proposed_at",
                    models.DateTimeField(
                        db_index=True, default=django.utils.timezone.now, verbose_name="proposed"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[
                            ("pl", "Polish"),
                            ("en", "English"),
                            ("de", "German"),
                            ("it", "Italian"),
                            ("cs", "Czech"),
                            ("hu", "Hungarian"),
                            ("ro", "Romanian"),
                            ("bg", "Bulgarian"),
                        ],
                        max_length=5,
                        verbose_name="written in",
                    ),
                ),
                (
                    "changes",
                    models.JSONField(blank=True, default=dict, verbose_name="proposed values"),
                ),
                (
                    "original",
                    models.JSONField(blank=True, default=dict, verbose_name="values when proposed"),
                ),
                ("logo", models.TextField(blank=True, max_length=100, verbose_name="new logo")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "awaiting a decision"),
                            ("accepted", "accepted"),
                            ("rejected", "rejected"),
                            ("withdrawn", "withdrawn"),
                            ("superseded", "superseded by a newer proposal"),
                        ],
                        default="pending",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("decided_at", models.DateTimeField(blank=True, null=True, verbose_name="decided")),
                ("reason", models.TextField(blank=True, verbose_name="reason")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="decided by",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="companies.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "proposed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="proposed by",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical proposed change to an organisation",
                "verbose_name_plural": "historical proposed changes to organisations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="OrganisationRevision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "proposed_at",
                    models.DateTimeField(
                        db_index=True, default=django.utils.timezone.now, verbose_name="proposed"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[
                            ("pl", "Polish"),
                            ("en", "English"),
                            ("de", "German"),
                            ("it", "Italian"),
                            ("cs", "Czech"),
                            ("hu", "Hungarian"),
                            ("ro", "Romanian"),
                            ("bg", "Bulgarian"),
                        ],
                        max_length=5,
                        verbose_name="written in",
                    ),
                ),
                (
                    "changes",
                    models.JSONField(blank=True, default=dict, verbose_name="proposed values"),
                ),
                (
                    "original",
                    models.JSONField(blank=True, default=dict, verbose_name="values when proposed"),
                ),
                (
                    "logo",
                    models.ImageField(
                        blank=True, upload_to="logos/proposed/", verbose_name="new logo"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "awaiting a decision"),
                            ("accepted", "accepted"),
                            ("rejected", "rejected"),
                            ("withdrawn", "withdrawn"),
                            ("superseded", "superseded by a newer proposal"),
                        ],
                        default="pending",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("decided_at", models.DateTimeField(blank=True, null=True, verbose_name="decided")),
                ("reason", models.TextField(blank=True, verbose_name="reason")),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="decided by",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="revisions",
                        to="companies.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "proposed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="proposed by",
                    ),
                ),
            ],
            options={
                "verbose_name": "proposed change to an organisation",
                "verbose_name_plural": "proposed changes to organisations",
                "ordering": ["-proposed_at", "-pk"],
                "permissions": [
                    (
                        "moderate_organisationrevision",
                        "Can accept or reject proposed changes to organisations",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("status", "pending")),
                        fields=("organisation",),
                        name="companies_one_pending_revision_per_organisation",
                    )
                ],
            },
        ),
        migrations.RunPython(add_roles, remove_roles),
    ]
