"""The staff roles: every admin page and action, for each role and for a visitor.

The pages come from the admin's own registry and URL list, so a model or a custom
admin URL added later fails `test_every_admin_page_and_url_has_an_expectation`
until someone says here who may open it.
"""

import pytest
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import URLResolver, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from simple_history.admin import SimpleHistoryAdmin

from companies import services as company_services
from companies.access_log import log_contact_views
from companies.models import (
    Activity,
    Cluster,
    OrganisationRevision,
    Region,
    RegionalFigure,
    StatisticsImport,
)
from offers import services
from offers.models import ExpressionOfInterest, Offer, OfferRevision, OfferTranslation
from offers.services import interest
from portal.common.admin import VisibleFieldsOnlyMixin
from portal.common.languages import LANGUAGE_CODES
from portal.events import registration_services
from portal.events.models import Event
from portal.members.models import Member
from portal.models import PersonErasure
from portal.news.models import NewsItem
from portal.project.models import Partner
from portal.roles import ADMINISTRATOR, EDITOR, MODERATOR, ROLES, TRANSLATOR
from questionnaire.models import Submission, SurveyQuestion
from tests.factories import CertificationFactory, ContactPersonFactory, OrganisationFactory
from tests.helpers import (
    ANONYMOUS,
    add_roles,
    change_form_data,
    offer_action,
    remove_roles,
    sign_in,
)
from tests.offers.factories import OfferFactory, expired_offer
from tests.portal.documents.factories import make_document
from tests.portal.events.factories import EventFactory
from tests.portal.events.registrations import make_event
from tests.questionnaire.submissions import make_submission

pytestmark = pytest.mark.django_db

VISITORS = [ANONYMOUS, *ROLES]

# What a role may do with a registered model's admin pages: open the list, a
# record's change page (read-only unless "save") and its history; "add" and
# "delete" open those pages. Whatever is not listed is refused (403).
READ = frozenset({"changelist", "change", "history"})
EDIT = READ | {"save"}
ALL = EDIT | {"add", "delete"}
PAGES = {
    "auth.group": {ADMINISTRATOR: ALL},
    "auth.user": {ADMINISTRATOR: ALL},
    # Sign-in records and second-factor devices: administrators lift a lockout
    # (delete the attempt) and remove a lost authenticator app; no one but a
    # superuser adds or changes them.
    "axes.accessattempt": {ADMINISTRATOR: READ | {"delete"}},
    "axes.accesslog": {ADMINISTRATOR: READ},
    "axes.accessfailurelog": {ADMINISTRATOR: READ},
    "otp_totp.totpdevice": {ADMINISTRATOR: READ | {"delete"}},
    # Who may start a bulk machine translation follows its progress and result.
    "django_tasks_database.dbtaskresult": {
        MODERATOR: READ,
        TRANSLATOR: READ,
        ADMINISTRATOR: READ,
    },
    "companies.activity": {ADMINISTRATOR: ALL},
    "companies.cluster": {TRANSLATOR: EDIT, ADMINISTRATOR: ALL},
    "companies.certification": {ADMINISTRATOR: ALL},
    "companies.organisation": {MODERATOR: READ, TRANSLATOR: EDIT, ADMINISTRATOR: ALL},
    "companies.contactperson": {MODERATOR: READ, ADMINISTRATOR: ALL},
    # Members propose them; staff read them and decide, never edit them.
    "companies.organisationrevision": {MODERATOR: READ, ADMINISTRATOR: READ},
    # Who viewed contact data: written by the pages that show it, read by administrators.
    "companies.contactdataview": {ADMINISTRATOR: READ},
    # Cluster analysis: editors and administrators keep the regions and import the
    # figures, which nobody edits by hand; translators translate the regions' names.
    "companies.region": {
        MODERATOR: READ,
        TRANSLATOR: EDIT,
        EDITOR: EDIT | {"add"},
        ADMINISTRATOR: ALL,
    },
    "companies.statisticsimport": {MODERATOR: READ, EDITOR: READ, ADMINISTRATOR: READ},
    "companies.regionalfigure": {MODERATOR: READ, EDITOR: READ, ADMINISTRATOR: READ},
    # Erasures of a person's data: written by portal/privacy.py, read by administrators.
    "portal.personerasure": {ADMINISTRATOR: READ},
    # Moderators see who has an account, to answer members; administrators manage them.
    "members.member": {MODERATOR: READ, ADMINISTRATOR: ALL},
    "offers.offer": {MODERATOR: EDIT, TRANSLATOR: EDIT, ADMINISTRATOR: ALL},
    # Partners write them; nobody adds or edits one in the admin.
    "offers.expressionofinterest": {MODERATOR: READ, ADMINISTRATOR: READ | {"delete"}},
    # Firms propose edits of published offers; staff read and decide, nobody edits one.
    "offers.offerrevision": {MODERATOR: READ, ADMINISTRATOR: READ | {"delete"}},
    "questionnaire.surveyquestion": {TRANSLATOR: EDIT, ADMINISTRATOR: ALL},
    # Firms send them; they are reviewed, never added, edited or deleted in the admin.
    "questionnaire.submission": {MODERATOR: READ, ADMINISTRATOR: READ},
    # Editors write, schedule and publish news; translators translate their texts.
    "news.newsitem": {MODERATOR: READ, TRANSLATOR: EDIT, EDITOR: ALL, ADMINISTRATOR: ALL},
    # Editors keep the project's partners (but delete none), translators translate them.
    "project.partner": {
        MODERATOR: READ,
        TRANSLATOR: EDIT,
        EDITOR: EDIT | {"add"},
        ADMINISTRATOR: ALL,
    },
    # Editors write and publish documents; translators translate their texts.
    "documents.document": {MODERATOR: READ, TRANSLATOR: EDIT, EDITOR: ALL, ADMINISTRATOR: ALL},
    # Editors write and publish events; translators translate their texts.
    "events.event": {MODERATOR: READ, TRANSLATOR: EDIT, EDITOR: ALL, ADMINISTRATOR: ALL},
    # Registrations come from the public form only: nobody adds one in the admin.
    "events.registration": {EDITOR: EDIT | {"delete"}, ADMINISTRATOR: EDIT | {"delete"}},
}
STANDARD_VIEWS = ["changelist", "add", "change", "delete", "history"]
# A model with a change history (portal/common/history.py) also has a page per past version,
# open to whoever may open its history.
VERSION_VIEW = "simple_history"


def has_versions(model):
    return isinstance(admin.site._registry[model], SimpleHistoryAdmin)


