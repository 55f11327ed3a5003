from django.apps import AppConfig


class CommitmentsConfig(AppConfig):
    name = "mend.commitments"
    label = "commitments"
    verbose_name = "Commitments"
