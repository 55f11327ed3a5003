from django.apps import AppConfig


class ProfessionalsConfig(AppConfig):
    name = "mend.professionals"
    label = "professionals"
    verbose_name = "Professional access"