# The actions a role is offered on a list it may open (none unless listed).
MODERATION = {
    "publish_offers",
    "reject_offers",
    "request_changes_offers",
    "submit_offers",
    "renew_offers",
}
EXPORT = "export_admin_action"
REGISTRATION_ACTIONS = {
    "mark_attended",
    "mark_not_attended",
    "cancel_registrations",
    "write_to_registrants",
}
ACTIONS = {
    "auth.group": {ADMINISTRATOR: {"delete_selected"}},
    "auth.user": {ADMINISTRATOR: {"delete_selected"}},
    "axes.accessattempt": {ADMINISTRATOR: {"delete_selected", "cleanup_expired_attempts"}},
    "otp_totp.totpdevice": {ADMINISTRATOR: {"delete_selected"}},
    "companies.activity": {ADMINISTRATOR: {"delete_selected"}},
    "companies.cluster": {ADMINISTRATOR: {"delete_selected"}},
    "companies.certification": {ADMINISTRATOR: {"delete_selected"}},
    "companies.organisation": {
        MODERATOR: {EXPORT},
        ADMINISTRATOR: {"delete_selected", "publish", "unpublish", EXPORT},
    },
    "companies.contactperson": {ADMINISTRATOR: {"delete_selected"}},
    "companies.region": {ADMINISTRATOR: {"delete_selected"}},
    "offers.offer": {
        MODERATOR: MODERATION | {"machine_translate_offers", EXPORT},
        TRANSLATOR: {"machine_translate_offers"},
        ADMINISTRATOR: MODERATION | {"machine_translate_offers", "delete_selected", EXPORT},
    },
    "offers.expressionofinterest": {
        MODERATOR: {"mark_declined", "mark_agreement"},
        ADMINISTRATOR: {"mark_declined", "mark_agreement", "delete_selected"},
    },
    "offers.offerrevision": {ADMINISTRATOR: {"delete_selected"}},
    "questionnaire.surveyquestion": {ADMINISTRATOR: {"delete_selected"}},
    "questionnaire.submission": {MODERATOR: {EXPORT}, ADMINISTRATOR: {EXPORT}},
    "events.registration": {
        EDITOR: {*REGISTRATION_ACTIONS, EXPORT, "delete_selected"},
        ADMINISTRATOR: {*REGISTRATION_ACTIONS, EXPORT, "delete_selected"},
    },
    "members.member": {ADMINISTRATOR: {"delete_selected", "deactivate", "reactivate"}},
    "news.newsitem": {EDITOR: {"delete_selected"}, ADMINISTRATOR: {"delete_selected"}},
    "project.partner": {ADMINISTRATOR: {"delete_selected"}},
    "documents.document": {
        EDITOR: {"delete_selected", "publish", "unpublish"},
        ADMINISTRATOR: {"delete_selected", "publish", "unpublish"},
    },
    "events.event": {
        EDITOR: {"publish_events", "cancel_events", "delete_selected"},
        ADMINISTRATOR: {"publish_events", "cancel_events", "delete_selected"},
    },
}

# The admin's other URLs: who may use them (everyone else gets a 403).
REVIEWERS = {MODERATOR, ADMINISTRATOR}
CUSTOM = {
    "index": set(ROLES),
    "two_factor": set(ROLES),
    "autocomplete": {MODERATOR, TRANSLATOR, ADMINISTRATOR},  # organisation names
    "auth_user_password_change": {ADMINISTRATOR},
    "otp_totp_totpdevice_config": set(),
    "otp_totp_totpdevice_qrcode": set(),
    "offers_expressionofinterest_forward": REVIEWERS,
    "offers_offerrevision_accept": REVIEWERS,
    "offers_offerrevision_reject": REVIEWERS,
    # The translation workspace: whoever may translate or change the record.
    "offers_offer_translate": {MODERATOR, TRANSLATOR, ADMINISTRATOR},
    "companies_organisation_translate": {TRANSLATOR, ADMINISTRATOR},
    "companies_cluster_translate": {TRANSLATOR, ADMINISTRATOR},
    "questionnaire_surveyquestion_translate": {TRANSLATOR, ADMINISTRATOR},
    "news_newsitem_translate": {TRANSLATOR, EDITOR, ADMINISTRATOR},
    "project_partner_translate": {TRANSLATOR, EDITOR, ADMINISTRATOR},
    "documents_document_translate": {TRANSLATOR, EDITOR, ADMINISTRATOR},
    "events_event_translate": {TRANSLATOR, EDITOR, ADMINISTRATOR},
    "questionnaire_survey_results": REVIEWERS,
    "questionnaire_survey_results_csv": REVIEWERS,
    "questionnaire_submission_accept": REVIEWERS,
    "questionnaire_submission_reject": REVIEWERS,
    "questionnaire_submission_request_changes": REVIEWERS,
    # Inviting a contact person to become a member makes one: administrators.
    "members_member_invite": {ADMINISTRATOR},
    "companies_organisationrevision_accept": REVIEWERS,
    "companies_organisationrevision_reject": REVIEWERS,
    "companies_statisticsimport_import": {EDITOR, ADMINISTRATOR},
    # Exports (the export page; its file is tested in tests/portal/test_exports.py).
    "companies_organisation_export": REVIEWERS,
    "offers_offer_export": REVIEWERS,
    "questionnaire_submission_export": REVIEWERS,
    # Registrations for events: editors manage them (their permissions come with
    # the events' roles migration, 0002), and they and administrators export them.
    "events_registration_export": {EDITOR, ADMINISTRATOR},
}
# Pages that show no record: signing in and out, one's own password, the admin's
# JavaScript catalogue, and the redirect to a record's public page.
NO_RECORDS = {"login", "logout", "password_change", "password_change_done", "jsi18n"}
NO_RECORDS |= {"view_on_site", "app_list"}  # app_list: test_app_pages_list_only_allowed_models


def label(model):
    return model._meta.label_lower


def admin_url_names():
    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns)
            elif pattern.name:
                yield pattern.name

    return set(walk(admin.site.urls[0]))


