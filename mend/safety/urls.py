from django.urls import path

from mend.safety import views

urlpatterns = [
    path("safety/", views.overview, name="safety"),
    path("safety/check/", views.check, name="safety_check"),
    path("safety/mode/", views.mode, name="safety_mode"),
    path("safety/country/", views.country, name="safety_country"),
    path("safety/plan/", views.plan, name="safety_plan"),
]
