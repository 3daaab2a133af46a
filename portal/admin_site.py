"""The admin site: sign-in with an optional (or, by setting, required) second factor.

It is the default site (portal.apps.PortalAdminConfig), so `admin.site` is this
everywhere. Every ModelAdmin registered on it, the libraries' too, lets staff
filter and search a list only by the fields they can see, and checks the text
posted to its forms (portal/common/admin.py).
"""

from functools import wraps

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from portal import signin
from portal.common.admin import ADMIN_MIXINS
from portal.common.dashboard import dashboard_for


class PortalAdminSite(admin.AdminSite):
    login_form = signin.StaffAuthenticationForm
    login_template = "admin/staff_login.html"

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        missing = tuple(mixin for mixin in ADMIN_MIXINS if not issubclass(admin_class, mixin))
        if missing:
            admin_class = type(
                admin_class.__name__,
                (*missing, admin_class),
                {"__module__": admin_class.__module__, "__qualname__": admin_class.__qualname__},
            )
        super().register(model_or_iterable, admin_class, **options)

    def admin_view(self, view, cacheable=False):
        """Every admin page: also the second factor, where one is set up or required."""
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def wrapper(request, *args, **kwargs):
            refusal = self._second_factor_missing(request)
            return refusal or inner(request, *args, **kwargs)

        return wrapper

    def _second_factor_missing(self, request):
        user = request.user
        if not self.has_permission(request) or user.is_verified():
            return None
        if signin.confirmed_device(user) is not None:
            # Signed in some other way than with the app's code: sign in again.
            logout(request)
            messages.info(request, _("Sign in again with the code from your authenticator app."))
            return redirect_to_login(
                request.get_full_path(), reverse("admin:login", current_app=self.name)
            )
        if settings.STAFF_2FA_REQUIRED:
            messages.info(
                request,
                _("Set up two-factor sign-in with an authenticator app to use the admin."),
            )
            return redirect("admin:two_factor", permanent=False)
        return None

    def index(self, request, extra_context=None):
        """The start page: what awaits this user (the blocks the apps register in
        portal/common/dashboard.py), then the apps."""
        extra = {"dashboard": dashboard_for(request.user)}
        return super().index(request, {**extra, **(extra_context or {})})

    def get_urls(self):
        return [
            path("two-factor/", self._staff_view(self.two_factor_setup), name="two_factor"),
            *super().get_urls(),
        ]

    def _staff_view(self, view):
        """Staff only, but with no second factor yet (it is being set up here)."""

        @never_cache
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not self.has_permission(request):
                return redirect_to_login(
                    request.get_full_path(), reverse("admin:login", current_app=self.name)
                )
            return view(request, *args, **kwargs)

        return wrapper

    def two_factor_setup(self, request):
        """Set up an authenticator app: QR code and secret, confirmed by its first code."""
        context = {**self.each_context(request), "title": _("Two-factor sign-in")}
        if signin.confirmed_device(request.user) is not None:
            context["active"] = True
            return render(request, "admin/two_factor_setup.html", context)
        device = signin.unconfirmed_device(request.user)
        form = signin.DeviceConfirmForm(request.POST or None, device=device)
        if request.method == "POST" and form.is_valid():
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(
                request,
                _(
                    "Two-factor sign-in is on. From now on you sign in with your password "
                    "and a code from your authenticator app."
                ),
            )
            return redirect("admin:index")
        context.update(
            form=form,
            qr_svg=signin.device_qr_svg(device),
            secret=signin.device_secret(device),
        )
        return render(request, "admin/two_factor_setup.html", context)
