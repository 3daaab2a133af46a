from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from portal import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Browsers (and the admin, which has no icon link) ask for /favicon.ico.
    path(
        "favicon.ico",
        RedirectView.as_view(url=settings.STATIC_URL.rstrip("/") + "/favicon.svg", permanent=True),
    ),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("privacy/", views.privacy_notice, name="privacy"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("admin/", admin.site.urls),
    path("", include("companies.urls")),
    path("", include("questionnaire.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
