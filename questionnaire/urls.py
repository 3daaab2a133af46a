from django.urls import path

from questionnaire import views

app_name = "questionnaire"

urlpatterns = [
    path("questionnaire/", views.start, name="start"),
    path("questionnaire/sent/", views.sent, name="sent"),
    path("questionnaire/save/", views.SaveView.as_view(), name="save"),
    path("questionnaire/resume/<str:token>/", views.resume, name="resume"),
    path("questionnaire/confirm/<str:token>/", views.confirm, name="confirm"),
    path("questionnaire/<str:step>/", views.questionnaire_wizard, name="step"),
]
