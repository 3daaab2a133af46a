"""Alerts for a search of the offer list: ask for one, confirm it, unsubscribe."""

from django import forms
from django.shortcuts import render
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView

from offers import links, selectors
from offers.forms import ConsentForm
from offers.models import SavedSearch
from offers.services import alerts
from portal.common import humans

# Alerts asked for from one client address, and for one e-mail address, per hour:
# beyond them the portal answers with its 429 page. Each one sends an e-mail.
RATE_PER_ADDRESS = "10/h"
RATE_PER_EMAIL = "3/h"


class AlertForm(ConsentForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    consent = forms.BooleanField(
        label=_(
            "I agree that the office keeps my e-mail address and this search to e-mail me "
            "new offers that match it, until I unsubscribe."
        ),
        required=True,
    )

    privacy_id = "alert-privacy"


@method_decorator(never_cache, name="dispatch")
class AlertCreateView(humans.HumanCheckedFormMixin, FormView):
    """The search comes from the query string (as on the list) and is shown in words."""

    form_class = AlertForm
    template_name = "offers/alert_form.html"
    ratelimit_group = "offers.alert"
    ratelimit_rate = RATE_PER_ADDRESS

    @cached_property
    def search(self):
        return selectors.search_from_data(self.request.GET, get_language())

    def get_context_data(self, **kwargs):
        search = self.search
        return super().get_context_data(
            search=selectors.describe_search(search.query, search.filters, get_language()),
            dropped=search.dropped,
            query_string=urlencode(
                {**search.filters, **({"q": search.query} if search.query else {})}
            ),
            days=links.CONFIRM_LINK_DAYS,
            **kwargs,
        )

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        humans.ratelimit(
            self.request,
            group="offers.alert-email",
            rate=RATE_PER_EMAIL,
            key=lambda group, request: email.lower(),
        )
        alerts.alert_create(
            email=email,
            language=get_language(),
            query=self.search.query,
            filters=self.search.filters,
        )
        return render(
            self.request,
            "offers/alert_sent.html",
            {"email": email, "days": links.CONFIRM_LINK_DAYS},
        )


def _link_problem(request, problem):
    return render(
        request,
        "offers/alert_link_problem.html",
        {"problem": problem, "days": links.CONFIRM_LINK_DAYS},
        status=400 if problem == "invalid" else 410,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def alert_confirm(request, token):
    """The link from the e-mail: GET shows a button (a mail scanner confirms nothing)."""
    try:
        alert = links.alert_from_token(token)
    except links.LinkExpired:
        return _link_problem(request, "expired")
    except links.LinkInvalid:
        return _link_problem(request, "invalid")
    except links.AlertGone:
        return _link_problem(request, "gone")
    if request.method == "POST":
        alert = alerts.alert_confirm(alert=alert)
    return render(
        request,
        "offers/alert_confirm.html",
        {
            "alert": alert,
            "search": selectors.describe_search(alert.query, alert.filters, get_language()),
            "confirmed": alert.confirmed_at is not None,
        },
    )


# The one-click POST of mail clients (RFC 8058) carries no CSRF token and no
# cookie: the alert's token in the URL, known only from its e-mails, is the secret.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def alert_unsubscribe(request, token):
    """GET shows a button (a mail scanner unsubscribes no one); POST unsubscribes."""
    if request.method == "POST":
        removed = alerts.alert_unsubscribe(token)
        return render(
            request, "offers/alert_unsubscribe.html", {"state": "done" if removed else "gone"}
        )
    alert = SavedSearch.objects.filter(token=token).first()
    if alert is None:
        return render(request, "offers/alert_unsubscribe.html", {"state": "gone"})
    return render(
        request,
        "offers/alert_unsubscribe.html",
        {
            "state": "ask",
            "alert": alert,
            "search": selectors.describe_search(alert.query, alert.filters, get_language()),
        },
    )


urlpatterns = [
    path("offers/alerts/", AlertCreateView.as_view(), name="alert_create"),
    path("offers/alerts/confirm/<str:token>/", alert_confirm, name="alert_confirm"),
    path(
        "offers/alerts/unsubscribe/<uuid:token>/",
        alert_unsubscribe,
        name="alert_unsubscribe",
    ),
]
