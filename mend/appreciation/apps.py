from django.apps import AppConfig


class AppreciationConfig(AppConfig):
    name = "mend.appreciation"
    label = "appreciation"
    verbose_name = "Appreciation"
