from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView

from companies.sitemaps import ClusterAnalysisSitemap, ClusterSitemap, OrganisationSitemap
from offers.sitemaps import OfferSitemap
from portal import views
from portal.documents.sitemaps import DocumentSitemap
from portal.events.sitemaps import EventSitemap
from portal.members.urls import allauth_urlpatterns
from portal.news.sitemaps import NewsSitemap

SITEMAPS = {
    "offers": OfferSitemap,
    "organisations": OrganisationSitemap,
    "clusters": ClusterSitemap,
    "cluster-analyses": ClusterAnalysisSitemap,
    "events": EventSitemap,
    "news": NewsSitemap,
    "documents": DocumentSitemap,
}

# A database that does not answer is a 503 page, not a 500 (portal/views.py).
handler500 = "portal.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # One sitemap for every language: each URL lists its hreflang alternates.
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
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
    # The member area and its passwordless sign-in (portal/members/urls.py).
    path("account/", include("portal.members.urls")),
    path("account/", include(allauth_urlpatterns)),
    path("", include("companies.urls")),
    path("", include("questionnaire.urls")),
    path("", include("offers.urls")),
    path("", include("portal.events.urls")),
    path("", include("portal.news.urls")),
    path("", include("portal.project.urls")),
    path("", include("portal.documents.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
