from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActorsConfig(AppConfig):
    """The registry of actors: who they are, where, and their membership of the association."""

    name = "ordito.actors"
    verbose_name = _("Actors")  # the heading of its models in the admin

    def ready(self) -> None:
        from ordito.actors.models import Actor
        from ordito.core.versions import content_register, everywhere

        # Actors' names show on every plan's pages (promoters, filters).
        content_register(Actor, everywhere)
