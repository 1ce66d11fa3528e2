"""How the rows of a plan reach it, for its content version (core/versions.py)."""

from django.db.models import Q

from ordito.core.versions import along, content_register, holder_register, nowhere
from ordito.plans import models as plans


def plan_and_successors(plan: plans.Plan) -> Q:
    """A plan shows on its own pages and on its successors', beside the projects they carry over."""
    if plan.pk is None:
        return nowhere(plan)
    return Q(pk=plan.pk) | Q(previous=plan.pk)


def plans_carrying_over(project: plans.Project) -> Q:
    """The later plans whose projects carry `project` over show its code and title."""
    if project.pk is None:
        return nowhere(project)
    return Q(pk__in=plans.Project.objects.filter(carried_over_from=project.pk).values("plan_id"))


def register() -> None:
    holder_register(plans.Plan)
    content_register(plans.Plan, plan_and_successors)
    content_register(plans.Project, along("plan"), plans_carrying_over)
    for part in (
        plans.MetaObjective,
        plans.ThematicArea,
        plans.Direction,
        plans.Objective,
        plans.ObjectiveInfluence,
        plans.ActorInfluence,
    ):
        content_register(part, along("plan"))
    for link in (plans.Contribution, plans.Dependency, plans.ProjectRole):
        content_register(link, along("project__plan"))
    content_register(plans.ActorPosition, along("objective__plan"))
