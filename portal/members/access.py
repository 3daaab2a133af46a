"""Who may open a member page, and which rows it may show: the one rule every member URL uses.

Every view of the member area is wrapped in `member_required` (or uses
`MemberRequiredMixin`) and reads organisation-owned rows through
`for_member_organisation`; no member view checks access any other way.

- A visitor who is not signed in is sent to the sign-in page, with `next` back.
- A signed-in user without a Member (staff, say) gets the 403 page: the member
  area is not theirs, and staff work in the admin.
- A member sees only their own organisation's rows: another organisation's id,
  slug or reference finds nothing, which is a 404, not a 403 (it does not tell
  that the row exists). A partner has no organisation in the directory, so no
  organisation's rows.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import resolve_url

from portal.members.models import Member


def member_of(request):
    """The signed-in member of the request (with organisation and contact), or None."""
    user = request.user
    if not user.is_authenticated or user.is_staff:
        return None
    if not hasattr(request, "_member"):
        request._member = (
            Member.objects.select_related("user", "organisation", "contact")
            .filter(user=user)
            .first()
        )
    return request._member


def _refusal(request):
    """The answer to a request that may not open a member page, or None if it may."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), resolve_url("account_login"))
    if member_of(request) is None:
        raise PermissionDenied
    return None


def member_required(view):
    """A view decorator: members only; the view finds the member as `request.member`."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        refusal = _refusal(request)
        if refusal is not None:
            return refusal
        request.member = member_of(request)
        return view(request, *args, **kwargs)

    return wrapper


class MemberRequiredMixin:
    """`member_required` for class-based views."""

    def dispatch(self, request, *args, **kwargs):
        refusal = _refusal(request)
        if refusal is not None:
            return refusal
        request.member = self.member = member_of(request)
        return super().dispatch(request, *args, **kwargs)


def for_member_organisation(queryset, member, field="organisation"):
    """`queryset` narrowed to the rows of the member's organisation (`field` names the
    relation to it); a partner's or an orphaned member's is empty. A view then
    looks a row up in it with get_object_or_404."""
    if member is None or member.organisation_id is None:
        return queryset.none()
    return queryset.filter(**{f"{field}_id": member.organisation_id})
