from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Value, When
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from companies import resources, revisions, services
from companies.access_log import contacts_on_page, log_contact_views
from companies.analysis import admin as analysis_admin  # noqa: F401  (registers its models)
from companies.forms import RevisionRejectForm
from companies.models import (
    Activity,
    Certification,
    Cluster,
    ContactDataView,
    ContactPerson,
    Organisation,
    OrganisationRevision,
)
from portal.common.admin import ReadOnlyAdminMixin
from portal.common.exports import StaffExportMixin
from portal.common.history_admin import HistoryAdmin
from portal.common.translator_admin import TranslatorAdminMixin


@admin.register(Activity)
class ActivityAdmin(TabbedTranslationAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent"]


@admin.register(Cluster)
class ClusterAdmin(TranslatorAdminMixin, TabbedTranslationAdmin):
    translator_context = ["slug"]
    translator_texts = ["name", "description"]
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["activities"]
    autocomplete_fields = ["statistics_activity"]


@admin.register(Certification)
class CertificationAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


class ContactPersonInline(admin.StackedInline):
    model = ContactPerson
    extra = 0
    fields = [
        ("first_name", "last_name"),
        "job_title",
        ("email", "phone"),
        ("publication_consent", "publication_consent_at", "publication_consent_version"),
    ]


@admin.register(Organisation)
class OrganisationAdmin(
    StaffExportMixin, HistoryAdmin, TranslatorAdminMixin, TabbedTranslationAdmin
):
    export_resource = resources.OrganisationResource
    export_personal_resource = resources.OrganisationWithContactsResource
    personal_data_permissions = ["companies.view_contactperson"]
    # Translators see no contact data: neither the organisation's nor its persons'.
    translator_context = ["name", "kind", "country", "town"]
    translator_texts = ["description", "products"]
    list_display = ["name", "kind", "town", "country", "size_class", "is_published"]
    list_filter = ["is_published", "kind", "clusters", "country", "size_class"]
    search_fields = ["name", "town", "nip", "regon", "krs", "vat_id"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["activities", "clusters", "certifications"]
    autocomplete_fields = ["nuts_region"]
    readonly_fields = ["is_published", "created_at", "updated_at"]
    inlines = [ContactPersonInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["kind", "name", "slug", "legal_form", "is_published"]}),
        (_("Identifiers"), {"fields": ["nip", "regon", "krs", "vat_id"]}),
        (
            _("Address"),
            {
                "fields": [
                    "country",
                    "region",
                    "nuts_region",
                    "town",
                    "street_address",
                    "postal_code",
                    ("latitude", "longitude"),
                ]
            },
        ),
        (_("Contact"), {"fields": ["website", "email", "phone"]}),
        (
            _("Activity"),
            {
                "fields": [
                    "clusters",
                    "activities",
                    "size_class",
                    "employees",
                    "founded_year",
                    "description",
                    "products",
                    "certifications",
                    "export_markets",
                    "languages_spoken",
                    "logo",
                ]
            },
        ),
        (_("History"), {"fields": ["created_at", "updated_at"]}),
    ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra = {}
        if request.user.has_perm("companies.view_organisationrevision"):
            # The page links to what a member proposes to change on it.
            extra["pending_revision"] = (
                OrganisationRevision.objects.filter(
                    organisation_id=_organisation_id(object_id),
                    status=OrganisationRevision.Status.PENDING,
                )
                .only("pk", "proposed_at")
                .first()
            )
        response = super().change_view(
            request, object_id, form_url, {**extra, **(extra_context or {})}
        )
        if response.status_code == 200:
            contacts = contacts_on_page(response)
            if contacts:
                log_contact_views(request, contacts=contacts)
        return response

    def has_publish_permission(self, request):
        return request.user.has_perm("companies.change_organisation")

    @admin.action(description=_("Publish the selected organisations"), permissions=["publish"])
    def publish(self, request, queryset):
        changed = self._set_published(request, queryset, published=True)
        message = ngettext(
            "%(count)d organisation published.", "%(count)d organisations published.", changed
        )
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)

    @admin.action(description=_("Unpublish the selected organisations"), permissions=["publish"])
    def unpublish(self, request, queryset):
        changed = self._set_published(request, queryset, published=False)
        message = ngettext(
            "%(count)d organisation unpublished.", "%(count)d organisations unpublished.", changed
        )
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)

    def _set_published(self, request, queryset, *, published):
        return services.organisations_set_published(
            queryset=queryset, published=published, by=request.user
        )


def _organisation_id(object_id):
    """The id in an organisation's admin address, or None when it is no id."""
    value = unquote(object_id)
    return int(value) if str(value).isdigit() else None


RevisionStatus = OrganisationRevision.Status


