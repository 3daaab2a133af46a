from portal.events import registration_urls

app_name = "events"

urlpatterns = [
    *registration_urls.urlpatterns,
]
