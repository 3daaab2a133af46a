"""The member area's pages (under /<lang>/account/): each one behind portal/members/access.py."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from companies import revisions
from portal.common.languages import LANGUAGE_CODES, language_name
from portal.members import selectors, services
from portal.members.access import member_required
from portal.members.forms import ColleagueInviteForm, OrganisationProfileForm, PartnerProfileForm


@never_cache
@member_required
def home(request):
    """The member's own page: who they are, their organisation, their language."""
    return render(request, "members/home.html", {"member": request.member})


def _text_language(request, member):
    """The language whose texts the profile shows: asked for in the address, else the member's."""
    language = request.GET.get("language", "")
    return language if language in LANGUAGE_CODES else member.language


def _profile_initial(organisation, pending, language):
    """The form's values: the record's, with those of the proposal awaiting the office."""
    values = revisions.record_values(organisation)
    if pending is not None:
        values.update(pending.changes)
    return {
        "name": values["name"],
        "description": values[f"description_{language}"],
        "products": values[f"products_{language}"],
        "certifications": values["certifications"],
        "export_markets": values["export_markets"],
        "languages_spoken": [code for code in values["languages_spoken"].split(",") if code],
        "website": values["website"],
        "latitude": values["latitude"],
        "longitude": values["longitude"],
    }


def _add_errors(form, error):
    """A service's refusal shown on the form's fields (a revision's keys are mapped to them)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for key, errors in error.error_dict.items():
        field = form.field_of(key) if hasattr(form, "field_of") else key
        form.add_error(field if field in form.fields else None, errors)


@never_cache
@member_required
def profile(request):
    """The organisation's public record, changed by proposing a revision to the office;
    a partner's own details, which they change directly."""
    member = request.member
    if member.is_partner:
        return _partner_profile(request, member)
    organisation = member.organisation
    if organisation is None:
        return render(request, "members/profile.html", {"member": member})
    language = _text_language(request, member)
    here = f"{reverse('members:profile')}?{urlencode({'language': language})}"
    pending = selectors.pending_revision(member)
    form = OrganisationProfileForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        language=language,
        initial=_profile_initial(organisation, pending, language),
    )
    if request.method == "POST" and form.is_valid():
        try:
            _revision, made = services.organisation_profile_propose(
                organisation=organisation,
                changes=form.changes(),
                language=language,
                logo=form.cleaned_data["logo"],
                by=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if made:
                messages.success(
                    request,
                    _(
                        "Your changes have been sent to the office. The directory shows "
                        "them once the office accepts them."
                    ),
                )
            else:
                messages.info(request, _("These changes already await the office."))
            return redirect(here)
    return render(
        request,
        "members/profile.html",
        {
            "member": member,
            "organisation": organisation,
            "form": form,
            "language": language,
            "action": here,
            "languages": [(code, language_name(code)) for code in LANGUAGE_CODES],
            "pending": pending,
            "pending_rows": revisions.comparison(pending, organisation) if pending else [],
        },
    )


def _partner_profile(request, member):
    user = member.user
    form = PartnerProfileForm(
        request.POST if request.method == "POST" else None,
        initial={
            "first_name": user.first_name,
            "last_name": user.last_name,
            "organisation_name": member.organisation_name,
            "country": member.country.code,
            "language": member.language,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.partner_update(member=member, **form.cleaned_data)
        messages.success(request, _("Your details have been saved."))
        return redirect("members:profile")
    return render(request, "members/partner_profile.html", {"member": member, "form": form})


def _organisation_or_404(member):
    """A partner, or a member no longer tied to an organisation, has no colleagues page."""
    if member.organisation_id is None:
        raise Http404
    return member.organisation


@never_cache
@member_required
def colleagues(request):
    """The organisation's members, and a form to invite another person of it."""
    member = request.member
    organisation = _organisation_or_404(member)
    form = ColleagueInviteForm(
        request.POST if request.method == "POST" else None,
        initial={"language": member.language},
    )
    if request.method == "POST" and form.is_valid():
        try:
            invited = services.colleague_invite(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is now a member; an invitation has been sent to %(email)s.")
                % {"name": invited.full_name, "email": invited.user.email},
            )
            return redirect("members:colleagues")
    return render(
        request,
        "members/colleagues.html",
        {
            "member": member,
            "organisation": organisation,
            "colleagues": selectors.colleagues(member),
            "form": form,
        },
    )


@never_cache
@member_required
def colleague_remove(request, pk):
    """Ask, then end a colleague's membership of the organisation (oneself's too)."""
    member = request.member
    organisation = _organisation_or_404(member)
    colleague = get_object_or_404(selectors.colleagues(member), pk=pk)
    if request.method == "POST":
        try:
            services.colleague_remove(member=colleague, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("members:colleagues")
        if colleague.pk == member.pk:
            logout(request)
            messages.success(
                request,
                _("You are no longer a member of %(organisation)s, and you have been signed out.")
                % {"organisation": organisation.name},
            )
            return redirect("home")
        messages.success(
            request,
            _("%(name)s is no longer a member of %(organisation)s.")
            % {"name": str(colleague), "organisation": organisation.name},
        )
        return redirect("members:colleagues")
    return render(
        request,
        "members/colleague_remove.html",
        {"member": member, "organisation": organisation, "colleague": colleague},
    )
