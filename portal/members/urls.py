"""The member area and the sign-in pages a member uses (allauth's, passwordless).

Only allauth's pages a member needs are routed: sign in (asking for a code), the
code, sign up (partners), the e-mail verification code and sign out. No password
page exists: members have none.
"""

from allauth.account import views as account_views
from django.urls import path

from portal.members import offer_views, views

app_name = "members"

urlpatterns = [
    path("", views.home, name="home"),
    path("offers/", offer_views.offer_list, name="offers"),
    path("offers/new/", offer_views.offer_create, name="offer_create"),
    path("offers/<str:reference>/edit/", offer_views.offer_edit, name="offer_edit"),
    path("offers/<str:reference>/withdraw/", offer_views.offer_withdraw, name="offer_withdraw"),
    path("offers/<str:reference>/renew/", offer_views.offer_renew, name="offer_renew"),
    path("interest/", offer_views.interest_list, name="interests"),
    path("interest/<int:pk>/", offer_views.interest_detail, name="interest_detail"),
    path("interest/<int:pk>/outcome/", offer_views.interest_outcome, name="interest_outcome"),
    path("profile/", views.profile, name="profile"),
    path("colleagues/", views.colleagues, name="colleagues"),
    path("colleagues/<int:pk>/remove/", views.colleague_remove, name="colleague_remove"),
    path("alerts/", views.alert_list, name="alerts"),
    path("alerts/new/", views.alert_create, name="alert_create"),
    path("alerts/<int:pk>/", views.alert_edit, name="alert_edit"),
    path("alerts/<int:pk>/delete/", views.alert_delete, name="alert_delete"),
    path("data/", views.data, name="data"),
    path("data/download/", views.data_download, name="data_download"),
    path("delete/", views.close_account, name="close_account"),
    path("deleted/", views.account_closed, name="closed"),
]

# allauth reverses these by their own names, outside any namespace.
allauth_urlpatterns = [
    path("sign-in/", account_views.login, name="account_login"),
    path("sign-in/code/", account_views.request_login_code, name="account_request_login_code"),
    path(
        "sign-in/code/confirm/",
        account_views.confirm_login_code,
        name="account_confirm_login_code",
    ),
    path("sign-up/", account_views.signup, name="account_signup"),
    path(
        "confirm-email/",
        account_views.email_verification_sent,
        name="account_email_verification_sent",
    ),
    path("inactive/", account_views.account_inactive, name="account_inactive"),
    path("sign-out/", account_views.logout, name="account_logout"),
]
