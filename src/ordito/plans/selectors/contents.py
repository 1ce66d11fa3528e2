"""Reads of a plan's whole content, for the plan interchange format: the exporter writes it, the
importer compares a file with it. Each reads its rows in one query, whatever the plan's size."""

from collections.abc import Collection

from django.db.models import Prefetch, QuerySet

from ordito.plans.models import (
    ActorInfluence,
    ActorPosition,
    Contribution,
    Dependency,
    Direction,
    MetaObjective,
    Objective,
    ObjectiveInfluence,
    Plan,
    Project,
    ProjectRole,
    ThematicArea,
)


def plan_meta_objectives(*, plan: Plan) -> QuerySet[MetaObjective]:
    return MetaObjective.objects.filter(plan=plan)


def plan_areas(*, plan: Plan) -> QuerySet[ThematicArea]:
    return ThematicArea.objects.filter(plan=plan)


def plan_directions(*, plan: Plan) -> QuerySet[Direction]:
    return Direction.objects.filter(plan=plan)


def plan_objectives(*, plan: Plan) -> QuerySet[Objective]:
    return Objective.objects.filter(plan=plan).prefetch_related("meta_objectives")


def plan_projects(*, plan: Plan, with_links: bool = False) -> QuerySet[Project]:
    """The plan's projects; with their direction, place, lineage and links when `with_links`."""
    projects = Project.objects.filter(plan=plan)
    if not with_links:
        return projects
    return projects.select_related(
        "direction", "municipality", "carried_over_from__plan"
    ).prefetch_related(
        Prefetch("contributions", queryset=Contribution.objects.select_related("objective")),
        Prefetch("dependencies", queryset=Dependency.objects.select_related("depends_on")),
        Prefetch("roles", queryset=ProjectRole.objects.select_related("actor")),
    )


def plan_contributions(*, plan: Plan) -> QuerySet[Contribution]:
    return Contribution.objects.filter(project__plan=plan).select_related("project", "objective")


def plan_dependencies(*, plan: Plan) -> QuerySet[Dependency]:
    return Dependency.objects.filter(project__plan=plan).select_related("project", "depends_on")


def plan_roles(*, plan: Plan) -> QuerySet[ProjectRole]:
    return ProjectRole.objects.filter(project__plan=plan).select_related("project", "actor")


def plan_objective_influences(*, plan: Plan) -> QuerySet[ObjectiveInfluence]:
    return ObjectiveInfluence.objects.filter(plan=plan).select_related("source", "target")


def plan_actor_influences(*, plan: Plan) -> QuerySet[ActorInfluence]:
    return ActorInfluence.objects.filter(plan=plan).select_related("source", "target")


def plan_positions(*, plan: Plan) -> QuerySet[ActorPosition]:
    return ActorPosition.objects.filter(objective__plan=plan).select_related("actor", "objective")


def plans_by_slug(slugs: Collection[str]) -> dict[str, Plan]:
    return Plan.objects.in_bulk(slugs, field_name="slug")


def plan_lineage() -> dict[str, str | None]:
    """Every plan's slug with the slug of its previous plan (None for the first)."""
    return dict(Plan.objects.values_list("slug", "previous__slug"))


def project_codes(*, plan_slug: str) -> set[str]:
    return set(Project.objects.filter(plan__slug=plan_slug).values_list("code", flat=True))


def projects_by_code(*, plan_id: int, codes: Collection[str]) -> QuerySet[Project]:
    return Project.objects.filter(plan_id=plan_id, code__in=codes)
