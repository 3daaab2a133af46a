from django.urls import path

from companies import views

app_name = "companies"

urlpatterns = [
    path("directory/", views.OrganisationListView.as_view(), name="organisation_list"),
    path("directory/map/", views.OrganisationMapView.as_view(), name="organisation_map"),
    path("directory/map.json", views.map_data, name="map_data"),
    path(
        "directory/<slug:slug>/",
        views.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path("clusters/", views.ClusterListView.as_view(), name="cluster_list"),
    path("clusters/<slug:slug>/", views.ClusterDetailView.as_view(), name="cluster_detail"),
]
