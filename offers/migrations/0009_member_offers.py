"""Edits of published offers proposed by their firms; the outcome of an expression of interest.

An expression of interest's status is now only the office's handling (new,
forwarded, declined); what came of a forwarded one is its outcome. Those that
"led to an agreement" become forwarded with the outcome "agreement signed", and
those declined after they were forwarded become forwarded with "no deal"
(reversed, they go back). Moderators view the edits (deciding on them needs
`offers.moderate_offer`, which they hold); administrators hold every permission
on them. The lists are frozen, as a migration's must be.
"""

import django.db.models.deletion
import django_countries.fields
from django.conf import settings
from django.db import migrations, models
from django.db.models import F

from portal.common import roles_migrations

ROLE_PERMISSIONS = {
    "moderator": ["offers.view_offerrevision"],
    "administrator": [
        f"offers.{action}_offerrevision" for action in ["add", "change", "delete", "view"]
    ],
}


def outcomes_from_statuses(apps, schema_editor):
    Interest = apps.get_model("offers", "ExpressionOfInterest")
    Interest.objects.filter(status="agreement").update(
        status="forwarded", outcome="agreement", outcome_at=F("forwarded_at")
    )
    Interest.objects.filter(status="declined", forwarded_at__isnull=False).update(
        status="forwarded", outcome="no_deal", outcome_at=F("forwarded_at")
    )


def statuses_from_outcomes(apps, schema_editor):
    Interest = apps.get_model("offers", "ExpressionOfInterest")
    Interest.objects.filter(status="forwarded", outcome="agreement").update(status="agreement")
    Interest.objects.filter(status="forwarded", outcome="no_deal").update(status="declined")


def add_roles(apps, schema_editor):
    roles_migrations.grant(apps, ROLE_PERMISSIONS)


def remove_roles(apps, schema_editor):
    roles_migrations.revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0009_search_words"),
        ("offers", "0008_staff_roles"),
        ("portal", "0001_staff_roles"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="expressionofinterest",
            name="outcome",
            field=models.CharField(
                blank=True,
                choices=[
                    ("contacted", "contacted"),
                    ("meeting", "meeting held"),
                    ("negotiating", "negotiating"),
                    ("agreement", "agreement signed"),
                    ("no_deal", "no deal"),
                ],
                max_length=12,
                verbose_name="outcome",
            ),
        ),
        migrations.AddField(
            model_name="expressionofinterest",
            name="outcome_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="outcome recorded"),
        ),
        migrations.AddField(
            model_name="expressionofinterest",
            name="outcome_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="outcome recorded by",
            ),
        ),
        migrations.AlterField(
            model_name="expressionofinterest",
            name="status",
            field=models.CharField(
                choices=[
                    ("new", "new"),
                    ("forwarded", "forwarded to the firm"),
                    ("declined", "declined"),
                ],
                default="new",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.CreateModel(
            name="OfferRevision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
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
                        verbose_name="language",
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="title")),
                ("summary", models.TextField(blank=True, verbose_name="summary")),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("partner_sought", models.TextField(blank=True, verbose_name="partner sought")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("business_offer", "business offer"),
                            ("business_request", "business request"),
                            ("technology_offer", "technology offer"),
                            ("technology_request", "technology request"),
                            ("research", "research partnership"),
                            ("subcontracting", "subcontracting"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "cooperation_types",
                    models.JSONField(blank=True, default=list, verbose_name="co-operation types"),
                ),
                (
                    "target_countries",
                    django_countries.fields.CountryField(
                        blank=True, max_length=746, multiple=True, verbose_name="target countries"
                    ),
                ),
                ("keywords", models.CharField(blank=True, max_length=300, verbose_name="keywords")),
                (
                    "open_for_interest",
                    models.BooleanField(
                        default=True, verbose_name="open for expressions of interest"
                    ),
                ),
                ("is_anonymous", models.BooleanField(default=False, verbose_name="anonymous")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "awaiting a decision"),
                            ("accepted", "accepted"),
                            ("rejected", "rejected"),
                            ("superseded", "superseded"),
                        ],
                        default="pending",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("proposed_at", models.DateTimeField(auto_now_add=True, verbose_name="proposed")),
                ("decided_at", models.DateTimeField(blank=True, null=True, verbose_name="decided")),
                ("reason", models.TextField(blank=True, verbose_name="reason for rejection")),
                (
                    "activities",
                    models.ManyToManyField(
                        blank=True,
                        related_name="+",
                        to="companies.activity",
                        verbose_name="NACE activities",
                    ),
                ),
                (
                    "clusters",
                    models.ManyToManyField(
                        blank=True,
                        related_name="+",
                        to="companies.cluster",
                        verbose_name="clusters",
                    ),
                ),
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
                    "offer",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="revisions",
                        to="offers.offer",
                        verbose_name="offer",
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
                "verbose_name": "edit of a published offer",
                "verbose_name_plural": "edits of published offers",
                "ordering": ["-proposed_at"],
                "indexes": [
                    models.Index(
                        fields=["status", "proposed_at"], name="offers_offe_status_add527_idx"
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("status", "pending")),
                        fields=("offer",),
                        name="offers_one_pending_revision_per_offer",
                    )
                ],
            },
        ),
        migrations.RunPython(outcomes_from_statuses, statuses_from_outcomes),
        migrations.RunPython(add_roles, remove_roles),
    ]
