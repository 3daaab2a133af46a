from django.http import JsonResponse
from django.urls import reverse
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from companies import selectors
from companies.filters import OrganisationFilter
from companies.models import Organisation
from portal.common.languages import language_name
from portal.common.views import FilteredListMixin


class OrganisationListView(FilteredListMixin, FilterView):
    template_name = "companies/organisation_list.html"
    filterset_class = OrganisationFilter

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["choices"] = selectors.directory_choices()
        return kwargs

    def get_queryset(self):
        return selectors.organisation_list()


class OrganisationDetailView(DetailView):
    template_name = "companies/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return selectors.organisation_detail_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["languages_spoken"] = [language_name(code) for code in self.object.language_codes]
        return context


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
        choices=selectors.directory_choices(),
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
