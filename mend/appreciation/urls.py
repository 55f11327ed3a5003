from django.urls import path

from mend.appreciation import views

urlpatterns = [
    path("s/<id:space_id>/appreciation/", views.index, name="appreciation"),
]
