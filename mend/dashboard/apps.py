from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "mend.dashboard"
    label = "dashboard"
    verbose_name = "Dashboard"
