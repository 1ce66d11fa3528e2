from django.apps import AppConfig


class PlansConfig(AppConfig):
    """A plan's structure, its projects, and what actors do in it."""

    name = "ordito.plans"

    def ready(self) -> None:
        from ordito.plans import taking_part, versions

        versions.register()
        taking_part.register()
