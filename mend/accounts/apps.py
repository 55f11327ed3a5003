from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "mend.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        # Importing them connects their signal receivers.
        from mend.accounts import security_log, sessions  # noqa: F401
