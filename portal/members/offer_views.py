"""A firm's member with its offers and the expressions of interest they received.

Under /<lang>/account/offers/ and /<lang>/account/interest/, each view behind
portal/members/access.py. A partner has no offers in the directory: the lists say
so, and a page of one offer or one expression of interest is a 404 to them.
What changes is written by offers/services; a view only chooses which service.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from offers import selectors, services
from offers.models import ExpressionOfInterest, Offer, OfferRevision
from offers.services import interest as interest_services
from offers.services.edits import EDITED_IN, PROPOSED_IN
from offers.services.offers import TRANSITIONS, TransitionError
from portal.common.languages import language_name
from portal.members.access import for_member_organisation, member_required
from portal.members.offer_forms import OfferForm, OutcomeForm

Status = Offer.Status
WITHDRAWABLE = {status for status, targets in TRANSITIONS.items() if Status.WITHDRAWN in targets}


def _has_organisation(member):
    return member.organisation_id is not None


def _no_organisation(request):
    """The page a partner (or a member no longer tied to an organisation) gets instead."""
    return render(request, "members/offers/no_organisation.html", {"member": request.member})


def _member_offer(request, reference):
    offers = for_member_organisation(Offer.objects.all(), request.member)
    return get_object_or_404(offers, reference=reference)


def _with_actions(offer, now):
    """The offer with what its row shows beside the state: its title and what it allows."""
    offer.source_title = offer.text("title", offer.source_language)
    offer.editable = offer.status in PROPOSED_IN | EDITED_IN
    offer.withdrawable = offer.status in WITHDRAWABLE
    offer.renewable = services.member_renewal_refusal(offer, now) is None
    return offer


@never_cache
@member_required
def offer_list(request):
    """The organisation's offers in every status, each with its state said plainly."""
    if not _has_organisation(request.member):
        return _no_organisation(request)
    now = timezone.now()
    offers = [
        _with_actions(offer, now)
        for offer in selectors.organisation_offers(
            request.member.organisation, request.LANGUAGE_CODE
        )
    ]
    return render(request, "members/offers/list.html", {"member": request.member, "offers": offers})


def _form_errors(form, error):
    """A service's ValidationError shown on the form's fields, as the form's own are."""
    form.add_error(None, error)


@never_cache
@member_required
def offer_create(request):
    """A new offer, written in the member's language, sent to the office's moderation."""
    member = request.member
    if not _has_organisation(member):
        return _no_organisation(request)
    form = OfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            offer = services.offer_create_by_member(
                organisation=member.organisation,
                language=member.language,
                values=form.cleaned_data,
                by=request.user,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request,
                _("Offer %(reference)s was sent to the office. It is published once approved.")
                % {"reference": offer.reference},
            )
            return redirect("members:offers")
    return render(
        request,
        "members/offers/form.html",
        {"member": member, "form": form, "language": language_name(member.language)},
    )


@never_cache
@member_required
def offer_edit(request, reference):
    """Edit an offer: proposed to the office if the public sees it, else in place and resent."""
    offer = _member_offer(request, reference)
    if offer.status not in PROPOSED_IN | EDITED_IN:
        messages.error(
            request,
            _("%(offer)s cannot be edited now: its status is %(status)s.")
            % {"offer": offer.reference, "status": offer.get_status_display()},
        )
        return redirect("members:offers")
    pending = offer.revisions.filter(status=OfferRevision.Status.PENDING).first()
    form = OfferForm(request.POST or None, initial=services.editable_values(pending or offer))
    if request.method == "POST" and form.is_valid():
        try:
            done = _save_edit(request, offer, form.cleaned_data)
        except services.EditRefused as refusal:
            messages.error(request, refusal.message)
            return redirect("members:offers")
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("members:offers")
    return render(
        request,
        "members/offers/form.html",
        {
            "member": request.member,
            "form": form,
            "offer": offer,
            "pending": pending,
            "proposed": offer.status in PROPOSED_IN,
            "language": language_name(offer.source_language),
        },
    )


def _save_edit(request, offer, changes):
    """Write the edit through the service its status asks for; the message that says so."""
    if offer.status in PROPOSED_IN:
        revision = services.offer_propose_edit(offer=offer, changes=changes, by=request.user)
        if revision is None:
            return _("Nothing was changed: the offer stays as it is.")
        return _(
            "Your edit was sent to the office. The offer stays as the public sees it "
            "until the office accepts the edit."
        )
    offer = services.offer_edit(offer=offer, changes=changes, by=request.user)
    if offer.status == Status.DRAFT:
        services.offer_submit(offer=offer, by=request.user)
    return _("Your changes were saved and the offer was sent to the office for moderation.")


