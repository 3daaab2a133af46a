from django.urls import path

from companies import views
from companies.analysis import views as analysis_views
from portal.common.page_cache import cache_for_visitors

# Anonymous visitors' pages are kept in the cache (portal/common/page_cache.py), a
# minute at most: an organisation's page lists its live offers, which a date retires.
visitors = cache_for_visitors("directory", max_seconds=60)
# The analyses change with an import (companies/apps.py retires them on every saved
# figure, region or import); a bulk write is seen within a minute.
statistics = cache_for_visitors("statistics", max_seconds=60)

app_name = "companies"

urlpatterns = [
    path("directory/", visitors(views.OrganisationListView.as_view()), name="organisation_list"),
    path("directory/map/", views.OrganisationMapView.as_view(), name="organisation_map"),
    path("directory/map.json", views.map_data, name="map_data"),
    path(
        "directory/<slug:slug>/",
        visitors(views.OrganisationDetailView.as_view()),
        name="organisation_detail",
    ),
    path("clusters/", views.ClusterListView.as_view(), name="cluster_list"),
    path(
        "clusters/industries/<str:code>/",
        statistics(analysis_views.industry_analysis_page),
        name="industry_analysis",
    ),
    path(
        "clusters/industries/<str:code>/figures.csv",
        statistics(analysis_views.industry_analysis_csv),
        name="industry_analysis_csv",
    ),
    path("clusters/<slug:slug>/", views.ClusterDetailView.as_view(), name="cluster_detail"),
    path(
        "clusters/<slug:slug>/analysis/",
        statistics(analysis_views.cluster_analysis),
        name="cluster_analysis",
    ),
    path(
        "clusters/<slug:slug>/analysis.csv",
        statistics(analysis_views.cluster_analysis_csv),
        name="cluster_analysis_csv",
    ),
]