@pytest.fixture
def records():
    """One record of every registered model, for its change, delete and history pages."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from django_tasks_db.models import DBTaskResult

    someone = User.objects.create_user("someone", "someone@urzad.example", "pass")
    attempt = {
        "user_agent": "Firefox",
        "ip_address": "192.0.2.1",
        "username": "someone",
        "http_accept": "text/html",
        "path_info": "/pl/admin/login/",
    }
    organisation = OrganisationFactory(email="biuro@narew.example")
    contact = ContactPersonFactory(organisation=organisation, email="zofia@narew.example")
    offer = OfferFactory(organisation=organisation)
    objects = [
        Group.objects.create(name="volunteers"),
        someone,
        AccessAttempt.objects.create(**attempt, get_data="", post_data="", failures_since_start=1),
        AccessLog.objects.create(**attempt),
        AccessFailureLog.objects.create(**attempt),
        TOTPDevice.objects.create(user=someone, name="phone"),
        DBTaskResult.objects.create(
            args_kwargs={"args": [[]], "kwargs": {}},
            task_path="offers.tasks.translate_offers",
            backend_name="default",
            run_after=timezone.now(),
            exception_class_path="",
            traceback="",
        ),
        Activity.objects.order_by("pk").first(),
        Cluster.objects.get(slug="dairy"),
        CertificationFactory(),
        organisation,
        contact,
        proposed_revision(organisation, by=someone),
        offer,
        interest.interest_create(
            offer=offer,
            name="Jana Nováková",
            organisation_name="Mlékárna Vysočina s.r.o.",
            country="CZ",
            email="jana@mlekarna.example",
            phone="+420 777 123 456",
            message="Hledáme dodavatele zrajících sýrů.",
            language="cs",
        ),
        services.offer_propose_edit(offer=offer, changes={"title": "Sery z Narwi"}, by=someone),
        SurveyQuestion.objects.order_by("pk").first(),
        Partner.objects.order_by("pk").first(),
        make_submission(),
        PersonErasure.objects.create(
            erasure_id="3f9a0c1d2e4b", requested_by="staff", counts={"offers": {"alerts": 1}}
        ),
        Member.objects.create(
            user=User.objects.create_user("partnerka", "anna@partner.example"),
            kind=Member.Kind.PARTNER,
            organisation_name="Mlékárna Vysočina s.r.o.",
            country="CZ",
            language="cs",
        ),
        NewsItem.objects.create(slug="rusza-projekt", title_pl="Rusza projekt"),
        make_document(files=()),
        EventFactory(),
        *analysis_records(),
    ]
    request = RequestFactory().get(
        reverse("admin:companies_contactperson_change", args=[contact.pk])
    )
    request.user = someone
    objects += log_contact_views(request, contacts=[contact])
    objects.append(
        registration_services.registration_create(
            event=make_event(),
            name="Klaus Berger",
            email="klaus@kaese.example",
            country="DE",
            language="de",
        )
    )
    return {label(type(record)): record for record in objects}


def analysis_records():
    statistics_import = StatisticsImport.objects.create(file_name="bdl.csv", format="csv")
    # A region the migrations do not seed (they seed the partner countries' NUTS 2).
    region = Region.objects.create(code="FRK2", name_pl="Rodan-Alpy", level=2, country="FR")
    figure = RegionalFigure.objects.create(
        region=region,
        nace="10.5",
        year=2021,
        indicator="employees",
        value=9120,
        statistics_import=statistics_import,
    )
    return [statistics_import, region, figure]


def proposed_revision(organisation=None, *, by=None):
    return company_services.organisation_propose_revision(
        organisation=organisation or OrganisationFactory(),
        changes={"name": "Mleczarnia Narew S.A.", "description_pl": "Sery i masło."},
        language="pl",
        by=by,
    )


def custom_request(name, records):
    """(method, URL) of one of the admin's other URLs."""
    submission = records["questionnaire.submission"].pk
    device = records["otp_totp.totpdevice"].pk
    urls = {
        "index": ("get", reverse("admin:index")),
        "two_factor": ("get", reverse("admin:two_factor")),
        "autocomplete": (
            "get",
            reverse("admin:autocomplete")
            + "?app_label=offers&model_name=offer&field_name=organisation",
        ),
        "auth_user_password_change": (
            "get",
            reverse("admin:auth_user_password_change", args=[records["auth.user"].pk]),
        ),
        "otp_totp_totpdevice_config": (
            "get",
            reverse("admin:otp_totp_totpdevice_config", args=[device]),
        ),
        "otp_totp_totpdevice_qrcode": (
            "get",
            reverse("admin:otp_totp_totpdevice_qrcode", args=[device]),
        ),
        "members_member_invite": ("get", reverse("admin:members_member_invite")),
        "companies_statisticsimport_import": (
            "get",
            reverse("admin:companies_statisticsimport_import"),
        ),
        "offers_expressionofinterest_forward": (
            "post",
            reverse(
                "admin:offers_expressionofinterest_forward",
                args=[records["offers.expressionofinterest"].pk],
            ),
        ),
        **{
            f"offers_offerrevision_{decision}": (
                "post",
                reverse(
                    f"admin:offers_offerrevision_{decision}",
                    args=[records["offers.offerrevision"].pk],
                ),
            )
            for decision in ["accept", "reject"]
        },
        **{
            f"{label.replace('.', '_')}_translate": (
                "get",
                reverse(
                    f"admin:{label.replace('.', '_')}_translate", args=[records[label].pk, "cs"]
                ),
            )
            for label in [
                "offers.offer",
                "companies.organisation",
                "companies.cluster",
                "questionnaire.surveyquestion",
                "news.newsitem",
                "project.partner",
                "documents.document",
                "events.event",
            ]
        },
        "companies_organisationrevision_accept": (
            "post",
            reverse(
                "admin:companies_organisationrevision_accept",
                args=[records["companies.organisationrevision"].pk],
            ),
        ),
        "companies_organisationrevision_reject": (
            "get",
            reverse(
                "admin:companies_organisationrevision_reject",
                args=[records["companies.organisationrevision"].pk],
            ),
        ),
        "questionnaire_survey_results": ("get", reverse("admin:questionnaire_survey_results")),
        "questionnaire_survey_results_csv": (
            "get",
            reverse("admin:questionnaire_survey_results_csv"),
        ),
        "questionnaire_submission_accept": (
            "post",
            reverse("admin:questionnaire_submission_accept", args=[submission]),
        ),
        "questionnaire_submission_reject": (
            "get",
            reverse("admin:questionnaire_submission_reject", args=[submission]),
        ),
        "questionnaire_submission_request_changes": (
            "get",
            reverse("admin:questionnaire_submission_request_changes", args=[submission]),
        ),
        **{
            f"{label}_export": ("get", reverse(f"admin:{label}_export"))
            for label in [
                "companies_organisation",
                "offers_offer",
                "questionnaire_submission",
                "events_registration",
            ]
        },
    }
    return urls[name]


def outcome(response, role):
    """What a visitor got: "allowed", "refused" (403 / 404) or "sign-in" (a redirect)."""
    if response.status_code == 302 and response["Location"].startswith(
        reverse("admin:login") + "?next="
    ):
        return "sign-in"
    if response.status_code in {403, 404}:
        return "refused"
    if response.status_code in {200, 302}:
        return "allowed"
    return f"status {response.status_code}"


def expected(allowed, role):
    if role == ANONYMOUS:
        return "sign-in"
    return "allowed" if allowed else "refused"


def test_every_admin_page_and_url_has_an_expectation():
    registered = {label(model) for model in admin.site._registry}
    standard = {
        f"{app_label}_{model_name}_{view}"
        for app_label, model_name in (name.split(".") for name in registered)
        for view in STANDARD_VIEWS
    } | {
        f"{model._meta.app_label}_{model._meta.model_name}_{VERSION_VIEW}"
        for model in admin.site._registry
        if has_versions(model)
    }

    assert registered == set(PAGES)
    assert admin_url_names() - standard == set(CUSTOM) | NO_RECORDS


