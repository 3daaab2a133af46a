"""The member area's pages (under /<lang>/account/): each one behind portal/members/access.py."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache

from portal.members.access import member_required


@never_cache
@member_required
def home(request):
    """The member's own page: who they are, their organisation, their language."""
    return render(request, "members/home.html", {"member": request.member})
