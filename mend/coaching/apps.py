from django.apps import AppConfig


class CoachingConfig(AppConfig):
    """The web face of the coach (mend.coach): practice page, live feedback, API, commands."""

    name = "mend.coaching"
    label = "coaching"
    verbose_name = "Communication coach"

    def ready(self):
        from mend.coaching import checks  # noqa: F401  (registers the settings check)
