from django.http import Http404, JsonResponse
from django.template.loader import get_template
from django.urls import reverse
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from companies import selectors
from companies.filters import OrganisationFilter
from companies.models import Organisation
from portal.common.fragments import kept_cards, kept_part, stamp
from portal.common.languages import language_name
from portal.common.views import FilteredListMixin

# An organisation's page lists its live offers, which a date passing retires without
# a write: its body is kept this long at most, as the page is (companies/urls.py).
PAGE_BODY_SECONDS = 60


class OrganisationListView(FilteredListMixin, FilterView):
    template_name = "companies/organisation_list.html"
    filterset_class = OrganisationFilter
    # Its count and filter form are kept until a directory write; the form's options
    # (the countries and regions the data holds) a minute at most, as they are kept.
    page_kind = "directory"
    list_seconds = selectors.OPTIONS_TIMEOUT

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["options"] = selectors.directory_choices
        return kwargs

    def get_queryset(self):
        # A card's clusters are read only for the cards rendered (`organisation_cards`).
        return Organisation.objects.published()

    def paginate_queryset(self, queryset, page_size):
        """A page of the list; its count is kept as the cards are, until a directory write."""
        return super().paginate_queryset(self.kept_count(queryset), page_size)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cards"] = organisation_cards(context["object_list"])
        return context


def organisation_cards(organisations):
    """The HTML of each organisation's card (companies/includes/organisation_card.html),
    in their order.

    Kept rendered per language until a write retires the directory's pages
    (portal/common/fragments.py); only the organisations whose cards are not kept
    are read, with their clusters, in a query each.
    """
    return kept_cards(
        "directory",
        organisations,
        "companies/includes/organisation_card.html",
        "organisation",
        read=Organisation.objects.in_bulk,
        related=selectors.card_related(),
    )


class OrganisationDetailView(DetailView):
    """An organisation's page. What it shows outside its body (its name, whether it
    has a position) is read for each request; its body is kept rendered per language
    (portal/common/fragments.py) and read whole only to render it."""

    template_name = "companies/organisation_detail.html"
    context_object_name = "organisation"

    def get_object(self, queryset=None):
        organisation = selectors.organisation_page_state(self.kwargs["slug"])
        if organisation is None:
            raise Http404
        return organisation

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_body"] = self.page_body()
        return context

    def page_body(self):
        state = self.object

        def render():
            organisation = selectors.organisation_detail_queryset().filter(pk=state.pk).first()
            if organisation is None:  # It left the directory since its state was read.
                raise Http404
            languages = [language_name(code) for code in organisation.language_codes]
            body = get_template("companies/includes/organisation_page_body.html")
            context = {"organisation": organisation, "languages_spoken": languages}
            return body.render(context, self.request).strip()

        key = f"organisation-body:{state.pk}:{stamp(state.updated_at)}"
        return kept_part("directory", key, render, seconds=PAGE_BODY_SECONDS)


class OrganisationMapView(TemplateView):
    template_name = "companies/organisation_map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["map_data_url"] = reverse("companies:map_data")
        query = self.request.GET.urlencode()
        if query:
            context["map_data_url"] += "?" + query
        return context


def map_data(request):
    """Published organisations with a position, as JSON for the map."""
    filterset = OrganisationFilter(
        request.GET,
        queryset=selectors.organisation_list(),
        request=request,
        options=selectors.directory_choices,
    )
    if not filterset.is_valid():
        return JsonResponse({"errors": filterset.errors}, status=400)
    kinds = dict(Organisation.Kind.choices)
    points = [
        {
            "name": point["name"],
            "town": point["town"],
            "kind": str(kinds.get(point["kind"], "")),
            "url": reverse("companies:organisation_detail", kwargs={"slug": point["slug"]}),
            "lat": float(point["latitude"]),
            "lon": float(point["longitude"]),
        }
        for point in selectors.map_points(filterset.qs.order_by())
    ]
    return JsonResponse({"organisations": points})


class ClusterListView(ListView):
    template_name = "companies/cluster_list.html"
    context_object_name = "clusters"

    def get_queryset(self):
        return selectors.cluster_detail_queryset()


class ClusterDetailView(DetailView):
    template_name = "companies/cluster_detail.html"
    context_object_name = "cluster"

    def get_queryset(self):
        return selectors.cluster_detail_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["members"] = selectors.cluster_members(self.object)
        context["map_data_url"] = reverse("companies:map_data") + "?cluster=" + self.object.slug
        return context