@pytest.mark.parametrize("role", VISITORS)
def test_permission_matrix(client, roles, records, role):
    sign_in(client, role)
    mismatches = []

    def check(what, response, allowed):
        got, wanted = outcome(response, role), expected(allowed, role)
        if got != wanted:
            mismatches.append(f"{what}: {got}, expected {wanted}")

    for model in admin.site._registry:
        name = label(model)
        allowed = PAGES[name].get(role, frozenset())
        record = records[name]
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        for view in STANDARD_VIEWS:
            args = [record.pk] if view in {"change", "delete", "history"} else []
            response = client.get(reverse(f"{prefix}_{view}", args=args))
            check(f"{name} {view}", response, view in allowed)
            shown = view in allowed and role != ANONYMOUS
            if (
                view == "change"
                and shown
                and (response.context["has_change_permission"] != ("save" in allowed))
            ):
                mismatches.append(
                    f"{name} change: may save is {response.context['has_change_permission']}"
                )
            if view == "history" and has_versions(model):
                version = record.history.latest("history_date")
                response = client.get(
                    reverse(f"{prefix}_{VERSION_VIEW}", args=[record.pk, version.history_id])
                )
                check(f"{name} version", response, view in allowed)
            if view == "changelist" and shown:
                form = response.context["action_form"]
                offered = (
                    {value for value, _ in form.fields["action"].choices if value}
                    if form
                    else set()
                )
                if offered != ACTIONS.get(name, {}).get(role, set()):
                    mismatches.append(f"{name} actions: {sorted(offered)}")

    for name, allowed_roles in CUSTOM.items():
        method, url = custom_request(name, records)
        check(name, getattr(client, method)(url), role in allowed_roles)

    assert mismatches == []


@pytest.mark.parametrize("role", ROLES)
def test_app_pages_list_only_allowed_models(client, roles, role):
    sign_in(client, role)
    allowed = {name for name, by_role in PAGES.items() if by_role.get(role)}

    index = client.get(reverse("admin:index"))
    shown = {
        f"{app['app_label']}.{model['object_name'].lower()}"
        for app in index.context["app_list"]
        for model in app["models"]
    }
    app_pages = {
        app_label: client.get(reverse("admin:app_list", args=[app_label])).status_code
        for app_label in {name.split(".")[0] for name in PAGES}
    }

    assert shown == allowed
    assert app_pages == {
        app_label: 200 if any(name.startswith(f"{app_label}.") for name in allowed) else 404
        for app_label in app_pages
    }


def test_a_visitor_is_sent_to_sign_in_from_the_admin_index(client):
    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:login") + "?next=" + reverse("admin:index")


# Moderation: what each action does for each role.


def submitted_offer():
    return OfferFactory(published=False, status=Offer.Status.SUBMITTED)


MODERATION_CASES = {
    "publish an offer": (
        REVIEWERS,
        submitted_offer,
        lambda offer: offer_action("publish_offers", offer),
        lambda offer: offer.status == Offer.Status.PUBLISHED,
    ),
    "reject an offer": (
        REVIEWERS,
        submitted_offer,
        lambda offer: offer_action("reject_offers", offer, apply="1", reason="Niepełna oferta."),
        lambda offer: offer.status == Offer.Status.REJECTED,
    ),
    "ask for changes in an offer": (
        REVIEWERS,
        submitted_offer,
        lambda offer: offer_action(
            "request_changes_offers", offer, apply="1", reason="Popraw tytuł."
        ),
        lambda offer: offer.status == Offer.Status.DRAFT,
    ),
    "send a draft back to moderation": (
        REVIEWERS,
        lambda: OfferFactory(published=False),
        lambda offer: offer_action("submit_offers", offer),
        lambda offer: offer.status == Offer.Status.SUBMITTED,
    ),
    "renew an offer": (
        REVIEWERS,
        expired_offer,
        lambda offer: offer_action("renew_offers", offer),
        lambda offer: offer.renewed_at is not None,
    ),
    "publish an organisation": (
        {ADMINISTRATOR},
        lambda: OrganisationFactory(is_published=False),
        lambda organisation: (
            reverse("admin:companies_organisation_changelist"),
            {"action": "publish", "_selected_action": [organisation.pk]},
        ),
        lambda organisation: organisation.is_published,
    ),
    "forward an expression of interest": (
        REVIEWERS,
        lambda: interest.interest_create(
            offer=OfferFactory(
                organisation=ContactPersonFactory(email="jan@firma.example").organisation
            ),
            name="Jana Nováková",
            organisation_name="Mlékárna Vysočina s.r.o.",
            country="CZ",
            email="jana@mlekarna.example",
            phone="",
            message="Hledáme dodavatele.",
            language="cs",
        ),
        lambda expression: (
            reverse("admin:offers_expressionofinterest_forward", args=[expression.pk]),
            {"note": ""},
        ),
        lambda expression: expression.status == ExpressionOfInterest.Status.FORWARDED,
    ),
    "decline an expression of interest": (
        REVIEWERS,
        lambda: interest.interest_create(
            offer=OfferFactory(),
            name="Jana Nováková",
            organisation_name="Mlékárna Vysočina s.r.o.",
            country="CZ",
            email="jana@mlekarna.example",
            phone="",
            message="Hledáme dodavatele.",
            language="cs",
        ),
        lambda expression: (
            reverse("admin:offers_expressionofinterest_changelist"),
            {"action": "mark_declined", "_selected_action": [expression.pk]},
        ),
        lambda expression: expression.status == ExpressionOfInterest.Status.DECLINED,
    ),
    "accept an edit of a published offer": (
        REVIEWERS,
        lambda: services.offer_propose_edit(
            offer=OfferFactory(), changes={"title": "Sery z Narwi"}, by=None
        ),
        lambda revision: (
            reverse("admin:offers_offerrevision_accept", args=[revision.pk]),
            {},
        ),
        lambda revision: revision.status == OfferRevision.Status.ACCEPTED,
    ),
    "reject an edit of a published offer": (
        REVIEWERS,
        lambda: services.offer_propose_edit(
            offer=OfferFactory(), changes={"title": "Sery z Narwi"}, by=None
        ),
        lambda revision: (
            reverse("admin:offers_offerrevision_reject", args=[revision.pk]),
            {"reason": "Tytuł nie opisuje oferty."},
        ),
        lambda revision: revision.status == OfferRevision.Status.REJECTED,
    ),
    "accept a submission": (
        REVIEWERS,
        make_submission,
        lambda submission: (
            reverse("admin:questionnaire_submission_accept", args=[submission.pk]),
            {},
        ),
        lambda submission: submission.status == Submission.Status.ACCEPTED,
    ),
    "reject a submission": (
        REVIEWERS,
        make_submission,
        lambda submission: (
            reverse("admin:questionnaire_submission_reject", args=[submission.pk]),
            {"reason": "Brak danych."},
        ),
        lambda submission: submission.status == Submission.Status.REJECTED,
    ),
    "accept a proposed change to an organisation": (
        REVIEWERS,
        proposed_revision,
        lambda revision: (
            reverse("admin:companies_organisationrevision_accept", args=[revision.pk]),
            {},
        ),
        lambda revision: revision.status == OrganisationRevision.Status.ACCEPTED,
    ),
    "publish a document": (
        {EDITOR, ADMINISTRATOR},
        lambda: make_document(files=(), is_published=False),
        lambda document: (
            reverse("admin:documents_document_changelist"),
            {"action": "publish", "_selected_action": [document.pk]},
        ),
        lambda document: document.is_published,
    ),
    "publish an event": (
        {EDITOR, ADMINISTRATOR},
        lambda: EventFactory(status=Event.Status.DRAFT, published_at=None),
        lambda event: (
            reverse("admin:events_event_changelist"),
            {"action": "publish_events", "_selected_action": [event.pk]},
        ),
        lambda event: event.status == Event.Status.PUBLISHED and event.published_at is not None,
    ),
    "cancel an event": (
        {EDITOR, ADMINISTRATOR},
        EventFactory,
        lambda event: (
            reverse("admin:events_event_changelist"),
            {"action": "cancel_events", "_selected_action": [event.pk]},
        ),
        lambda event: event.status == Event.Status.CANCELLED,
    ),
    "reject a proposed change to an organisation": (
        REVIEWERS,
        proposed_revision,
        lambda revision: (
            reverse("admin:companies_organisationrevision_reject", args=[revision.pk]),
            {"reason": "Nazwa niezgodna z KRS."},
        ),
        lambda revision: revision.status == OrganisationRevision.Status.REJECTED,
    ),
}


