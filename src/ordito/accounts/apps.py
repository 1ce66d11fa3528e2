from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Sign-up, login, passwords, e-mail addresses and second factors, through django-allauth."""

    name = "ordito.accounts"

    def ready(self) -> None:
        from ordito.accounts import personal_parts

        personal_parts.register()
