from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running a Mend server: backups and restores."""

    name = "mend.operations"
    label = "operations"
    verbose_name = "Operations"