@pytest.mark.parametrize("role", VISITORS)
@pytest.mark.parametrize("case", MODERATION_CASES)
def test_moderation_takes_effect_only_for_roles_that_may_moderate(client, roles, role, case):
    allowed_roles, make, request, done = MODERATION_CASES[case]
    record = make()
    url, data = request(record)
    sign_in(client, role)

    response = client.post(url, data)

    record.refresh_from_db()
    assert done(record) == (role in allowed_roles)
    if role == ANONYMOUS:
        assert outcome(response, role) == "sign-in"


# Translators: the texts, and nothing else.


def test_a_translator_sees_no_contact_data_of_an_organisation(client, roles):
    organisation = OrganisationFactory(
        email="biuro@narew.example", phone="+48856543210", website="https://narew.example"
    )
    ContactPersonFactory(
        organisation=organisation,
        first_name="Zofia",
        last_name="Kowalczyk",
        email="zofia.kowalczyk@narew.example",
    )
    offer = OfferFactory(organisation=organisation)
    contact_data = [
        "biuro@narew.example",
        "543210",
        "narew.example",
        "Zofia",
        "Kowalczyk",
    ]
    url = reverse("admin:companies_organisation_change", args=[organisation.pk])
    moderator_page = sign_in(client, MODERATOR).get(url).content.decode()
    client.logout()
    sign_in(client, TRANSLATOR)

    response = client.get(url)
    page = response.content.decode()
    offer_page = client.get(reverse("admin:offers_offer_change", args=[offer.pk])).content.decode()

    assert all(text in moderator_page for text in contact_data)  # the page would show them
    assert response.status_code == 200
    assert [text for text in contact_data if text in page + offer_page] == []
    assert response.context["inline_admin_formsets"] == []
    assert {"description_it", "products_it"} <= set(response.context["adminform"].form.fields)


def test_a_translator_saves_an_offers_translation_but_not_its_other_fields(client, roles):
    offer = OfferFactory(published=False, status=Offer.Status.SUBMITTED)
    organisation, other = offer.organisation, OrganisationFactory()
    sign_in(client, TRANSLATOR)
    url = reverse("admin:offers_offer_change", args=[offer.pk])
    data = change_form_data(client.get(url))
    data.update(
        title_cs="Zrající sýry pro distributory",
        status=Offer.Status.PUBLISHED,
        organisation=other.pk,
        kind=Offer.Kind.TECHNOLOGY_OFFER,
        is_anonymous="on",
        keywords="hacked",
    )

    response = client.post(url, data)

    offer.refresh_from_db()
    assert response.status_code == 302
    assert offer.title_cs == "Zrající sýry pro distributory"
    assert offer.translations.get(language="cs").state == OfferTranslation.State.HUMAN
    assert (offer.status, offer.organisation, offer.kind) == (
        Offer.Status.SUBMITTED,
        organisation,
        Offer.Kind.BUSINESS_OFFER,
    )
    assert (offer.is_anonymous, offer.keywords) == (False, "")


def test_a_translator_saves_an_organisations_translation_but_not_its_other_fields(client, roles):
    organisation = OrganisationFactory(name="Serowar Podlaski", is_published=False)
    sign_in(client, TRANSLATOR)
    url = reverse("admin:companies_organisation_change", args=[organisation.pk])
    data = change_form_data(client.get(url))
    data.update(
        description_it="Caseificio della Podlachia.",
        name="Zmieniona nazwa",
        is_published="on",
        email="inny@adres.example",
    )

    response = client.post(url, data)

    organisation.refresh_from_db()
    assert response.status_code == 302
    assert organisation.description_it == "Caseificio della Podlachia."
    assert (organisation.name, organisation.is_published, organisation.email) == (
        "Serowar Podlaski",
        False,
        "",
    )


def test_a_translator_translates_a_survey_question_and_its_answers(client, roles):
    question = SurveyQuestion.objects.filter(choices__isnull=False).distinct().first()
    choice = question.choices.order_by("pk").first()
    position = question.position
    sign_in(client, TRANSLATOR)
    url = reverse("admin:questionnaire_surveyquestion_change", args=[question.pk])
    data = change_form_data(client.get(url))
    prefix = next(
        key.removesuffix("-id")
        for key, value in data.items()
        if key.endswith("-id") and str(value) == str(choice.pk)
    )
    data.update(
        {
            "prompt_cs": "Otázka v češtině",
            f"{prefix}-label_cs": "Odpověď v češtině",
            "position": position + 10,
        }
    )

    response = client.post(url, data)

    question.refresh_from_db()
    choice.refresh_from_db()
    assert response.status_code == 302
    assert (question.prompt_cs, choice.label_cs) == ("Otázka v češtině", "Odpověď v češtině")
    assert question.position == position


def test_a_translator_cannot_publish_an_offer_and_is_told_nothing_was_done(client, roles):
    offer = OfferFactory(published=False, status=Offer.Status.SUBMITTED)
    sign_in(client, TRANSLATOR)

    with translation.override("en"):
        response = client.post(*offer_action("publish_offers", offer), follow=True)
        messages = [str(message) for message in response.context["messages"]]
        no_action = gettext("No action selected.")

    offer.refresh_from_db()
    assert offer.status == Offer.Status.SUBMITTED
    assert messages == [no_action]  # the action is unknown to a translator


def test_an_editor_sees_only_the_content_they_edit(client, roles):
    sign_in(client, EDITOR)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert {
        app["app_label"]: [model["object_name"] for model in app["models"]]
        for app in response.context["app_list"]
    } == {
        "news": ["NewsItem"],
        "documents": ["Document"],
        "project": ["Partner"],
        "events": ["Registration", "Event"],
        "companies": ["RegionalFigure", "StatisticsImport", "Region"],
    }


