from django.apps import AppConfig


class ActorsConfig(AppConfig):
    """The registry of actors: who they are, where, and their membership of the association."""

    name = "ordito.actors"

    def ready(self) -> None:
        from ordito.actors.models import Actor
        from ordito.core.versions import content_register, everywhere

        # Actors' names show on every plan's pages (promoters, filters).
        content_register(Actor, everywhere)
