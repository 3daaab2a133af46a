"""Routes of the registration for events, under the events app's `app_name` ("events")."""

from django.urls import path

from portal.events import registration_views as views

urlpatterns = [
    path("events/<slug:slug>/register/", views.RegistrationCreateView.as_view(), name="register"),
    path(
        "events/<slug:slug>/register/sent/",
        views.registration_sent,
        name="registration_sent",
    ),
    path(
        "events/registration/confirm/<str:token>/",
        views.registration_confirm,
        name="registration_confirm",
    ),
    path(
        "events/registration/cancel/<str:token>/",
        views.registration_cancel,
        name="registration_cancel",
    ),
]