def partner_form(partner, **changes):
    return {
        **{f"name_{code}": getattr(partner, f"name_{code}") or "" for code in LANGUAGE_CODES},
        **{f"description_{code}": "" for code in LANGUAGE_CODES},
        "country": partner.country.code,
        "website": partner.website,
        "latitude": partner.latitude,
        "longitude": partner.longitude,
        "order": partner.order,
        **changes,
    }


def test_an_editor_adds_a_partner_and_a_translator_changes_only_its_texts(client, roles):
    sign_in(client, EDITOR)
    added = client.post(
        reverse("admin:project_partner_add"),
        partner_form(
            Partner(name_pl="Słowacja", country="SK", latitude=48.15, longitude=17.11, order=200),
            name_en="Slovakia",
        ),
    )
    partner = Partner.objects.get(name_en="Slovakia")
    client.logout()
    sign_in(client, TRANSLATOR)

    translated = client.post(
        reverse("admin:project_partner_change", args=[partner.pk]),
        partner_form(partner, name_hu="Szlovákia", country="AT", order=1),
    )

    partner.refresh_from_db()
    assert (added.status_code, translated.status_code) == (302, 302)
    assert (partner.name_pl, partner.name_hu) == ("Słowacja", "Szlovákia")
    assert (partner.country.code, partner.order) == ("SK", 200)


# The roles' migration.


def permissions_of(name):
    return set(
        Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")
    )


def permissions_in(app_label):
    return set(
        Permission.objects.filter(content_type__app_label=app_label).values_list(
            "content_type__app_label", "codename"
        )
    )


def test_the_roles_migration_is_idempotent_and_reversible(roles):
    before = {name: permissions_of(name) for name in ROLES}

    add_roles()
    again = {name: permissions_of(name) for name in ROLES}
    remove_roles()
    removed = Group.objects.filter(name__in=ROLES).count()
    add_roles()

    assert again == before
    assert removed == 0
    assert {name: permissions_of(name) for name in ROLES} == before
    assert before[EDITOR] == {
        *(("news", f"{action}_newsitem") for action in ["add", "change", "delete", "view"]),
        *(
            ("documents", f"{action}_{model}")
            for model in ["document", "documentfile"]
            for action in ["add", "change", "delete", "view"]
        ),
        ("project", "add_partner"),
        ("project", "change_partner"),
        ("project", "view_partner"),
        *(
            ("events", f"{action}_{model}")
            for model in ("event", "registration")
            for action in ("add", "change", "delete", "view")
        ),
        ("events", "export_registration"),
        *(
            ("companies", f"{action}_{model}")
            for model in ("region", "regionalfigure", "statisticsimport")
            for action in ("add", "change", "view")
        ),
        ("companies", "import_statistics"),
    }
    assert before[ADMINISTRATOR] >= set(
        Permission.objects.filter(
            content_type__app_label__in=[
                "companies",
                "offers",
                "questionnaire",
                "members",
                "news",
                "project",
                "documents",
                "events",
            ]
        ).values_list("content_type__app_label", "codename")
    )
    assert before[TRANSLATOR] & permissions_in("events") == {
        ("events", "view_event"),
        ("events", "translate_event"),
    }
    assert before[MODERATOR] & permissions_in("events") == {("events", "view_event")}
    assert ("offers", "translate_offer") in before[TRANSLATOR]
    assert (
        not {("offers", "moderate_offer"), ("companies", "view_contactperson")} & before[TRANSLATOR]
    )


def test_the_demo_makes_one_staff_account_per_role(client, roles, capsys):
    call_command("load_demo", "--staff")
    output = capsys.readouterr().out

    for role in ROLES:
        password = output.split(f"Demo {role} account: demo-{role} / ")[1].split()[0]
        user = User.objects.get(username=f"demo-{role}")
        assert (user.is_staff, user.is_superuser) == (True, False)
        assert list(user.groups.values_list("name", flat=True)) == [role]
        assert client.login(username=f"demo-{role}", password=password)


# Staff accounts: nobody grants a flag, group or permission they do not hold.

SUPERUSER = "superuser"


def sign_in_staff(client, role):
    """A role's member, or a superuser, signed in."""
    if role != SUPERUSER:
        return sign_in(client, role)
    client.force_login(User.objects.create_superuser("root", "root@urzad.example", "pass"))
    return client


def permission(name):
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def beyond_the_administrator():
    """A permission no role holds: only a superuser may grant it."""
    return permission("sessions.delete_session")


