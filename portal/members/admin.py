"""Members in the portal's admin: staff see who has an account and for what.

Accounts are made by the members themselves (a contact person asking for a code,
a partner signing up) or on staff's invitation of a contact person; staff read
them, deactivate and reactivate them, correct the kind's details, and delete.
Whoever may view members sees the list; deactivating and reactivating need the
right to change a member, inviting the right to add one (portal/roles.py). Every
one of these actions is written into the admin's log (portal/members/services.py).
"""

from allauth.account.models import EmailAddress
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.common.text import TextFormMixin
from portal.members import services
from portal.members.models import Member

# allauth's e-mail address rows follow the member's account (made and confirmed
# by the sign-in flows); staff do not manage them apart from it.
if admin.site.is_registered(EmailAddress):
    admin.site.unregister(EmailAddress)


class InviteForm(TextFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the contact person"),
        max_length=254,
        help_text=_(
            "A contact person of a registered organisation, without a member account. The "
            "invitation is written in the person's language."
        ),
    )

    def clean_email(self):
        self.contact = services.contact_to_invite(email=self.cleaned_data["email"])
        if self.contact is None:
            raise forms.ValidationError(
                _("No contact person without a member account has this address.")
            )
        return self.cleaned_data["email"]


class ActiveFilter(admin.SimpleListFilter):
    title = _("may sign in")
    parameter_name = "active"

    def lookups(self, request, model_admin):
        return [("yes", _("yes")), ("no", _("no, deactivated"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(user__is_active=self.value() == "yes")
        return queryset


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    change_list_template = "admin/members/member/change_list.html"
    list_display = [
        "__str__",
        "kind",
        "organisation_shown",
        "country_shown",
        "language",
        "created_at",
        "last_sign_in",
        "may_sign_in",
    ]
    list_filter = ["kind", ActiveFilter, "language", "country"]
    list_select_related = ["user", "organisation"]
    search_fields = [
        "user__email",
        "user__first_name",
        "user__last_name",
        "organisation_name",
        "organisation__name",
    ]
    raw_id_fields = ["user", "organisation", "contact", "invited_by"]
    readonly_fields = ["created_at", "privacy_notice_version", "privacy_acknowledged_at"]
    fields = [
        "user",
        "kind",
        "organisation",
        "contact",
        "organisation_name",
        "country",
        "language",
        "invited_by",
        "privacy_notice_version",
        "privacy_acknowledged_at",
        "created_at",
    ]
    actions = ["deactivate", "reactivate"]

    @admin.display(description=_("organisation"), ordering="organisation__name")
    def organisation_shown(self, member):
        return member.organisation.name if member.organisation_id else member.organisation_name

    @admin.display(description=_("country"))
    def country_shown(self, member):
        if member.organisation_id:
            return member.organisation.country.name
        return member.country.name

    @admin.display(description=_("last sign-in"), ordering="user__last_login")
    def last_sign_in(self, member):
        return member.user.last_login

    @admin.display(description=_("may sign in"), boolean=True, ordering="user__is_active")
    def may_sign_in(self, member):
        return member.user.is_active

    def _each(self, request, queryset, change, done_message):
        done = 0
        for member in queryset.select_related("user").order_by("pk"):
            if change(member):
                done += 1
        self.message_user(request, done_message(done), messages.SUCCESS)

    @admin.action(description=_("Deactivate the selected members"), permissions=["change"])
    def deactivate(self, request, queryset):
        def change(member):
            was_active = member.user.is_active
            services.member_deactivate(member=member, by=request.user)
            return was_active

        self._each(
            request,
            queryset,
            change,
            lambda count: (
                ngettext(
                    "%(count)d member deactivated: no sign-in until reactivated.",
                    "%(count)d members deactivated: no sign-in until reactivated.",
                    count,
                )
                % {"count": count}
            ),
        )

    @admin.action(description=_("Reactivate the selected members"), permissions=["change"])
    def reactivate(self, request, queryset):
        def change(member):
            was_active = member.user.is_active
            services.member_reactivate(member=member, by=request.user)
            return not was_active

        self._each(
            request,
            queryset,
            change,
            lambda count: (
                ngettext("%(count)d member reactivated.", "%(count)d members reactivated.", count)
                % {"count": count}
            ),
        )

    def get_urls(self):
        return [
            path(
                "invite/",
                self.admin_site.admin_view(self.invite_view),
                name="members_member_invite",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra = {"can_invite": self.has_add_permission(request)}
        return super().changelist_view(request, {**extra, **(extra_context or {})})

    def invite_view(self, request):
        """Staff invite a contact person of a registered organisation to become a member."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = InviteForm(request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            try:
                contact = services.member_invite_contact(contact=form.contact, by=request.user)
            except services.NotInvitable:
                self.message_user(
                    request, _("This person has a member account already."), messages.ERROR
                )
            else:
                self.message_user(
                    request,
                    _("Invitation sent to %(email)s (%(organisation)s).")
                    % {"email": contact.email, "organisation": contact.organisation.name},
                    messages.SUCCESS,
                )
                return redirect("admin:members_member_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Invite a contact person to become a member"),
            "form": form,
        }
        return TemplateResponse(request, "admin/members/member/invite.html", context)
