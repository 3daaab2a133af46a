"""Staff sign-in: lockout after failed attempts (django-axes) and two-factor codes.

Failed sign-ins are counted by django-axes in the database, per user name and
address together (settings: AXES_*). A staff member who has confirmed an
authenticator app (django-otp's TOTP device) is asked for its six-digit code
beside the password; a wrong code counts as a failed sign-in as well.
"""

import base64
from datetime import timedelta

import segno
from axes.backends import AxesStandaloneBackend
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.common.text import TextFormMixin


class StaffSignInBackend(AxesStandaloneBackend, ModelBackend):
    """Django's own users and permissions, behind django-axes' lockout check.

    One backend rather than axes' and Django's side by side: with two, Django
    cannot tell which one `User.objects.with_perm()` should ask.

    Sign-ins over HTTP always come with their request and are counted. Code that
    calls authenticate() without one (the test client's login(), a shell) has no
    address to count against: axes would refuse it outright, so it is not checked.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is not None:
            # Raises PermissionDenied (and marks the request) when locked out.
            super().authenticate(request, username=username, password=password, **kwargs)
        return ModelBackend.authenticate(
            self, request, username=username, password=password, **kwargs
        )


def client_ip(request):
    """The client's address for axes, from the same request header as rate limits use.

    Behind the office's proxy (RATELIMIT_IP_META_KEY=HTTP_X_FORWARDED_FOR) the
    last address in the header is the one the proxy itself added: the only one a
    client cannot forge.
    """
    value = request.META.get(settings.RATELIMIT_IP_META_KEY) or request.META.get("REMOTE_ADDR")
    return (value or "").split(",")[-1].strip() or None


def locked_out(request, original_response=None, credentials=None):
    """The page for a locked-out sign-in, in the reader's language (AXES_LOCKOUT_CALLABLE).

    Every attempt during a lockout starts the cool-off again
    (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT), so it ends one cool-off
    from now.
    """
    cool_off = settings.AXES_COOLOFF_TIME
    context = {
        **admin.site.each_context(request),
        "title": _("Sign-in locked"),
        "try_again_at": timezone.now() + cool_off,
        "cool_off_minutes": int(cool_off / timedelta(minutes=1)),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    response = render(
        request,
        "admin/signin_locked_out.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response.headers["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


def confirmed_device(user):
    """The user's confirmed authenticator app, or None."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def unconfirmed_device(user):
    """The authenticator app being set up: the same one on every visit until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=str(_("Authenticator app")), confirmed=False
        )
    return device


def device_qr_svg(device):
    """The device's otpauth:// address as a QR code, inline SVG rendered here."""
    qr = segno.make(device.config_url, error="m")
    return qr.svg_inline(scale=5, border=4, dark="#000", light="#fff", omitsize=False)


def device_secret(device):
    """The device's key in base32, in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _code_field():
    return forms.CharField(
        label=_("Six-digit code"),
        required=False,
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
        ),
    )


def check_code(device, code):
    """Check a code against a device; a ValidationError with a clear message if wrong.

    A code already used (TOTP allows each code once) is refused like a wrong one.
    """
    code = (code or "").replace(" ", "")
    if not code:
        raise forms.ValidationError(
            _("Enter the six-digit code from your authenticator app."), code="code_required"
        )
    allowed, extra = device.verify_is_allowed()
    if not allowed:
        if extra.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS:
            raise forms.ValidationError(
                _("Too many wrong codes in a row. Wait a minute and try again."),
                code="code_throttled",
            )
        raise forms.ValidationError(
            _("Codes cannot be checked now. Try again later."), code="code_not_allowed"
        )
    if not (code.isdigit() and device.verify_token(code)):
        raise forms.ValidationError(
            _(
                "This code is wrong or has already been used. Enter the current code "
                "from your authenticator app."
            ),
            code="code_invalid",
        )


class StaffAuthenticationForm(AdminAuthenticationForm):
    """The admin's sign-in form, asking for a code when the user has set up an app."""

    otp_token = _code_field()

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["otp_token"].help_text = _(
            "From your authenticator app; only if you have set up two-factor sign-in."
        )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is None:
            return cleaned_data
        device = confirmed_device(user)
        if device is None:
            return cleaned_data
        try:
            check_code(device, cleaned_data.get("otp_token"))
        except forms.ValidationError:
            # The password was right: keep it so that only the code is left to type.
            self.fields["password"].widget.render_value = True
            if cleaned_data.get("otp_token"):
                # A wrong code counts towards the lockout like a wrong password.
                user_login_failed.send(
                    sender=type(self),
                    credentials={"username": cleaned_data.get("username")},
                    request=self.request,
                )
            raise
        # django-otp keeps the device in the session when the user is logged in.
        user.otp_device = device
        return cleaned_data


class DeviceConfirmForm(TextFormMixin, forms.Form):
    """The first code from a newly set-up app confirms it."""

    otp_token = _code_field()

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        code = self.cleaned_data.get("otp_token")
        check_code(self.device, code)
        return code
