from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """People: their profile, their roles in plans and their API tokens."""

    name = "ordito.people"
    verbose_name = _("People")  # the heading of its models in the admin

    def ready(self) -> None:
        from ordito.core.plan_access import plan_path_register, plans_permitting_register
        from ordito.core.versions import content_register, nowhere
        from ordito.people import (
            personal_parts,
            rules,  # registers the permissions
            signals,
        )
        from ordito.people.models import Affiliation, ApiToken, Category, Person, PlanRole

        # None of these shows on a plan's cached pages (yet): writing them raises no version.
        for model in (Person, PlanRole, ApiToken, Category, Affiliation):
            content_register(model, nowhere)
        # The admin lists only the rows of the plans where a person holds a permission.
        plans_permitting_register(rules.plans_permitting)
        for model in (PlanRole, Category):
            plan_path_register(model, "plan")
        personal_parts.register()
        signals.register()
