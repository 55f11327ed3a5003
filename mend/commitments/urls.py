from django.urls import path

from mend.commitments import views

urlpatterns = [
    path("s/<id:space_id>/commitments/", views.index, name="commitments"),
    path("s/<id:space_id>/commitments/<id:commitment_id>/", views.detail, name="commitment"),
    path("s/<id:space_id>/commitments/<id:commitment_id>/end/", views.end, name="commitment_end"),
    path(
        "s/<id:space_id>/occurrences/<id:occurrence_id>/report/",
        views.report,
        name="occurrence_report",
    ),
    path(
        "s/<id:space_id>/occurrences/<id:occurrence_id>/respond/",
        views.respond,
        name="occurrence_respond",
    ),
    path(
        "s/<id:space_id>/occurrences/<id:occurrence_id>/repair/",
        views.repair,
        name="occurrence_repair",
    ),
]
