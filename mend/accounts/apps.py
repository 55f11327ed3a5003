from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "mend.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from mend.accounts import security_log  # noqa: F401  (connects the signal receivers)
