from django.contrib import admin
from django.urls import include, path, register_converter

from mend.api import api
from mend.ids import IdConverter

register_converter(IdConverter, "id")

urlpatterns = [
    # First: the API is called on every pause in typing, and Django tries patterns in order.
    path("api/", api.urls),
    path("", include("mend.spaces.urls")),
    path("", include("mend.accounts.urls")),
    path("", include("mend.checkins.urls")),
    path("", include("mend.commitments.urls")),
    path("", include("mend.appreciation.urls")),
    path("", include("mend.dashboard.urls")),
    path("", include("mend.safety.urls")),
    path("", include("mend.professionals.urls")),
    path("", include("mend.coaching.urls")),
    path("admin/", admin.site.urls),
]
