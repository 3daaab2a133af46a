from django.urls import path

from portal.documents import views

app_name = "documents"

urlpatterns = [
    path("documents/", views.DocumentListView.as_view(), name="document_list"),
    path("documents/<slug:slug>/", views.DocumentDetailView.as_view(), name="document_detail"),
    path(
        "documents/<slug:slug>/<str:language>/",
        views.document_download,
        name="document_download",
    ),
]
