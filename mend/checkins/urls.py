from django.urls import path

from mend.checkins import views

urlpatterns = [
    path("s/<id:space_id>/checkin/", views.checkin, name="checkin"),
    path("s/<id:space_id>/checkins/", views.history, name="checkin_history"),
]
