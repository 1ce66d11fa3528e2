from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """People: their profile, their roles in plans and their API tokens."""

    name = "ordito.people"

    def ready(self) -> None:
        from ordito.core.versions import content_register, nowhere
        from ordito.people import (
            personal_parts,
            rules,  # noqa: F401  (registers the permissions)
            signals,
        )
        from ordito.people.models import Affiliation, ApiToken, Category, Person, PlanRole

        # None of these shows on a plan's cached pages (yet): writing them raises no version.
        for model in (Person, PlanRole, ApiToken, Category, Affiliation):
            content_register(model, nowhere)
        personal_parts.register()
        signals.register()