@admin.register(OrganisationRevision)
class OrganisationRevisionAdmin(ReadOnlyAdminMixin, HistoryAdmin):
    """Members' proposed changes: read beside the record, accepted or rejected here.

    Nothing is edited on these pages: the decision goes through the services
    (companies/services.py), which apply an accepted revision to the record and
    e-mail the proposer; the revision's history keeps who decided and when.
    """

    list_display = ["organisation", "status", "proposed_at", "language", "decided_at"]
    list_filter = ["status", "language"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__name"]
    date_hierarchy = "proposed_at"
    # Those awaiting a decision first, then the newest.
    ordering = [
        Case(When(status=RevisionStatus.PENDING, then=Value(0)), default=Value(1)).asc(),
        "-proposed_at",
        "-pk",
    ]
    change_form_template = "admin/companies/organisationrevision/change_form.html"
    fields = readonly_fields = [
        "organisation",
        "status",
        "proposed_by",
        "proposed_at",
        "language",
        "logo",
        "decided_by",
        "decided_at",
        "reason",
    ]

    def may_moderate(self, request):
        return self.has_view_permission(request) and request.user.has_perm(
            "companies.moderate_organisationrevision"
        )

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/accept/",
                wrap(self.accept_view),
                name="companies_organisationrevision_accept",
            ),
            path(
                "<int:pk>/reject/",
                wrap(self.reject_view),
                name="companies_organisationrevision_reject",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        revision = self.get_object(request, unquote(object_id))
        extra = {}
        if revision is not None:
            organisation = Organisation.objects.prefetch_related("certifications").get(
                pk=revision.organisation_id
            )
            extra = {
                "organisation": organisation,
                "comparison": revisions.comparison(revision, organisation),
                "may_moderate": self.may_moderate(request),
                "is_open": revision.is_pending,
                "reject_form": RevisionRejectForm(),
            }
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def _revision_to_decide(self, request, pk):
        if not self.may_moderate(request):
            raise PermissionDenied
        return get_object_or_404(self.get_queryset(request), pk=pk)

    def accept_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        revision = self._revision_to_decide(request, pk)
        try:
            services.organisation_accept_revision(revision=revision, by=request.user)
        except services.TransitionError:
            self.message_user(
                request, _("This proposal no longer awaits a decision."), messages.ERROR
            )
        else:
            self.message_user(
                request,
                _("Accepted: the record of %(organisation)s shows the proposed changes.")
                % {"organisation": revision.organisation},
                messages.SUCCESS,
            )
        return redirect("admin:companies_organisationrevision_change", pk)

    def reject_view(self, request, pk):
        revision = self._revision_to_decide(request, pk)
        form = RevisionRejectForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.organisation_reject_revision(
                    revision=revision, by=request.user, reason=form.cleaned_data["reason"]
                )
            except services.TransitionError:
                self.message_user(
                    request, _("This proposal no longer awaits a decision."), messages.ERROR
                )
            else:
                self.message_user(
                    request,
                    _("Rejected: the record stays as it was."),
                    messages.SUCCESS,
                )
            return redirect("admin:companies_organisationrevision_change", pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": revision,
            "form": form,
            "title": _("Reject the proposed changes"),
        }
        return TemplateResponse(
            request, "admin/companies/organisationrevision/reject.html", context
        )


@admin.register(ContactPerson)
class ContactPersonAdmin(HistoryAdmin):
    """Personal data: every page that shows it is logged (companies/access_log.py)."""

    list_display = ["last_name", "first_name", "organisation", "email", "publication_consent"]
    list_filter = ["publication_consent"]
    search_fields = ["last_name", "first_name", "email", "organisation__name"]
    autocomplete_fields = ["organisation"]

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        contacts = list(changelist.result_list) if changelist is not None else []
        if response.status_code == 200 and contacts:
            log_contact_views(request, contacts=contacts)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        return self._logged(request, response, object_id)

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        return self._logged(request, response, object_id)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        response = super().history_form_view(request, object_id, version_id, extra_context)
        return self._logged(request, response, object_id)

    def _logged(self, request, response, object_id):
        if response.status_code != 200:
            return response
        contact = self.get_object(request, unquote(object_id))
        if contact is not None:
            log_contact_views(request, contacts=[contact])
        elif str(object_id).isdigit():  # the history of a deleted contact person
            log_contact_views(request, deleted_contact_id=int(object_id))
        return response


@admin.register(ContactDataView)
class ContactDataViewAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The log of views of contact data: read by administrators, written by no one here."""

    list_display = ["viewed_at", "username", "contact_person", "organisation", "path"]
    list_filter = [("user", admin.RelatedOnlyFieldListFilter), "viewed_at"]
    search_fields = ["username", "contact_person__last_name", "organisation__name", "path"]
    date_hierarchy = "viewed_at"
    list_select_related = ["contact_person", "organisation"]
    fields = readonly_fields = [
        "viewed_at",
        "user",
        "username",
        "contact_person",
        "contact_person_ref",
        "organisation",
        "path",
    ]
