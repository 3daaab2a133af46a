from offers import feeds
from offers.views import alerts, interest, offers

app_name = "offers"

# Each module names its own routes.
urlpatterns = [
    *offers.urlpatterns,
    *interest.urlpatterns,
    *alerts.urlpatterns,
    *feeds.urlpatterns,
]
