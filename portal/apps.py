from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from portal.middleware import note_staff_sign_in

        user_logged_in.connect(note_staff_sign_in, dispatch_uid="portal.note_staff_sign_in")


class PortalAdminConfig(admin_apps.AdminConfig):
    """The admin, with the portal's site (staff sign-in with a second factor)."""

    default = False  # named in INSTALLED_APPS; "portal" is PortalConfig

    default_site = "portal.admin_site.PortalAdminSite"
