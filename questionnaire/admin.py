import csv

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from companies.access_log import log_contact_views
from companies.models import Activity, Certification, Cluster, ContactPerson, Organisation
from companies.services import ORGANISATION_FIELDS
from offers.models import Offer
from portal.common.exports import StaffExportMixin, spreadsheet_safe
from portal.common.history_admin import HistoryAdmin
from portal.common.text import TextFormMixin
from portal.common.translator_admin import TranslatorAdminMixin
from questionnaire import resources, results, services
from questionnaire.answers import Answers
from questionnaire.forms import DecisionForm
from questionnaire.models import Submission, SurveyChoice, SurveyQuestion

Status = Submission.Status


class SurveyChoiceInline(TranslationTabularInline):
    model = SurveyChoice
    extra = 0
    fields = ["label", "position"]


class SurveyChoiceTranslatorInline(SurveyChoiceInline):
    """The answers' labels, for a translator: their texts only."""

    readonly_fields = ["position"]
    can_delete = False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("questionnaire.translate_surveyquestion")

    has_change_permission = has_view_permission

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SurveyQuestion)
class SurveyQuestionAdmin(TranslatorAdminMixin, TabbedTranslationAdmin):
    translator_context = ["kind", "is_required", "is_active", "position"]
    translator_texts = ["prompt", "help_text"]
    translator_inlines = [SurveyChoiceTranslatorInline]
    list_display = ["prompt", "kind", "is_required", "is_active", "position"]
    list_editable = ["is_active", "position"]
    list_filter = ["is_active", "kind"]
    search_fields = ["prompt"]
    inlines = [SurveyChoiceInline]


class QueueFilter(admin.SimpleListFilter):
    """Confirmed submissions awaiting review by default; other statuses on request."""

    title = _("status")
    parameter_name = "queue"
    default = Status.CONFIRMED

    def lookups(self, request, model_admin):
        return [
            *[(value, label) for value, label in Status.choices if value != Status.UNCONFIRMED],
            ("all", _("all")),
        ]

    def queryset(self, request, queryset):
        value = self.value() or self.default
        if value == "all":
            return queryset
        return queryset.filter(status=value)

    def choices(self, changelist):
        current = self.value() or self.default
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }


class ResultsFilterForm(TextFormMixin, forms.Form):
    cluster = forms.ModelChoiceField(
        label=_("Cluster"), queryset=Cluster.objects.all(), required=False
    )
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        present = set(
            Submission.objects.filter(status__in=results.COUNTED)
            .values_list("country", flat=True)
            .distinct()
        )
        self.fields["country"].choices = [("", _("all countries"))] + [
            (code, name) for code, name in countries if code in present
        ]


def _label(model, name):
    return model._meta.get_field(name).verbose_name


def _shown(model, name, value):
    """A stored answer as staff read it: labels for codes, names for countries."""
    if value in (None, "", []):
        return "—"
    if name in {"country", "export_markets"}:
        codes = value if isinstance(value, list) else [value]
        return ", ".join(str(countries.name(code)) for code in codes)
    choices = dict(model._meta.get_field(name).flatchoices)
    return str(choices.get(value, value))


