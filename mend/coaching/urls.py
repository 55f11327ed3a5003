from django.urls import path

from mend.coaching import views

urlpatterns = [
    path("coach/", views.practice, name="coach"),
]