def user_form(user, **changes):
    """The user change form as posted, with `changes` (True ticks a box, False clears it)."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": user.is_active,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
        "user_permissions": [str(pk) for pk in user.user_permissions.values_list("pk", flat=True)],
        "date_joined_0": "2026-01-05",
        "date_joined_1": "10:00:00",
        "last_login_0": "",
        "last_login_1": "",
        **changes,
    }
    return {
        name: "on" if value is True else value for name, value in data.items() if value is not False
    }


FLAGS = ["is_active", "is_staff", "is_superuser"]


def granted(user):
    """What a user holds: flags, groups and permissions, read from the database."""
    user = User.objects.get(pk=user.pk)
    return {
        "flags": {flag for flag in FLAGS if getattr(user, flag)},
        "groups": set(user.groups.values_list("name", flat=True)),
        "permissions": {
            f"{app_label}.{codename}"
            for app_label, codename in user.user_permissions.values_list(
                "content_type__app_label", "codename"
            )
        },
    }


def powerful_group():
    group = Group.objects.create(name="session keepers")
    group.permissions.add(beyond_the_administrator())
    return group


# What posting one grant on a plain user's change form gives that user, by role.
GRANTS = {
    "is_active": lambda: ({"is_active": True}, ("flags", "is_active")),
    "is_staff": lambda: ({"is_staff": True}, ("flags", "is_staff")),
    "is_superuser": lambda: ({"is_superuser": True}, ("flags", "is_superuser")),
    "the moderators' group": lambda: (
        {"groups": [str(Group.objects.get(name=MODERATOR).pk)]},
        ("groups", MODERATOR),
    ),
    "a group with a permission the administrator lacks": lambda: (
        {"groups": [str(powerful_group().pk)]},
        ("groups", "session keepers"),
    ),
    "a permission the administrator holds": lambda: (
        {"user_permissions": [str(permission("offers.view_offer").pk)]},
        ("permissions", "offers.view_offer"),
    ),
    "a permission the administrator lacks": lambda: (
        {"user_permissions": [str(beyond_the_administrator().pk)]},
        ("permissions", "sessions.delete_session"),
    ),
}
MAY_GRANT = {
    SUPERUSER: set(GRANTS),
    ADMINISTRATOR: {
        "is_active",
        "is_staff",
        "the moderators' group",
        "a permission the administrator holds",
    },
}


@pytest.mark.parametrize("role", [*ROLES, SUPERUSER])
@pytest.mark.parametrize("grant", GRANTS)
def test_staff_grant_only_flags_groups_and_permissions_they_hold(client, roles, role, grant):
    target = User.objects.create_user("nowy", "nowy@urzad.example", "pass", is_active=False)
    changes, (kind, name) = GRANTS[grant]()
    sign_in_staff(client, role)

    client.post(reverse("admin:auth_user_change", args=[target.pk]), user_form(target, **changes))

    assert (name in granted(target)[kind]) == (grant in MAY_GRANT.get(role, set()))


def test_an_administrator_cannot_make_themselves_superuser(client, roles):
    sign_in(client, ADMINISTRATOR)
    administrator = User.objects.get(username=ADMINISTRATOR)
    url = reverse("admin:auth_user_change", args=[administrator.pk])

    page = client.get(url)
    client.post(url, user_form(administrator, is_superuser=True))

    assert "is_superuser" not in page.context["adminform"].form.fields
    assert granted(administrator)["flags"] == {"is_active", "is_staff"}


def test_a_new_account_made_by_an_administrator_is_no_superuser(client, roles):
    sign_in(client, ADMINISTRATOR)

    response = client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "nowa",
            "usable_password": "true",
            "password1": "Mleko-2026!x",
            "password2": "Mleko-2026!x",
            "is_superuser": "on",
            "is_staff": "on",
            "groups": [str(powerful_group().pk)],
        },
    )

    assert response.status_code == 302
    assert granted(User.objects.get(username="nowa")) == {
        "flags": {"is_active"},
        "groups": set(),
        "permissions": set(),
    }


def holds_more_than_the_administrator(kind):
    if kind == "superuser":
        return User.objects.create_superuser("szef", "szef@urzad.example", "Stare-hasło-1")
    user = User.objects.create_user("szef", "szef@urzad.example", "Stare-hasło-1", is_staff=True)
    user.user_permissions.add(beyond_the_administrator())
    return user


@pytest.mark.parametrize("kind", ["superuser", "holder of a permission the administrator lacks"])
def test_an_administrator_cannot_change_delete_or_set_the_password_of_who_holds_more(
    client, roles, kind
):
    other = holds_more_than_the_administrator(kind)
    before = granted(other)
    sign_in(client, ADMINISTRATOR)
    change = reverse("admin:auth_user_change", args=[other.pk])
    password = reverse("admin:auth_user_password_change", args=[other.pk])

    page = client.get(change)
    posted = client.post(change, user_form(other, is_active=False, email="inny@adres.example"))
    password_page = client.get(password)
    password_post = client.post(
        password,
        {"usable_password": "true", "password1": "Nowe-hasło-22", "password2": "Nowe-hasło-22"},
    )
    delete_page = client.get(reverse("admin:auth_user_delete", args=[other.pk]))
    client.post(reverse("admin:auth_user_delete", args=[other.pk]), {"post": "yes"})
    client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "delete_selected", "_selected_action": [other.pk], "post": "yes"},
    )

    other.refresh_from_db()
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    assert (posted.status_code, password_page.status_code, password_post.status_code) == (
        403,
        403,
        403,
    )
    assert delete_page.status_code == 403
    assert granted(other) == before
    assert (other.email, other.check_password("Stare-hasło-1")) == ("szef@urzad.example", True)


def test_a_superuser_sets_another_superusers_password(client, roles):
    other = holds_more_than_the_administrator("superuser")
    sign_in_staff(client, SUPERUSER)

    response = client.post(
        reverse("admin:auth_user_password_change", args=[other.pk]),
        {"usable_password": "true", "password1": "Nowe-hasło-22", "password2": "Nowe-hasło-22"},
    )

    other.refresh_from_db()
    assert response.status_code == 302
    assert other.check_password("Nowe-hasło-22")


def group_form(group, permissions):
    return {"name": group.name, "permissions": [str(permission.pk) for permission in permissions]}


def test_an_administrator_cannot_add_a_permission_they_lack_to_a_group(client, roles):
    administrators = Group.objects.get(name=ADMINISTRATOR)
    held = list(administrators.permissions.all())
    volunteers = Group.objects.create(name="volunteers")
    sign_in(client, ADMINISTRATOR)

    own = client.post(
        reverse("admin:auth_group_change", args=[administrators.pk]),
        group_form(administrators, [*held, beyond_the_administrator()]),
    )
    other = client.post(
        reverse("admin:auth_group_change", args=[volunteers.pk]),
        group_form(volunteers, [beyond_the_administrator()]),
    )
    new = client.post(
        reverse("admin:auth_group_add"),
        {"name": "keepers", "permissions": [str(beyond_the_administrator().pk)]},
    )
    allowed = client.post(
        reverse("admin:auth_group_change", args=[volunteers.pk]),
        group_form(volunteers, held[:1]),
    )

    assert (own.status_code, other.status_code, new.status_code) == (200, 200, 200)
    assert set(administrators.permissions.all()) == set(held)
    assert allowed.status_code == 302
    assert list(volunteers.permissions.all()) == held[:1]
    assert not Group.objects.filter(name="keepers").exists()


def test_an_administrator_cannot_change_or_delete_a_group_that_holds_more(client, roles):
    group = powerful_group()
    sign_in(client, ADMINISTRATOR)
    change = reverse("admin:auth_group_change", args=[group.pk])

    page = client.get(change)
    posted = client.post(change, group_form(group, []))
    deleted = client.post(reverse("admin:auth_group_delete", args=[group.pk]), {"post": "yes"})
    client.post(
        reverse("admin:auth_group_changelist"),
        {"action": "delete_selected", "_selected_action": [group.pk], "post": "yes"},
    )

    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    assert (posted.status_code, deleted.status_code) == (403, 403)
    assert list(Group.objects.get(pk=group.pk).permissions.all()) == [beyond_the_administrator()]


# Sign-in records and authenticator apps: administrators lift lockouts and remove
# lost apps, and never see an app's key.


def locked_out_attempt(username):
    from axes.models import AccessAttempt

    return AccessAttempt.objects.create(
        user_agent="Firefox",
        ip_address="192.0.2.1",
        username=username,
        http_accept="text/html",
        path_info="/pl/admin/login/",
        get_data="",
        post_data="",
        failures_since_start=5,
    )


def test_an_administrator_lifts_a_lockout_and_removes_a_lost_authenticator_app(client, roles):
    from axes.models import AccessAttempt
    from django_otp.plugins.otp_totp.models import TOTPDevice

    colleague = User.objects.create_user("urzednik", "urzednik@urzad.example", "pass")
    attempt = locked_out_attempt("urzednik")
    device = TOTPDevice.objects.create(user=colleague, name="telefon", confirmed=True)
    sign_in(client, ADMINISTRATOR)

    attempts = client.get(reverse("admin:axes_accessattempt_changelist"))
    lifted = client.post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )
    devices = client.get(reverse("admin:otp_totp_totpdevice_changelist"))
    removed = client.post(
        reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"}
    )

    assert attempts.status_code == 200
    assert "urzednik" in attempts.content.decode()
    assert devices.status_code == 200
    assert "telefon" in devices.content.decode()
    assert (lifted.status_code, removed.status_code) == (302, 302)
    assert not AccessAttempt.objects.filter(pk=attempt.pk).exists()
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()


def test_an_administrator_never_sees_the_key_of_an_authenticator_app(client, roles):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    colleague = User.objects.create_user("urzednik", "urzednik@urzad.example", "pass")
    device = TOTPDevice.objects.create(user=colleague, name="telefon", confirmed=True)
    sign_in(client, ADMINISTRATOR)

    pages = [
        client.get(reverse("admin:otp_totp_totpdevice_changelist")),
        client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk])),
    ]
    config = client.get(reverse("admin:otp_totp_totpdevice_config", args=[device.pk]))
    qrcode = client.get(reverse("admin:otp_totp_totpdevice_qrcode", args=[device.pk]))
    add = client.get(reverse("admin:otp_totp_totpdevice_add"))
    changed = client.post(
        reverse("admin:otp_totp_totpdevice_change", args=[device.pk]),
        {"user": colleague.pk, "name": "inny", "key": "00" * 20, "confirmed": "on"},
    )

    device.refresh_from_db()
    assert [page.status_code for page in pages] == [200, 200]
    assert "telefon" in pages[1].content.decode()
    assert [device.key in page.content.decode() for page in pages] == [False, False]
    assert "config/" not in pages[0].content.decode() + pages[1].content.decode()
    assert (config.status_code, qrcode.status_code, add.status_code) == (403, 403, 403)
    assert changed.status_code == 403
    assert (device.name, device.key) != ("inny", "00" * 20)


def test_an_administrator_cannot_remove_the_authenticator_app_of_who_holds_more(client, roles):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(
        user=holds_more_than_the_administrator("superuser"), name="telefon", confirmed=True
    )
    sign_in(client, ADMINISTRATOR)

    removed = client.post(
        reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"}
    )
    client.post(
        reverse("admin:otp_totp_totpdevice_changelist"),
        {"action": "delete_selected", "_selected_action": [device.pk], "post": "yes"},
    )

    assert removed.status_code == 403
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_a_superuser_reads_an_authenticator_apps_setup_and_a_missing_one_is_not_found(
    client, roles
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(
        user=User.objects.create_user("urzednik"), name="telefon", confirmed=True
    )
    sign_in_staff(client, SUPERUSER)

    config = client.get(reverse("admin:otp_totp_totpdevice_config", args=[device.pk]))
    missing = client.get(reverse("admin:otp_totp_totpdevice_config", args=[device.pk + 1000]))

    assert config.status_code == 200
    assert missing.status_code == 404


# Lists: filtered and searched only by the fields the staff member can see.


def seen_fields(client, model, record):
    """The model's fields a staff member sees: its change page for them and its list."""
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    page = client.get(reverse(f"{prefix}_change", args=[record.pk]))
    changelist = client.get(reverse(f"{prefix}_changelist")).context["cl"]
    shown = set(flatten_fieldsets(page.context["adminform"].fieldsets))
    shown |= set(changelist.list_display)
    if changelist.date_hierarchy:
        shown.add(changelist.date_hierarchy)
    # What the admin's own columns and read-only fields show of the model.
    displays = getattr(admin.site._registry[model], "display_fields", {})
    shown |= {displays[name] for name in shown if name in displays}
    fields = set()
    for field in model._meta.get_fields():
        if field.name in shown or getattr(field, "primary_key", False):
            fields.add(field.name)
        original = getattr(field, "translated_field", None)
        if original is not None and field.name in shown:
            fields.add(original.name)
    return fields


