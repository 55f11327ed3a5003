from django.urls import path

from mend.professionals import views

urlpatterns = [
    path("s/<id:space_id>/professionals/", views.index, name="professionals"),
    path(
        "s/<id:space_id>/professionals/<id:access_id>/consent/",
        views.consent,
        name="professional_consent",
    ),
    path(
        "s/<id:space_id>/professionals/<id:access_id>/revoke/",
        views.revoke,
        name="professional_revoke",
    ),
    path("pro/", views.home, name="pro_home"),
    path("pro/accept/<str:token>/", views.accept, name="pro_accept"),
    path("pro/<id:access_id>/", views.report, name="pro_report"),
]
