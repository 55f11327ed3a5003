from django.urls import path

from mend.commitments import views

urlpatterns = [
    path("s/<int:space_id>/commitments/", views.index, name="commitments"),
    path("s/<int:space_id>/commitments/<int:commitment_id>/", views.detail, name="commitment"),
    path("s/<int:space_id>/commitments/<int:commitment_id>/end/", views.end, name="commitment_end"),
    path(
        "s/<int:space_id>/occurrences/<int:occurrence_id>/report/",
        views.report,
        name="occurrence_report",
    ),
    path(
        "s/<int:space_id>/occurrences/<int:occurrence_id>/respond/",
        views.respond,
        name="occurrence_respond",
    ),
    path(
        "s/<int:space_id>/occurrences/<int:occurrence_id>/repair/",
        views.repair,
        name="occurrence_repair",
    ),
]
