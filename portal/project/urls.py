from django.urls import path

from portal.project import views

app_name = "project"

urlpatterns = [
    path("project/", views.ProjectView.as_view(), name="project"),
]
