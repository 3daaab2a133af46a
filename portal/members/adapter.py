"""The portal's allauth adapter: members only, by code, in the reader's language.

allauth calls it for what varies between projects. Here: its messages are the
portal's (translated in our catalogues), the client's address for its rate limits
is read as the staff sign-in reads it, a partner's sign-up writes their Member,
a staff account is never signed in by it, and the language of the page where a
member signs in becomes the member's kept language. Every e-mail allauth sends is
rendered while the request's language (its URL's prefix) is active, so it is in
the language of the page the code was asked for on.
"""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from portal import signin
from portal.common.languages import LANGUAGE_CODES
from portal.members import services
from portal.members.models import Member


class MemberAccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "incorrect_code": _(
            "This code is wrong or no longer valid. Check the code in the e-mail, or ask "
            "for a new one."
        ),
        # Too many codes asked for (per address or per client), or too many wrong
        # codes typed, which voids the code.
        "too_many_login_attempts": _(
            "Too many attempts. Wait a while, then ask for a new sign-in code."
        ),
        "rate_limited": _("Too many requests. Wait a moment and try again."),
    }

    def format_email_subject(self, subject):
        return f"{gettext('Podlaskie clusters')}: {subject}"

    def get_client_ip(self, request):
        """The client's address, from the header the rate limits and staff sign-in read."""
        return signin.client_ip(request) or super().get_client_ip(request)

    def save_user(self, request, user, form, commit=True):
        """A partner's sign-up: the account (no password) and its Member, in one go."""
        user = super().save_user(request, user, form, commit=False)
        data = form.cleaned_data
        services.partner_register(
            user=user,
            first_name=data["first_name"],
            last_name=data["last_name"],
            organisation_name=data["organisation_name"],
            country=data["country"],
            language=_portal_language(),
            privacy_notice_version=form.privacy_notice_version,
        )
        return user

    def pre_login(self, request, user, **kwargs):
        """Staff never sign in here (no code is ever sent to them, see forms.py)."""
        if user.is_staff or not Member.objects.filter(user=user).exists():
            raise PermissionDenied
        return super().pre_login(request, user, **kwargs)

    def post_login(self, request, user, **kwargs):
        """The language of the page where the member signed in becomes their kept one."""
        member = Member.objects.filter(user=user).first()
        if member is not None:
            services.member_keep_language(member=member, language=_portal_language())
        return super().post_login(request, user, **kwargs)


def _portal_language():
    language = get_language()
    return language if language in LANGUAGE_CODES else LANGUAGE_CODES[0]
