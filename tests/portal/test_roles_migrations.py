"""The migrations that make the staff roles and grant them their permissions.

The portal's 0001_staff_roles makes the groups; each app grants its own permissions
in its own migration (companies 0008, offers 0008, questionnaire 0007), which depends
on it, so that no migration of the portal, and with them none of the kernel's
models, waits for an app. Whichever way a database gets there, from nothing or from
the portal's older migrations that granted the apps' permissions themselves, each
role ends with exactly the permissions below.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from portal.roles import ROLES

pytestmark = pytest.mark.django_db

APPS = {"companies", "offers", "questionnaire"}
CRUD = ["add", "change", "delete", "view"]


def every(app, models):
    return {(app, f"{action}_{model}") for model in models for action in CRUD}


# Frozen: what the migrations granted before each app granted its own, on a fresh
# database and on one migrated through every release.
EXPECTED = {
    "moderator": {
        ("companies", "view_organisation"),
        ("companies", "view_contactperson"),
        ("companies", "view_historicalorganisation"),
        ("companies", "view_historicalcontactperson"),
        ("companies", "export_organisation"),
        ("companies", "view_organisationrevision"),
        ("companies", "moderate_organisationrevision"),
        ("companies", "view_historicalorganisationrevision"),
        ("offers", "view_offer"),
        ("offers", "change_offer"),
        ("offers", "moderate_offer"),
        ("offers", "view_expressionofinterest"),
        ("offers", "forward_interest"),
        ("offers", "view_historicaloffer"),
        ("offers", "export_offer"),
        ("questionnaire", "view_submission"),
        ("questionnaire", "review_submission"),
        ("questionnaire", "view_historicalsubmission"),
        ("questionnaire", "export_submission"),
        ("django_tasks_database", "view_dbtaskresult"),
    },
    "translator": {
        ("companies", "view_organisation"),
        ("companies", "translate_organisation"),
        ("companies", "view_cluster"),
        ("companies", "translate_cluster"),
        ("companies", "view_historicalorganisation"),
        ("offers", "view_offer"),
        ("offers", "translate_offer"),
        ("offers", "view_historicaloffer"),
        ("questionnaire", "view_surveyquestion"),
        ("questionnaire", "translate_surveyquestion"),
        ("django_tasks_database", "view_dbtaskresult"),
    },
    "editor": set(),
    "administrator": every("auth", ["user", "group"])
    | every(
        "companies",
        [
            "activity",
            "certification",
            "cluster",
            "contactdataview",
            "contactperson",
            "historicalcontactperson",
            "historicalorganisation",
            "historicalorganisationrevision",
            "organisation",
            "organisationrevision",
        ],
    )
    | {
        ("companies", "translate_cluster"),
        ("companies", "translate_organisation"),
        ("companies", "export_organisation"),
        ("companies", "moderate_organisationrevision"),
    }
    | every(
        "offers",
        [
            "expressionofinterest",
            "historicaloffer",
            "historicaloffertranslation",
            "offer",
            "offerevent",
            "offertranslation",
            "savedsearch",
        ],
    )
    | {
        ("offers", "moderate_offer"),
        ("offers", "translate_offer"),
        ("offers", "export_offer"),
        ("offers", "forward_interest"),
    }
    | every(
        "questionnaire",
        [
            "draft",
            "historicalsubmission",
            "submission",
            "submissionevent",
            "surveyanswer",
            "surveychoice",
            "surveyquestion",
        ],
    )
    | {
        ("questionnaire", "review_submission"),
        ("questionnaire", "translate_surveyquestion"),
        ("questionnaire", "export_submission"),
    }
    | {
        ("django_tasks_database", "view_dbtaskresult"),
        ("axes", "view_accessattempt"),
        ("axes", "delete_accessattempt"),
        ("axes", "view_accesslog"),
        ("axes", "view_accessfailurelog"),
        ("otp_totp", "view_totpdevice"),
        ("otp_totp", "delete_totpdevice"),
    },
}
# What later migrations grant, for models added since (members, proposed offer
# edits, the record of erasures): every role ends with EXPECTED and these.
# What the content sub-apps grant (news, events, documents, the project's partners).
CONTENT = {
    "moderator": {
        ("documents", "view_document"),
        ("events", "view_event"),
        ("news", "view_newsitem"),
        ("project", "view_partner"),
    },
    "translator": {
        ("documents", "translate_document"),
        ("documents", "view_document"),
        ("events", "translate_event"),
        ("events", "view_event"),
        ("news", "translate_newsitem"),
        ("news", "view_newsitem"),
        ("project", "translate_partner"),
        ("project", "view_partner"),
    },
    "editor": {
        ("documents", "add_document"),
        ("documents", "add_documentfile"),
        ("documents", "change_document"),
        ("documents", "change_documentfile"),
        ("documents", "delete_document"),
        ("documents", "delete_documentfile"),
        ("documents", "view_document"),
        ("documents", "view_documentfile"),
        ("events", "add_event"),
        ("events", "add_registration"),
        ("events", "change_event"),
        ("events", "change_registration"),
        ("events", "delete_event"),
        ("events", "delete_registration"),
        ("events", "export_registration"),
        ("events", "view_event"),
        ("events", "view_registration"),
        ("news", "add_newsitem"),
        ("news", "change_newsitem"),
        ("news", "delete_newsitem"),
        ("news", "view_newsitem"),
        ("project", "add_partner"),
        ("project", "change_partner"),
        ("project", "view_partner"),
    },
    "administrator": {
        ("documents", "add_document"),
        ("documents", "add_documentfile"),
        ("documents", "change_document"),
        ("documents", "change_documentfile"),
        ("documents", "delete_document"),
        ("documents", "delete_documentfile"),
        ("documents", "translate_document"),
        ("documents", "view_document"),
        ("documents", "view_documentfile"),
        ("events", "add_event"),
        ("events", "add_registration"),
        ("events", "change_event"),
        ("events", "change_registration"),
        ("events", "delete_event"),
        ("events", "delete_registration"),
        ("events", "export_registration"),
        ("events", "translate_event"),
        ("events", "view_event"),
        ("events", "view_registration"),
        ("news", "add_newsitem"),
        ("news", "change_newsitem"),
        ("news", "delete_newsitem"),
        ("news", "translate_newsitem"),
        ("news", "view_newsitem"),
        ("project", "add_partner"),
        ("project", "change_partner"),
        ("project", "delete_partner"),
        ("project", "translate_partner"),
        ("project", "view_partner"),
    },
}
# What cluster analysis grants (companies 0014): regions, figures and their imports.
ANALYSIS_MODELS = ["region", "regionalfigure", "statisticsimport"]
ANALYSIS = {
    "moderator": {("companies", f"view_{model}") for model in ANALYSIS_MODELS},
    "translator": {("companies", "view_region"), ("companies", "translate_region")},
    "editor": {
        ("companies", f"{action}_{model}")
        for model in ANALYSIS_MODELS
        for action in ["add", "change", "view"]
    }
    | {("companies", "import_statistics")},
    "administrator": every("companies", ANALYSIS_MODELS)
    | {("companies", "import_statistics"), ("companies", "translate_region")},
}
LATER = {
    "moderator": {("offers", "view_offerrevision"), ("members", "view_member")}
    | CONTENT["moderator"]
    | ANALYSIS["moderator"],
    "translator": CONTENT["translator"] | ANALYSIS["translator"],
    "editor": CONTENT["editor"] | ANALYSIS["editor"],
    "administrator": every("members", ["member", "historicalmember"])
    | every("offers", ["offerrevision"])
    | {("portal", "view_personerasure")}
    | CONTENT["administrator"]
    | ANALYSIS["administrator"],
}
# Of those, what the portal's own later migrations grant (applied with the portal's).
LATER_BY_THE_PORTAL = {"administrator": {("portal", "view_personerasure")}}


def at_the_latest():
    return {role: EXPECTED[role] | LATER[role] for role in EXPECTED}


# Each app's migration that grants the roles its permissions.
APP_ROLE_MIGRATIONS = [
    ("companies", "0008_staff_roles"),
    ("offers", "0008_staff_roles"),
    ("questionnaire", "0007_staff_roles"),
]
# The migration of each app before that one.
BEFORE_APP_ROLE_MIGRATIONS = [
    ("companies", "0007_export_permissions"),
    ("offers", "0007_export_permissions"),
    ("questionnaire", "0006_draft_files"),
]


def granted():
    return {
        group.name: set(group.permissions.values_list("content_type__app_label", "codename"))
        for group in Group.objects.order_by("name")
    }


def migrate(targets):
    """Migrate the test database (inside the test's transaction) to `targets`."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


def latest():
    return MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes()


def test_no_migration_of_the_portal_waits_for_an_app():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    waits_for = {
        name: sorted(key for key in graph.forwards_plan(("portal", name)) if key[0] in APPS)
        for app, name in graph.nodes
        if app == "portal"
    }

    assert waits_for == {name: [] for name in waits_for}


def test_each_app_grants_its_roles_after_the_groups_are_made():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph

    assert [
        key
        for key in APP_ROLE_MIGRATIONS
        if ("portal", "0001_staff_roles") not in graph.nodes[key].dependencies
    ] == []


def test_migrating_the_roles_from_nothing_grants_exactly_the_frozen_permissions():
    migrate([("portal", None)])
    groups_left = Group.objects.filter(name__in=ROLES).count()

    migrate(latest())

    assert groups_left == 0
    assert granted() == at_the_latest()


def test_a_database_whose_roles_the_portal_granted_keeps_exactly_the_same_permissions():
    """As deployed before: every app migrated, the groups holding what the portal's
    own migrations granted, and the apps' role migrations not yet applied."""
    migrate(BEFORE_APP_ROLE_MIGRATIONS)
    for name, permissions in EXPECTED.items():
        # The project's partners depend on none of the apps migrated back: their
        # grants stay applied, as the portal's own later ones do.
        kept = {permission for permission in CONTENT[name] if permission[0] == "project"}
        permissions = permissions | LATER_BY_THE_PORTAL.get(name, set()) | kept
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(
            permission
            for permission in Permission.objects.select_related("content_type")
            if (permission.content_type.app_label, permission.codename) in permissions
        )

    executor = migrate(latest())

    assert granted() == at_the_latest()
    assert set(APP_ROLE_MIGRATIONS) <= set(executor.loader.applied_migrations)
