from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    """A plan's structure, its projects, and what actors do in it."""

    name = "ordito.plans"
    verbose_name = _("Plans")  # the heading of its models in the admin

    def ready(self) -> None:
        from ordito.core.plan_access import PLAN, plan_path_register
        from ordito.plans import models as plans
        from ordito.plans import taking_part, versions

        versions.register()
        # How each row reaches its plan, for the admin's scoping by plan (core/plan_access.py).
        plan_path_register(plans.Plan, PLAN)
        for part in (
            plans.MetaObjective,
            plans.ThematicArea,
            plans.Direction,
            plans.Objective,
            plans.ObjectiveInfluence,
            plans.ActorInfluence,
            plans.Project,
        ):
            plan_path_register(part, "plan")
        for link in (plans.Contribution, plans.Dependency, plans.ProjectRole):
            plan_path_register(link, "project__plan")
        plan_path_register(plans.ActorPosition, "objective__plan")
        taking_part.register()
