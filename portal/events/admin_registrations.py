"""Registrations in the admin: per event, attendance, export, writing to registrants.

Every page that shows registrants (the list, one registration) is personal data:
it is logged as the contact persons' pages are (companies/access_log.py), with
the page's address. Cancelling, marking attendance and writing go through
portal/events/registration_services.py, which logs them in each registration's
history; a cancellation there promotes the waiting list as the person's own
link does.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from companies.access_log import log_contact_views
from portal.common.exports import StaffExportMixin
from portal.common.text import TextFormMixin
from portal.events import registration_resources as resources
from portal.events import registration_services as services
from portal.events.models import Registration

Status = Registration.Status


class WriteForm(TextFormMixin, forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(
        label=_("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Each registrant gets it with a greeting, the event and the link to cancel "
            "in the language they registered in; your words are sent as you write them."
        ),
    )


@admin.register(Registration)
class RegistrationAdmin(StaffExportMixin, admin.ModelAdmin):
    export_resource = resources.RegistrationResource
    export_personal_resource = resources.RegistrationWithPersonResource
    personal_data_permissions = ["events.view_registration"]

    list_display = [
        "name",
        "email",
        "organisation_name",
        "event",
        "status",
        "language",
        "created_at",
        "attended",
    ]
    list_filter = ["event", "status", "attended", "language"]
    list_select_related = ["event"]
    search_fields = ["name", "email", "organisation_name", "event__title"]
    date_hierarchy = "created_at"
    actions = ["mark_attended", "mark_not_attended", "cancel_registrations", "write_to_registrants"]
    fields = [
        "event",
        "status",
        "name",
        "organisation_name",
        "country",
        "email",
        "phone",
        "needs",
        "language",
        "user",
        "consent_version",
        "consented_at",
        "created_at",
        "confirmed_at",
        "waiting_since",
        "cancelled_at",
        "reminder_sent_at",
        "attended",
    ]
    readonly_fields = [name for name in fields if name != "attended"]

    def has_add_permission(self, request):
        # People register through the public form, which records their consent.
        return False

    # Personal data seen: logged.

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if response.status_code == 200 and changelist is not None and changelist.result_list:
            log_contact_views(request)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if response.status_code == 200 and request.method == "GET":
            log_contact_views(request)
        return response

    # Actions.

    def has_manage_permission(self, request):
        return request.user.has_perm("events.change_registration")

    @admin.action(
        description=_("Mark the selected registrants as attended"), permissions=["manage"]
    )
    def mark_attended(self, request, queryset):
        self._set_attended(request, queryset, True)

    @admin.action(
        description=_("Mark the selected registrants as not attended"), permissions=["manage"]
    )
    def mark_not_attended(self, request, queryset):
        self._set_attended(request, queryset, False)

    def _set_attended(self, request, queryset, attended):
        count = services.registrations_set_attended(
            queryset=queryset, attended=attended, by=request.user
        )
        self.message_user(
            request,
            ngettext("%(count)d registration marked.", "%(count)d registrations marked.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Cancel the selected registrations (the waiting list moves up)"),
        permissions=["manage"],
    )
    def cancel_registrations(self, request, queryset):
        cancelled = promoted = 0
        for registration in queryset.exclude(status=Status.CANCELLED):
            freed = services.registration_cancel(registration=registration, by=request.user)
            promoted += len(freed)
            cancelled += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d registration cancelled.", "%(count)d registrations cancelled.", cancelled
            )
            % {"count": cancelled}
            + " "
            + ngettext(
                "%(count)d person from the waiting list got a place.",
                "%(count)d people from the waiting list got a place.",
                promoted,
            )
            % {"count": promoted},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Write to the selected registrants (each in their language)"),
        permissions=["manage"],
    )
    def write_to_registrants(self, request, queryset):
        """A page asking for the subject and message, then one e-mail per registrant."""
        form = WriteForm(request.POST if "apply" in request.POST else None)
        recipients = queryset.exclude(status=Status.CANCELLED).select_related("event")
        if form.is_bound and form.is_valid():
            sent = services.registrations_write(
                queryset=recipients,
                subject=form.cleaned_data["subject"],
                message=form.cleaned_data["message"],
                by=request.user,
            )
            self.message_user(
                request,
                ngettext("%(count)d e-mail sent.", "%(count)d e-mails sent.", sent)
                % {"count": sent},
                messages.SUCCESS,
            )
            return None
        log_contact_views(request)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Write to the registrants"),
            "opts": self.model._meta,
            "registrations": recipients.order_by("event__starts_at", "name", "pk"),
            "skipped": queryset.filter(status=Status.CANCELLED).count(),
            "form": form,
            "action": "write_to_registrants",
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/events/registration/write.html", context)
