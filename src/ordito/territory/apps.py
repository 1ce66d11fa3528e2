from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoryConfig(AppConfig):
    """Municipalities (ISTAT codes): the territory every project and actor is placed in."""

    name = "ordito.territory"
    verbose_name = _("Territory")  # the heading of its models in the admin

    def ready(self) -> None:
        from ordito.core.versions import content_register, everywhere
        from ordito.territory.models import Municipality

        # Municipalities' names show on every plan's pages (projects, actors, filters).
        content_register(Municipality, everywhere)
