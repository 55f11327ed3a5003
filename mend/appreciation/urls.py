from django.urls import path

from mend.appreciation import views

urlpatterns = [
    path("s/<int:space_id>/appreciation/", views.index, name="appreciation"),
]
