"""How members' sign-ins reach Django: allauth's backend, without passwords or staff.

django-allauth signs a member in after the e-mailed code is confirmed, by
calling `login()` with this backend's path; it never asks a backend to check a
password for a member. Left as it is, allauth's backend would also accept an
e-mail address and password posted to the admin's sign-in form, past the staff
backend's lockout and second factor. So this one checks no password at all, and
never hands back a staff account, not even for a session it started.
"""

from allauth.account.auth_backends import AuthenticationBackend


class MemberBackend(AuthenticationBackend):
    def authenticate(self, request, **credentials):
        # Members have no password; codes do not go through authenticate().
        return None

    def get_user(self, user_id):
        user = super().get_user(user_id)
        if user is None or user.is_staff:
            return None
        return user
