"""Staff accounts, groups and authenticator apps in the admin: nobody grants what
they do not hold.

A staff member who manages accounts without being a superuser (the administrator
role) sets the flags, groups and permissions of others only within their own: the
superuser flag is read-only for them, they assign only groups whose permissions
they all hold and only permissions they hold, and a group they edit gets no
permission they lack. An account or group that holds more than they do (a
superuser, or a permission outside their own) is read-only for them: they neither
change it, delete it nor set its password. Superusers keep the full forms.

Authenticator apps (TOTP devices): whoever is no superuser lists them and removes
a lost one (of someone who holds no more than they do), and never sees a key, the
set-up page or the QR code, nor adds or changes an app.
"""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission, User
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.common import tasks_admin  # noqa: F401

# Registers the background task results with their errors.
from portal.common.admin import ReadOnlyAdminMixin
from portal.models import PersonErasure


def permissions_held(user):
    """The permissions a user holds, directly or through a group."""
    return Permission.objects.filter(Q(user=user) | Q(group__user=user)).distinct()


def assignable_groups(user):
    """The groups whose permissions the user holds, every one."""
    lacking = Permission.objects.exclude(pk__in=permissions_held(user).values("pk"))
    return Group.objects.exclude(permissions__in=lacking)


def holds_more(manager, user):
    """Whether `user` holds something `manager` does not: the superuser flag or a permission."""
    if manager.is_superuser:
        return False
    if user.is_superuser:
        return True
    return permissions_held(user).exclude(pk__in=permissions_held(manager).values("pk")).exists()


def group_holds_more(manager, group):
    if manager.is_superuser:
        return False
    return group.permissions.exclude(pk__in=permissions_held(manager).values("pk")).exists()


class GrantsWithinOwnMixin:
    """Change and delete only what holds no more than the staff member (`exceeds`)."""

    def exceeds(self, request, obj):
        raise NotImplementedError

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or not self.exceeds(request, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or not self.exceeds(request, obj))

    def get_deleted_objects(self, objs, request):
        """The bulk deletion is refused when one of the records holds more."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        perms_needed |= {str(obj) for obj in objs if self.exceeds(request, obj)}
        return deleted, counts, perms_needed, protected


class StaffUserAdmin(GrantsWithinOwnMixin, UserAdmin):
    def exceeds(self, request, obj):
        return holds_more(request.user, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields.append("is_superuser")
        return fields

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        if not request.user.is_superuser:
            if db_field.name == "groups":
                kwargs["queryset"] = assignable_groups(request.user)
            elif db_field.name == "user_permissions":
                kwargs["queryset"] = permissions_held(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class StaffGroupAdmin(GrantsWithinOwnMixin, GroupAdmin):
    def exceeds(self, request, obj):
        return group_holds_more(request.user, obj)

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        if db_field.name == "permissions" and not request.user.is_superuser:
            kwargs["queryset"] = permissions_held(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class StaffTOTPDeviceAdmin(GrantsWithinOwnMixin, TOTPDeviceAdmin):
    def exceeds(self, request, obj):
        return holds_more(request.user, obj.user)

    def has_add_permission(self, request):
        return request.user.is_superuser and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_change_permission(request, obj)

    def get_list_display(self, request):
        columns = super().get_list_display(request)
        if request.user.is_superuser:
            return columns
        return [column for column in columns if column != "qrcode_link"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        secret = {"key", "qrcode_link"}
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in secret]})
            for name, options in fieldsets
            if set(options["fields"]) - secret
        ]

    def config_view(self, request, pk):
        self._check_secret_allowed(request, pk)
        return super().config_view(request, pk)

    def qrcode_view(self, request, pk):
        self._check_secret_allowed(request, pk)
        return super().qrcode_view(request, pk)

    def _check_secret_allowed(self, request, pk):
        """The key of an app is a superuser's to read, and of an app that exists."""
        if not request.user.is_superuser:
            raise PermissionDenied
        get_object_or_404(TOTPDevice, pk=pk)


admin.site.unregister(User)
admin.site.register(User, StaffUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, StaffGroupAdmin)
admin.site.unregister(TOTPDevice)
admin.site.register(TOTPDevice, StaffTOTPDeviceAdmin)


@admin.register(PersonErasure)
class PersonErasureAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The log of erasures of personal data: read by administrators, written by no one here."""

    list_display = ["erased_at", "erasure_id", "requested_by", "staff_username", "had_account"]
    list_filter = ["requested_by", "erased_at"]
    search_fields = ["erasure_id"]
    date_hierarchy = "erased_at"
    fields = readonly_fields = [
        "erased_at",
        "erasure_id",
        "requested_by",
        "staff_member",
        "staff_username",
        "had_account",
        "counts",
    ]