@never_cache
@member_required
def offer_withdraw(request, reference):
    """Ask before withdrawing (GET), withdraw (POST): the offer leaves the public lists."""
    offer = _member_offer(request, reference)
    if request.method == "POST":
        try:
            services.offer_withdraw(offer=offer, by=request.user, reason="withdrawn by the firm")
        except TransitionError:
            messages.info(
                request,
                _("%(offer)s cannot be withdrawn: its status is %(status)s.")
                % {"offer": offer.reference, "status": offer.get_status_display()},
            )
        else:
            messages.success(
                request, _("Offer %(reference)s was withdrawn.") % {"reference": offer.reference}
            )
        return redirect("members:offers")
    offer.source_title = offer.text("title", offer.source_language)
    return render(
        request,
        "members/offers/withdraw.html",
        {"member": request.member, "offer": offer, "withdrawable": offer.status in WITHDRAWABLE},
    )


@never_cache
@require_POST
@member_required
def offer_renew(request, reference):
    """Twelve more months, once, within 30 days of the date; a refusal says why."""
    offer = _member_offer(request, reference)
    try:
        offer = services.offer_renew_by_member(offer=offer, by=request.user)
    except services.RenewalRefused as refusal:
        messages.error(request, refusal.message or _("This offer cannot be renewed."))
    else:
        messages.success(
            request,
            _("Offer %(reference)s was renewed. It is published until %(date)s.")
            % {
                "reference": offer.reference,
                "date": date_format(timezone.localtime(offer.expires_at), "DATE_FORMAT"),
            },
        )
    return redirect("members:offers")


# Expressions of interest forwarded to the organisation.


def _outcome_form(interest, data=None):
    return OutcomeForm(
        data, prefix=f"interest-{interest.pk}", initial={"outcome": interest.outcome}
    )


def _member_interest(request, pk):
    interests = for_member_organisation(
        ExpressionOfInterest.objects.filter(status=ExpressionOfInterest.Status.FORWARDED),
        request.member,
        field="offer__organisation",
    ).select_related("offer")
    return get_object_or_404(interests, pk=pk)


def _with_offer_title(interest):
    offer = interest.offer
    interest.offer_title = offer.text("title", offer.source_language)
    return interest


@never_cache
@member_required
def interest_list(request):
    """The expressions of interest the office forwarded, newest first, each with its form."""
    if not _has_organisation(request.member):
        return _no_organisation(request)
    interests = [
        _with_offer_title(interest)
        for interest in selectors.interests_forwarded_to(request.member.organisation)
    ]
    for interest in interests:
        interest.outcome_form = _outcome_form(interest)
    return render(
        request,
        "members/interest/list.html",
        {"member": request.member, "interests": interests},
    )


@never_cache
@member_required
def interest_detail(request, pk):
    """One expression of interest as forwarded: the partner, the message, the offer."""
    interest = _with_offer_title(_member_interest(request, pk))
    return render(
        request,
        "members/interest/detail.html",
        {"member": request.member, "interest": interest, "form": _outcome_form(interest)},
    )


@never_cache
@require_POST
@member_required
def interest_outcome(request, pk):
    """Record what came of an expression of interest; back to the page the form was on."""
    interest = _member_interest(request, pk)
    form = _outcome_form(interest, request.POST)
    back_to_list = request.POST.get("back") == "list"
    if form.is_valid():
        services_outcome = form.cleaned_data["outcome"]
        interest_services.interest_set_outcome(
            interest=interest, outcome=services_outcome, by=request.user
        )
        messages.success(
            request,
            _("The outcome was recorded: %(outcome)s.")
            % {"outcome": ExpressionOfInterest.Outcome(services_outcome).label},
        )
    elif back_to_list:
        messages.error(request, _("Choose an outcome from the list."))
    else:
        interest = _with_offer_title(interest)
        return render(
            request,
            "members/interest/detail.html",
            {"member": request.member, "interest": interest, "form": form},
        )
    if back_to_list:
        return redirect("members:interests")
    return redirect("members:interest_detail", pk=interest.pk)
