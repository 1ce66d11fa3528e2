from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares: writes with history, the content version, languages, base admin.

    It knows no app by name: the apps register themselves with it (core/versions.py).
    """

    name = "ordito.core"
