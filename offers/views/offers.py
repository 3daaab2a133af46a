"""The public offer pages: the list with its search, one offer, and renewing by link."""

from django.db.models import QuerySet, prefetch_related_objects
from django.http import Http404
from django.shortcuts import render
from django.template.loader import get_template
from django.urls import path, re_path
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods
from django.views.generic import DetailView
from django_filters.views import FilterView

from offers import links, selectors, services
from offers.filters import OfferFilter
from offers.models import Offer
from portal.common.fragments import kept_cards, kept_parts, stamp
from portal.common.page_cache import cache_for_visitors, keep_until
from portal.common.views import FilteredListMixin

Status = Offer.Status
# What a list of live offers shows lapses as dates pass, which no write announces:
# its page and its count are kept this long at most.
LIST_SECONDS = 60


class OfferListView(FilteredListMixin, FilterView):
    """Live offers, filtered and searched from the URL; a bad filter shows its error."""

    template_name = "offers/offer_list.html"
    filterset_class = OfferFilter
    # Its count and filter form are kept a minute at most: a date passing takes
    # offers off the list, and their countries off the options, without a write.
    page_kind = "offers"
    list_seconds = LIST_SECONDS

    def get_queryset(self):
        # A card's clusters and translation state are read only for the cards rendered.
        return selectors.live_offer_rows()

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["language"] = get_language()
        kwargs["options"] = selectors.offer_list_options
        return kwargs

    def paginate_queryset(self, queryset, page_size):
        """A page number that is not one gives page 1, one past the end the last page.

        A search's pages stop where its count does (`more_found`).
        """
        results = self.filterset.results(queryset)
        if isinstance(results, QuerySet):
            results = self.kept_count(results)
        paginator = self.get_paginator(results, page_size)
        number = self.request.GET.get(self.page_kwarg)
        try:
            number = max(int(number), 1)
        except (TypeError, ValueError):
            number = 1
        page = paginator.get_page(number)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = context.get("paginator")
        context["more_found"] = getattr(paginator and paginator.object_list, "more", False)
        context["cards"] = offer_cards(context["object_list"])
        return context


def offer_cards(offers):
    """The HTML of each offer's card (offers/includes/offer_card.html), in their order.

    Kept rendered per language until a write retires the offer pages
    (portal/common/fragments.py); only the offers whose cards are not kept are read
    with their organisation, clusters and translation state, in a query each. Any
    status: an offer whose date passed since its key was read still has its card.
    """
    return kept_cards(
        "offers",
        offers,
        "offers/includes/offer_card.html",
        "offer",
        read=Offer.objects.select_related("organisation").in_bulk,
        related=selectors.card_related(get_language()),
    )


class OfferDetailView(DetailView):
    """One offer: live, expired (said so), or no longer available (410).

    Drafts, submitted and rejected offers are not public: 404.
    """

    template_name = "offers/offer_detail.html"
    context_object_name = "offer"

    def get_object(self, queryset=None):
        # The offer's state; what its page shows is read only to render it (`page_parts`).
        offer = selectors.offer_page_state(self.kwargs["reference"])
        if offer is None:
            raise Http404
        return offer

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        offer = self.object
        context["is_gone"] = offer.status in {Status.WITHDRAWN, Status.ARCHIVED}
        context["is_expired"] = offer.is_expired
        context["state_label"] = (
            Status.EXPIRED.label if offer.is_expired else offer.get_status_display()
        )
        context["takes_interest"] = (
            offer.status == Status.PUBLISHED and not offer.is_expired and offer.open_for_interest
        )
        context.update(self.page_parts(context))
        return context

    def page_parts(self, context):
        """The page's title and body, kept rendered per language (portal/common/fragments.py).

        The body says whether the offer is gone or expired and takes interest: those
        are in its key, so that a date passing shows the body of the new state.
        """
        offer = self.object
        changed = f"{offer.pk}:{stamp(offer.updated_at)}"
        state = "".join(
            "1" if context[name] else "0" for name in ("is_gone", "is_expired", "takes_interest")
        )
        keys = {"title": f"offer-title:{changed}", "body": f"offer-body:{changed}:{state}"}

        def render_parts(missing):
            # (The row as it is now; as it was read, if it left the public pages since.)
            shown = selectors.offer_for_page(offer.reference, get_language()) or offer
            if shown.is_anonymous:
                # The page shows the clusters of the organisation it does not name.
                prefetch_related_objects([shown], "organisation__clusters")
            parts = {}
            for name, key in keys.items():
                if key in missing:
                    template = get_template(f"offers/includes/offer_page_{name}.html")
                    parts[key] = template.render({**context, "offer": shown}).strip()
            return parts

        parts = kept_parts("offers", keys.values(), render_parts)
        return {f"page_{name}": parts[key] for name, key in keys.items()}

    def render_to_response(self, context, **response_kwargs):
        if context["is_gone"]:
            response_kwargs["status"] = 410
        response = super().render_to_response(context, **response_kwargs)
        offer = self.object
        if offer.status == Status.PUBLISHED and offer.expires_at and not offer.is_expired:
            # A page kept in the cache must not show the offer live past its date.
            keep_until(response, offer.expires_at)
        return response


@require_http_methods(["GET", "POST"])
def offer_renew(request, token):
    """Twelve more months for an offer, from the signed link in the reminder e-mail.

    GET shows a button (a link opened by a mail scanner renews nothing); POST renews.
    """
    template = "offers/offer_renew.html"
    try:
        reference = links.reference_from_renew_token(token)
    except links.LinkExpired:
        return render(request, template, {"problem": "expired"}, status=410)
    except links.LinkInvalid:
        return render(request, template, {"problem": "invalid"}, status=400)
    offer = Offer.objects.filter(reference=reference).first()
    if offer is None:
        return render(request, template, {"problem": "invalid"}, status=400)

    context = {"offer": offer}
    if offer.renewed_at is not None:
        context["refused"] = "renewed"
    elif offer.status not in {Status.PUBLISHED, Status.EXPIRED}:
        context["refused"] = "closed"
    elif request.method == "POST":
        try:
            context["offer"] = services.offer_renew(offer=offer)
        except services.RenewalRefused:
            offer.refresh_from_db()
            context["refused"] = "renewed" if offer.renewed_at else "closed"
        else:
            context["renewed"] = True
    return render(request, template, context)


# Anonymous visitors' pages are kept in the cache (portal/common/page_cache.py); the
# list, which an expiry date changes without a write, a minute at most.
urlpatterns = [
    path(
        "offers/",
        cache_for_visitors("offers", max_seconds=LIST_SECONDS)(OfferListView.as_view()),
        name="offer_list",
    ),
    path("offers/renew/<str:token>/", offer_renew, name="offer_renew"),
    # Only references (OF-2026-00042) here, so that other offers/... pages are not shadowed.
    re_path(
        r"^offers/(?P<reference>OF-[0-9]{4}-[0-9]+)/$",
        cache_for_visitors("offers")(OfferDetailView.as_view()),
        name="offer_detail",
    ),
]
