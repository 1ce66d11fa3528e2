"""Reads of a plan's structure: the plan, its tree of areas, directions and objectives, its search."""

from django.db.models import (
    Count,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce

from ordito.plans.models import (
    Contribution,
    Direction,
    Objective,
    Plan,
    Project,
    ProjectRole,
    ThematicArea,
)


def text_matches(query: str, *fields: str) -> Q:
    """Every word of `query` appears in one of `fields`, in Italian or English (case-insensitive)."""
    condition = Q()
    for word in query.split()[:10]:
        word_condition = Q()
        for field in fields:
            if field == "code":
                word_condition |= Q(code__icontains=word)
            else:
                word_condition |= Q(**{f"{field}_it__icontains": word})
                word_condition |= Q(**{f"{field}_en__icontains": word})
        condition &= word_condition
    return condition


def plan_list() -> QuerySet[Plan]:
    return Plan.objects.select_related("previous").order_by("-period_start", "slug")


def plan_tree(*, plan: Plan) -> QuerySet[ThematicArea]:
    """The plan's areas, each with its directions and their objectives, in the plan's order."""
    objectives = Objective.objects.order_by("order", "code").prefetch_related("meta_objectives")
    directions = Direction.objects.order_by("order", "code").prefetch_related(
        Prefetch("objectives", queryset=objectives)
    )
    return (
        ThematicArea.objects.filter(plan=plan)
        .order_by("order", "code")
        .prefetch_related(Prefetch("directions", queryset=directions))
    )


def plan_counts(*, plan: Plan) -> dict[str, int]:
    """How many thematic and transversal areas, directions, objectives, projects and actors the
    plan has, in one query.

    Each count is its own subquery: counting several reverse relations in one aggregate would
    join them all and count over their cross product (millions of rows for a large plan).
    """

    def count(rows: QuerySet, *, group: str = "plan", counted: str = "pk") -> Coalesce:
        per_plan = rows.order_by().values(group).annotate(total=Count(counted, distinct=True))
        return Coalesce(Subquery(per_plan.values("total")[:1]), 0)

    # The names end in _count: `areas` and the others are the plan's reverse relations.
    names = ("areas", "transversal_areas", "directions", "objectives", "projects", "actors")
    row = (
        Plan.objects.filter(pk=plan.pk)
        .annotate(
            areas_count=count(
                ThematicArea.objects.filter(plan=OuterRef("pk"), kind=ThematicArea.Kind.THEMATIC)
            ),
            transversal_areas_count=count(
                ThematicArea.objects.filter(plan=OuterRef("pk"), kind=ThematicArea.Kind.TRANSVERSAL)
            ),
            directions_count=count(Direction.objects.filter(plan=OuterRef("pk"))),
            objectives_count=count(Objective.objects.filter(plan=OuterRef("pk"))),
            projects_count=count(Project.objects.filter(plan=OuterRef("pk"))),
            actors_count=count(
                ProjectRole.objects.filter(project__plan=OuterRef("pk")),
                group="project__plan",
                counted="actor",
            ),
        )
        .values_list(*(f"{name}_count" for name in names))
        .get()
    )
    return dict(zip(names, row, strict=True))


def plan_latest_changes(*, plan: Plan, limit: int = 8) -> QuerySet:
    """The most recent changes to the plan's projects, newest first."""
    return (
        Project.history.filter(plan_id=plan.pk)
        .select_related("history_user")
        .order_by("-history_date")[:limit]
    )


def area_get(*, plan: Plan, pk: int) -> ThematicArea:
    return plan_tree(plan=plan).get(pk=pk)


def direction_get(*, plan: Plan, pk: int) -> Direction:
    objectives = Objective.objects.order_by("order", "code").annotate(
        project_count=Count("projects", distinct=True)
    )
    return (
        Direction.objects.filter(plan=plan)
        .select_related("area")
        .prefetch_related(Prefetch("objectives", queryset=objectives))
        .get(pk=pk)
    )


def objective_get(*, plan: Plan, pk: int) -> Objective:
    """The objective with its direction, area and meta-objectives; its projects are paged apart
    (`objective_contributions`)."""
    return (
        Objective.objects.filter(plan=plan)
        .select_related("direction__area")
        .prefetch_related("meta_objectives")
        .get(pk=pk)
    )


def objective_contributions(*, objective: Objective) -> QuerySet[Contribution]:
    """The projects' contributions to `objective` with their projects, strongest first.

    A project contributes to an objective once, and codes are unique in a plan, so the order is
    total and pages never repeat or skip a row.
    """
    return (
        Contribution.objects.filter(objective=objective)
        .select_related("project")
        .order_by("-strength", "project__code")
    )


def plan_search(*, plan: Plan, query: str, limit: int = 50) -> dict[str, QuerySet]:
    """The plan's directions, objectives and projects whose code, title or description match."""
    if not query.strip():
        return {
            "directions": Direction.objects.none(),
            "objectives": Objective.objects.none(),
            "projects": Project.objects.none(),
        }
    return {
        "directions": Direction.objects.filter(plan=plan)
        .filter(text_matches(query, "code", "title", "description"))
        .select_related("area")
        .order_by("order", "code")[:limit],
        "objectives": Objective.objects.filter(plan=plan)
        .filter(text_matches(query, "code", "title", "short_title", "description"))
        .select_related("direction")
        .order_by("order", "code")[:limit],
        "projects": Project.objects.filter(plan=plan)
        .filter(text_matches(query, "code", "title", "description"))
        .select_related("direction")
        .order_by("code")[:limit],
    }


def plan_current() -> Plan | None:
    """The plan in force: approved or being implemented, with the latest period.

    None when no plan is in force, or when two share the latest first year: the home page then
    lists the plans instead of guessing.
    """
    in_force = (
        Plan.objects.filter(status__in=[Plan.Status.APPROVED, Plan.Status.IMPLEMENTATION])
        .select_related("previous")
        .order_by("-period_start", "slug")
    )
    latest = list(in_force[:2])
    if not latest or (len(latest) == 2 and latest[0].period_start == latest[1].period_start):
        return None
    return latest[0]


def plan_get(*, slug: str) -> Plan:
    """The plan with its previous plan, its meta-objectives and its areas as `plan_tree` gives them.

    `plan.areas.all()` then reads the prefetched tree: areas, their directions and their
    objectives (with their meta-objectives), in the plan's order.
    """
    plan = Plan.objects.select_related("previous").get(slug=slug)
    prefetch_related_objects(
        [plan], "meta_objectives", Prefetch("areas", queryset=plan_tree(plan=plan))
    )
    return plan
