"""Members in the portal's admin: staff see who has an account and for what.

Accounts are made by the members themselves (a contact person asking for a code,
a partner signing up); staff read them, correct the kind's details, and delete.
"""

from allauth.account.models import EmailAddress
from django.contrib import admin

from portal.members.models import Member

# allauth's e-mail address rows follow the member's account (made and confirmed
# by the sign-in flows); staff do not manage them apart from it.
if admin.site.is_registered(EmailAddress):
    admin.site.unregister(EmailAddress)


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "kind",
        "organisation",
        "organisation_name",
        "country",
        "language",
        "created_at",
    ]
    list_filter = ["kind", "language"]
    list_select_related = ["user", "organisation"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation_name"]
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
