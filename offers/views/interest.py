"""A partner's expression of interest in an offer: the form and the page after it."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import re_path
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.generic import FormView

from offers import selectors
from offers.forms import InterestForm
from offers.services import interest
from portal.common import humans

# Expressions of interest taken from one client address, and for one partner's
# e-mail address, per hour: beyond them the portal answers with its 429 page.
RATE_PER_ADDRESS = "10/h"
RATE_PER_EMAIL = "5/h"
SENT_SESSION_KEY = "offers_interest_sent"


class OfferMixin:
    """The offer of the URL in any public status; 404 for others and unknown ones."""

    @cached_property
    def offer(self):
        offer = selectors.offer_for_page(self.kwargs["reference"], get_language())
        if offer is None:
            raise Http404
        return offer

    def get_context_data(self, **kwargs):
        return super().get_context_data(offer=self.offer, **kwargs)


class InterestCreateView(OfferMixin, humans.HumanCheckedFormMixin, FormView):
    form_class = InterestForm
    template_name = "offers/interest_form.html"
    ratelimit_group = "offers.interest"
    ratelimit_rate = RATE_PER_ADDRESS

    def dispatch(self, request, *args, **kwargs):
        if not selectors.is_open_for_interest(self.offer):
            return self.closed()
        response = super().dispatch(request, *args, **kwargs)
        response.headers["Cache-Control"] = "no-store"
        return response

    def closed(self):
        """A clear page instead of the form: the offer is gone, or takes no interest."""
        gone = self.offer.is_expired or self.offer.status != self.offer.Status.PUBLISHED
        return render(
            self.request,
            "offers/interest_closed.html",
            {"offer": self.offer, "gone": gone},
            status=410 if gone else 200,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        email = data["email"].lower()
        humans.ratelimit(
            self.request,
            group="offers.interest-email",
            rate=RATE_PER_EMAIL,
            key=lambda group, request: email,
        )
        try:
            interest.interest_create(
                offer=self.offer,
                name=data["name"],
                organisation_name=data["organisation_name"],
                country=data["country"],
                email=data["email"],
                phone=data["phone"],
                message=data["message"],
                language=get_language(),
            )
        except interest.InterestClosed:
            return self.closed()
        self.request.session[SENT_SESSION_KEY] = {
            "reference": self.offer.reference,
            "email": data["email"],
        }
        return redirect("offers:interest_sent", reference=self.offer.reference)


@never_cache
def interest_sent(request, reference):
    offer = selectors.offer_for_page(reference, get_language())
    if offer is None:
        raise Http404
    sent = request.session.get(SENT_SESSION_KEY) or {}
    email = sent.get("email") if sent.get("reference") == reference else None
    return render(request, "offers/interest_sent.html", {"offer": offer, "email": email})


# Only references (OF-2026-00042), as for the offer's own page: anything else is a 404.
REFERENCE = r"(?P<reference>OF-[0-9]{4}-[0-9]+)"

urlpatterns = [
    re_path(
        rf"^offers/{REFERENCE}/interest/$",
        InterestCreateView.as_view(),
        name="interest_create",
    ),
    re_path(rf"^offers/{REFERENCE}/interest/sent/$", interest_sent, name="interest_sent"),
]
