from django.urls import path

from mend.dashboard import views

urlpatterns = [
    path("s/<id:space_id>/", views.dashboard, name="dashboard"),
]
