from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "mend.checkins"
    label = "checkins"
    verbose_name = "Daily check-ins"