# Fields a role sees but the admin never filters by (Django's own rule).
NEVER_FILTERED = {"auth.user": {"password"}}


def lookups(model):
    """One lookup per field of the model, relations both ways included."""
    return {field.name: f"{field.name}__isnull" for field in model._meta.get_fields()}


@pytest.mark.parametrize("role", ROLES)
def test_staff_filter_a_list_only_by_the_fields_they_can_see(client, roles, records, role):
    sign_in(client, role)
    refused, failed = [], []

    for model in admin.site._registry:
        name = label(model)
        if "changelist" not in PAGES[name].get(role, frozenset()):
            continue
        seen = seen_fields(client, model, records[name])
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        refused += [
            f"{name} filter {spec.field_path}"
            for spec in client.get(url).context["cl"].filter_specs
            if getattr(spec, "field_path", None) and spec.field_path.split("__")[0] not in seen
        ]
        for field, lookup in lookups(model).items():
            if field in NEVER_FILTERED.get(name, set()):
                continue
            status = client.get(url, {lookup: "False"}).status_code
            if field in seen and status != 200:
                failed.append(f"{name} {lookup}: {status}")
            if field not in seen and status != 400:
                refused.append(f"{name} {lookup}: {status}")

    assert failed == []
    assert refused == []


def test_every_admin_filters_and_searches_only_by_what_its_staff_can_see():
    assert [
        label(model)
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, VisibleFieldsOnlyMixin)
    ] == []


@pytest.mark.parametrize("role", ROLES)
def test_staff_search_a_list_only_in_the_fields_they_can_see(client, roles, records, role):
    sign_in(client, role)
    unseen = []

    for model in admin.site._registry:
        name = label(model)
        if "changelist" not in PAGES[name].get(role, frozenset()):
            continue
        seen = seen_fields(client, model, records[name])
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        searched = client.get(url).context["cl"].search_fields
        unseen += [
            f"{name} {field}"
            for field in searched
            if field.lstrip("^=@").split("__")[0] not in seen
        ]

    assert unseen == []


def test_a_translator_cannot_find_an_organisation_by_its_contact_data(client, roles):
    organisation = OrganisationFactory(
        name="Serowar Podlaski",
        nip="5421012345",
        email="biuro@serowar.example",
        phone="+48856543210",
    )
    ContactPersonFactory(organisation=organisation, email="zofia@serowar.example")
    url = reverse("admin:companies_organisation_changelist")
    sign_in(client, TRANSLATOR)

    found_by_nip = client.get(url, {"q": "5421012345"})
    lookups = [
        client.get(url, query)
        for query in [
            {"email": "biuro@serowar.example"},
            {"nip": "5421012345"},
            {"phone__startswith": "+4885"},
            {"contacts__email": "zofia@serowar.example"},
        ]
    ]
    by_name = client.get(url, {"q": "Serowar"})
    completion = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "offers",
            "model_name": "offer",
            "field_name": "organisation",
            "term": "5421012345",
        },
    )

    assert found_by_nip.status_code == 200
    assert list(found_by_nip.context["cl"].result_list) == []
    assert [answer.status_code for answer in lookups] == [400, 400, 400, 400]
    assert [answer for answer in lookups if "Serowar" in answer.content.decode()] == []
    assert all(gettext("Bad request") in answer.content.decode() for answer in lookups)
    assert list(by_name.context["cl"].result_list) == [organisation]
    assert completion.json()["results"] == []
