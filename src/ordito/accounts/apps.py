from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    """Sign-up, login, passwords, e-mail addresses and second factors, through django-allauth."""

    name = "ordito.accounts"

    def ready(self) -> None:
        from ordito.accounts import personal_parts

        personal_parts.register()


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin, with Ordito's site (accounts/admin_site.py): in INSTALLED_APPS in place of
    "django.contrib.admin"."""

    default = False  # Django picks AccountsConfig for "ordito.accounts"; this one is named
    default_site = "ordito.accounts.admin_site.OrditoAdminSite"
