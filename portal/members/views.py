"""The member area's pages (under /<lang>/account/): each one behind portal/members/access.py."""

import json
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from companies import revisions
from offers import selectors as offers
from offers.services import alerts
from portal import privacy
from portal.common.languages import LANGUAGE_CODES, language_name
from portal.members import selectors, services
from portal.members.access import member_required
from portal.members.forms import (
    AlertForm,
    CloseAccountForm,
    ColleagueInviteForm,
    OrganisationProfileForm,
    PartnerProfileForm,
)


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


def _member_alerts(member):
    return offers.alerts_of(member.user.email)


@never_cache
@member_required
def alert_list(request):
    alerts_kept = list(_member_alerts(request.member))
    searches = offers.describe_searches(
        [(alert.query, alert.filters) for alert in alerts_kept], get_language()
    )
    rows = list(zip(alerts_kept, searches, strict=True))
    return render(request, "members/alert_list.html", {"alerts": rows})


def _alert_search(form):
    """The alert's (words, filters) from a valid form, as the offer list's URL has them."""
    search = offers.search_from_data(
        {name: form.data.get(name, "") for name in form.fields}, get_language()
    )
    return search.query, search.filters


@never_cache
@member_required
def alert_create(request):
    form = AlertForm(request.POST if request.method == "POST" else None, language=get_language())
    if request.method == "POST" and form.is_valid():
        query, filters = _alert_search(form)
        alerts.alert_create_confirmed(
            email=request.member.user.email, language=get_language(), query=query, filters=filters
        )
        messages.success(
            request, _("Your alert is saved. New offers that match it reach you by e-mail.")
        )
        return redirect("members:alerts")
    return render(request, "members/alert_form.html", {"form": form, "alert": None})


@never_cache
@member_required
def alert_edit(request, pk):
    alert = get_object_or_404(_member_alerts(request.member), pk=pk)
    initial = {**alert.filters, "q": alert.query}
    form = AlertForm(
        request.POST if request.method == "POST" else None, initial=initial, language=get_language()
    )
    if request.method == "POST" and form.is_valid():
        query, filters = _alert_search(form)
        alerts.alert_change(alert=alert, language=get_language(), query=query, filters=filters)
        messages.success(
            request, _("Your alert is saved. New offers that match it reach you by e-mail.")
        )
        return redirect("members:alerts")
    return render(request, "members/alert_form.html", {"form": form, "alert": alert})


@never_cache
@member_required
def alert_delete(request, pk):
    """GET asks to confirm; POST deletes."""
    alert = get_object_or_404(_member_alerts(request.member), pk=pk)
    if request.method == "POST":
        alerts.alert_delete(alert=alert)
        messages.success(request, _("The alert is deleted."))
        return redirect("members:alerts")
    search = offers.describe_search(alert.query, alert.filters, get_language())
    return render(request, "members/alert_delete.html", {"alert": alert, "search": search})


@never_cache
@member_required
def data(request):
    return render(request, "members/data.html", {"member": request.member})


@never_cache
@member_required
def data_download(request):
    """Everything the portal holds about the member, as a JSON file (GDPR art. 15 and 20)."""
    user = request.member.user
    export = privacy.person_export(email=user.email, user=user)
    response = HttpResponse(
        json.dumps(export, ensure_ascii=False, indent=2), content_type="application/json"
    )
    filename = f"podlaskie-clusters-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@member_required
def close_account(request):
    form = CloseAccountForm(
        request.POST if request.method == "POST" else None, member=request.member
    )
    if request.method == "POST" and form.is_valid():
        services.member_close_account(member=request.member)
        logout(request)
        return redirect("members:closed")
    return render(request, "members/close_account.html", {"form": form})


@never_cache
def account_closed(request):
    """Said after the deletion, to a visitor no longer signed in."""
    return render(request, "members/account_closed.html")
