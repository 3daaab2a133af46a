"""Expressions of interest in the admin: read, forward to the firm, decline, and their outcome.

Every change goes through offers/services/interest.py, which logs it in the
admin's history.
Registered by importing this module from offers/admin.py.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.filters import CountryFilter

from companies.access_log import log_contact_views
from offers import emails
from offers.models import ExpressionOfInterest
from offers.services import interest as services
from portal.common.text import TextFormMixin

Status = ExpressionOfInterest.Status
Outcome = ExpressionOfInterest.Outcome
FORWARD_PERMISSION = "offers.forward_interest"


class ForwardForm(TextFormMixin, forms.Form):
    note = forms.CharField(
        label=_("Note to the firm"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("Optional. Sent to the firm with the partner's details and message."),
    )


@admin.register(ExpressionOfInterest)
class ExpressionOfInterestAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "organisation_name",
        "country",
        "offer",
        "status",
        "outcome",
        "language",
        "forwarded_at",
    ]
    list_filter = [
        "status",
        "outcome",
        ("offer", admin.RelatedOnlyFieldListFilter),
        ("country", CountryFilter),
        "created_at",
    ]
    list_select_related = ["offer"]
    # Outcomes are recorded by the firm's member; staff who hear of an agreement
    # record it with the action.
    search_fields = ["name", "organisation_name", "email", "offer__reference"]
    date_hierarchy = "created_at"
    actions = ["mark_declined", "mark_agreement"]
    change_form_template = "admin/offers/expressionofinterest/change_form.html"
    readonly_fields = [
        "offer",
        "status",
        "name",
        "organisation_name",
        "country",
        "email",
        "phone",
        "message",
        "language",
        "consent_version",
        "consent_at",
        "created_at",
        "staff_note",
        "forwarded_at",
        "forwarded_by",
        "outcome",
        "outcome_at",
        "outcome_by",
    ]
    fields = readonly_fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("offer__organisation", "forwarded_by", "outcome_by")
        )

    # Partners write these; staff read and forward them, and may delete them.

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_forward_permission(self, request):
        return request.user.has_perm(FORWARD_PERMISSION)

    def get_urls(self):
        return [
            path(
                "<int:pk>/forward/",
                self.admin_site.admin_view(self.forward_view),
                name="offers_expressionofinterest_forward",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        expression = self.get_object(request, object_id)
        extra = {}
        contact = None
        if expression is not None:
            offer = expression.offer
            contact = emails.firm_contact(offer)
            extra = {
                "offer": offer,
                "offer_title": emails.offer_title(offer, "pl"),
                "recipient": emails.offer_recipient(offer, contact),
                "can_forward": self.has_forward_permission(request)
                and Status.FORWARDED in services.TRANSITIONS[expression.status],
                "forward_form": ForwardForm(),
            }
        response = super().change_view(
            request, object_id, form_url, {**extra, **(extra_context or {})}
        )
        if contact is not None and response.status_code == 200:
            log_contact_views(request, contacts=[contact])  # the address it goes to
        return response

    def forward_view(self, request, pk):
        if not self.has_forward_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        expression = get_object_or_404(ExpressionOfInterest, pk=pk)
        form = ForwardForm(request.POST)
        if not form.is_valid():
            self.message_user(
                request, _("The note is too long: at most 2000 characters."), messages.ERROR
            )
            return redirect("admin:offers_expressionofinterest_change", pk)
        try:
            services.interest_forward(
                interest=expression, by=request.user, note=form.cleaned_data["note"]
            )
        except services.TransitionError:
            self.message_user(
                request, _("This expression of interest has already been handled."), messages.ERROR
            )
        except services.NoFirmAddress:
            self.message_user(
                request,
                _(
                    "The firm has no e-mail address: add a contact person to the "
                    "organisation, then forward again."
                ),
                messages.ERROR,
            )
        else:
            self.message_user(
                request,
                _("Forwarded to the firm: %(organisation)s.")
                % {"organisation": expression.offer.organisation.name},
                messages.SUCCESS,
            )
        return redirect("admin:offers_expressionofinterest_change", pk)

    def _close(self, request, queryset, change, label):
        closed = refused = 0
        for expression in queryset:
            try:
                change(expression)
            except services.TransitionError:
                refused += 1
            else:
                closed += 1
        if closed:
            self.message_user(
                request,
                ngettext(
                    "%(count)d expression of interest marked “%(status)s”.",
                    "%(count)d expressions of interest marked “%(status)s”.",
                    closed,
                )
                % {"count": closed, "status": label},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%(count)d expression of interest left as it was: its status does not "
                    "allow this change.",
                    "%(count)d expressions of interest left as they were: their status does "
                    "not allow this change.",
                    refused,
                )
                % {"count": refused},
                messages.WARNING,
            )

    @admin.action(description=_("Mark as declined"), permissions=["forward"])
    def mark_declined(self, request, queryset):
        self._close(
            request,
            queryset,
            lambda expression: services.interest_set_status(
                interest=expression, status=Status.DECLINED, by=request.user
            ),
            Status.DECLINED.label,
        )

    @admin.action(description=_("Mark as led to an agreement"), permissions=["forward"])
    def mark_agreement(self, request, queryset):
        self._close(
            request,
            queryset,
            lambda expression: services.interest_set_outcome(
                interest=expression, outcome=Outcome.AGREEMENT, by=request.user
            ),
            Outcome.AGREEMENT.label,
        )
