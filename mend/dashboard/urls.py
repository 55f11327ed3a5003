from django.urls import path

from mend.dashboard import views

urlpatterns = [
    path("s/<int:space_id>/", views.dashboard, name="dashboard"),
]