@admin.register(Submission)
class SubmissionAdmin(StaffExportMixin, HistoryAdmin):
    export_resource = resources.SubmissionResource
    # The respondents' contact details are a contact person's data: whoever may
    # read the directory's contact persons may export them, beside the
    # submissions themselves.
    export_personal_resource = resources.SubmissionWithContactResource
    personal_data_permissions = ["questionnaire.view_submission", "companies.view_contactperson"]
    list_display = [
        "organisation_name",
        "country",
        "status",
        "updates_existing",
        "language",
        "created_at",
        "confirmed_at",
    ]
    list_filter = [QueueFilter, "country", "clusters", "language"]
    search_fields = ["organisation_name", "email"]
    date_hierarchy = "created_at"
    change_form_template = "admin/questionnaire/submission/change_form.html"
    change_list_template = "admin/questionnaire/submission/change_list.html"
    readonly_fields = [
        "organisation_name",
        "status",
        "language",
        "email",
        "country",
        "created_at",
        "confirmed_at",
        "decided_at",
        "reason",
        "existing_organisation",
        "organisation",
        "previous",
        "privacy_notice_version",
        "privacy_acknowledged_at",
        "publication_consent",
        "alerts_consent",
        "consent_version",
        "logo",
    ]
    fields = readonly_fields

    @admin.display(boolean=True, description=_("updates a record"))
    def updates_existing(self, submission):
        return submission.is_update

    def get_queryset(self, request):
        # Until its sender confirms it, a submission is not the office's business.
        return (
            super()
            .get_queryset(request)
            .exclude(status=Status.UNCONFIRMED)
            .select_related("existing_organisation", "organisation")
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("results/", wrap(self.results_view), name="questionnaire_survey_results"),
            path(
                "results.csv", wrap(self.results_csv_view), name="questionnaire_survey_results_csv"
            ),
            path(
                "<int:pk>/accept/", wrap(self.accept_view), name="questionnaire_submission_accept"
            ),
            path(
                "<int:pk>/reject/",
                wrap(self.decision_view),
                {"decision": "reject"},
                name="questionnaire_submission_reject",
            ),
            path(
                "<int:pk>/request-changes/",
                wrap(self.decision_view),
                {"decision": "changes"},
                name="questionnaire_submission_request_changes",
            ),
            *super().get_urls(),
        ]

    # Review of one submission.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        submission = self.get_object(request, object_id)
        extra = {}
        if submission is not None:
            extra = {
                "answers": self.describe_answers(submission),
                "comparison": self.compare(submission) if submission.is_update else None,
                "survey_answers": submission.survey_answers.select_related("question")
                .prefetch_related("choices")
                .order_by("question__position", "question__pk"),
                "events": submission.events.select_related("by"),
                "can_review": request.user.has_perm("questionnaire.review_submission"),
                "is_open": submission.status == Status.CONFIRMED,
            }
        response = super().change_view(
            request, object_id, form_url, {**extra, **(extra_context or {})}
        )
        if response.status_code == 200 and Answers.from_json(submission.answers).contact:
            self._log_contact_view(request, submission)
        return response

    @staticmethod
    def _log_contact_view(request, submission):
        """The page shows the contact person's details sent with the submission."""
        organisation = submission.organisation or submission.existing_organisation
        email = Answers.from_json(submission.answers).contact.get("email") or ""
        contacts = (
            ContactPerson.objects.filter(organisation=organisation, email__iexact=email)
            if organisation is not None and email
            else []
        )
        log_contact_views(request, contacts=list(contacts), organisation=organisation)

    @staticmethod
    def _names(model, pks):
        return ", ".join(str(item) for item in model.objects.filter(pk__in=pks)) or "—"

    def describe_answers(self, submission):
        answers = Answers.from_json(submission.answers)
        organisation = answers.organisation
        rows = [
            (_label(Organisation, name), _shown(Organisation, name, organisation.get(name)))
            for name in ORGANISATION_FIELDS
            if name in organisation
        ]
        rows += [
            (_("clusters"), self._names(Cluster, organisation.get("clusters", []))),
            (_("NACE activities"), self._names(Activity, organisation.get("activities", []))),
            (
                _("certifications"),
                self._names(Certification, organisation.get("certifications", [])),
            ),
            (_("products and services"), answers.texts.get("products") or "—"),
            (_("description"), answers.texts.get("description") or "—"),
        ]
        offers = [
            {
                **offer,
                "kind": Offer.Kind(offer["kind"]).label if offer.get("kind") in Offer.Kind else "",
                "cooperation_types": ", ".join(
                    str(Offer.CooperationType(value).label)
                    for value in offer.get("cooperation_types", [])
                    if value in Offer.CooperationType
                ),
                "target_countries": ", ".join(
                    str(countries.name(code)) for code in offer.get("target_countries", [])
                ),
            }
            for offer in answers.offers
        ]
        contact = [
            (_label(ContactPerson, name), value or "—") for name, value in answers.contact.items()
        ]
        return {"organisation": rows, "offers": offers, "contact": contact}

    def compare(self, submission):
        current = submission.existing_organisation
        submitted = Answers.from_json(submission.answers).organisation
        rows = []
        for name in ORGANISATION_FIELDS:
            before = getattr(current, name)
            if name == "export_markets":
                before = [country.code for country in before]
            elif name == "country":
                before = before.code
            after = submitted.get(name)
            rows.append(
                {
                    "label": _label(Organisation, name),
                    "current": _shown(Organisation, name, before),
                    "submitted": _shown(Organisation, name, after),
                    # Empty answers keep the record's value when accepted.
                    "changed": after not in (None, "", []) and before != after,
                }
            )
        return rows

    def _review_object(self, request, pk):
        if not request.user.has_perm("questionnaire.review_submission"):
            raise PermissionDenied
        return get_object_or_404(self.get_queryset(request), pk=pk)

    def accept_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        submission = self._review_object(request, pk)
        if submission.status == Status.ACCEPTED:
            self.message_user(
                request, _("This submission had already been accepted."), messages.INFO
            )
            return redirect("admin:questionnaire_submission_change", pk)
        try:
            organisation = services.submission_accept(submission=submission, by=request.user)
        except services.TransitionError:
            self.message_user(
                request, _("This submission can no longer be accepted."), messages.ERROR
            )
        else:
            self.message_user(
                request,
                _(
                    "Accepted: %(organisation)s is in the directory and its offers await "
                    "publication."
                )
                % {"organisation": organisation},
                messages.SUCCESS,
            )
        return redirect("admin:questionnaire_submission_change", pk)

    def decision_view(self, request, pk, decision):
        submission = self._review_object(request, pk)
        form = DecisionForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            service = (
                services.submission_reject
                if decision == "reject"
                else services.submission_request_changes
            )
            try:
                service(submission=submission, by=request.user, reason=form.cleaned_data["reason"])
            except services.TransitionError:
                self.message_user(
                    request, _("This submission has already been decided."), messages.ERROR
                )
            else:
                self.message_user(
                    request,
                    _("Rejected; the submitter has been told why.")
                    if decision == "reject"
                    else _("The questionnaire has been returned to the submitter for changes."),
                    messages.SUCCESS,
                )
            return redirect("admin:questionnaire_submission_change", pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": submission,
            "form": form,
            "title": _("Reject the submission")
            if decision == "reject"
            else _("Ask the submitter for changes"),
        }
        return TemplateResponse(request, "admin/questionnaire/submission/decision.html", context)

    # Survey results.

    def _results(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = ResultsFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        return (
            form,
            filters,
            results.survey_results(cluster=filters.get("cluster"), country=filters.get("country")),
        )

    def results_view(self, request):
        form, filters, question_results = self._results(request)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Survey results"),
            "form": form,
            "results": question_results,
            "submission_count": results.counted_submissions(
                cluster=filters.get("cluster"), country=filters.get("country")
            ).count(),
            "csv_url": reverse("admin:questionnaire_survey_results_csv")
            + ("?" + request.GET.urlencode() if request.GET else ""),
        }
        return TemplateResponse(request, "admin/questionnaire/results.html", context)

    def results_csv_view(self, request):
        _form, _filters, question_results = self._results(request)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="survey-results.csv"'
        response.write("\ufeff")  # so that spreadsheets read UTF-8
        writer = csv.writer(response)
        writer.writerow(["question", "kind", "active", "answered", "answer", "count", "share"])
        for result in question_results:
            question = result.question
            base = [
                spreadsheet_safe(question.prompt),
                question.kind,
                int(question.is_active),
                result.answered,
            ]
            for row in result.rows:
                writer.writerow([*base, spreadsheet_safe(row.label), row.count, f"{row.share:.3f}"])
            for text in result.texts:
                writer.writerow([*base, spreadsheet_safe(text), "", ""])
        return response
