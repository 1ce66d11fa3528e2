"""Every shared read of the monitoring: the plan's statuses, a project's timeline, and the roll-up
of progress from projects to objectives, directions, areas and the plan.

The roll-up rule, stated on the dashboard too: a project's progress and status are those of its
latest published update (by date, then by when it was recorded); a project without one counts as
0% and "not reported". An objective counts the projects that serve it (positive
contribution). A level's progress is the mean of its projects' progress, weighted by their
budget or equally as the plan chooses; under budget weighting a project without a budget weighs
nothing, and a level whose projects have no budget at all falls back to equal weights.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, QuerySet, Subquery

from ordito.monitoring.models import MonitoringSettings, ProgressUpdate, ProjectStatus
from ordito.plans.models import Contribution, Objective, Plan, Project

NOT_REPORTED = ""  # the status key of a project without a published update


def statuses(*, plan: Plan) -> QuerySet[ProjectStatus]:
    return ProjectStatus.objects.filter(plan=plan).order_by("order", "key")


def weighting_of(*, plan: Plan) -> str:
    found = MonitoringSettings.objects.filter(plan=plan).values_list("weighting", flat=True)
    return next(iter(found), MonitoringSettings.Weighting.BUDGET)


def project_timeline(*, project: Project, published_only: bool = True) -> QuerySet[ProgressUpdate]:
    """A project's updates, latest first, with their status and author."""
    updates = ProgressUpdate.objects.filter(project=project)
    if published_only:
        updates = updates.filter(is_published=True)
    return updates.select_related("status", "author__person").order_by("-date", "-pk")


@dataclass(slots=True)
class Level:
    """One level of the roll-up: a plan, area, direction or objective and its projects."""

    key: object
    label: str
    projects: int = 0
    progress: float = 0.0  # percent, 0 to 100
    by_status: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Rollup:
    weighting: str
    statuses: list[ProjectStatus]
    plan: Level
    areas: list[Level]
    directions: list[Level]
    objectives: list[Level]


def _level(key, label, members, current, weighting) -> Level:
    """`members`: (project id, budget) pairs; `current`: project id → (progress, status key)."""
    by_budget = weighting == MonitoringSettings.Weighting.BUDGET
    weights = [(budget or Decimal(0)) if by_budget else Decimal(1) for _, budget in members]
    if not any(weights):
        weights = [Decimal(1)] * len(members)
    reported = [current.get(pk, (0, NOT_REPORTED)) for pk, _ in members]
    total = sum(weights)
    weighted = sum(w * progress for w, (progress, _) in zip(weights, reported, strict=True))
    return Level(
        key=key,
        label=label,
        projects=len(members),
        progress=float(weighted / total) if members else 0.0,
        by_status=dict(Counter(status for _, status in reported)),
    )


def plan_rollup(*, plan: Plan) -> Rollup:
    """The plan's progress at every level, with the count of projects by status; five queries
    whatever the plan's size."""
    latest = ProgressUpdate.objects.filter(project=OuterRef("pk"), is_published=True).order_by(
        "-date", "-pk"
    )
    projects = list(
        Project.objects.filter(plan=plan)
        .annotate(
            reported=Subquery(latest.values("progress")[:1]),
            status_key=Subquery(latest.values("status__key")[:1]),
        )
        .select_related("direction__area")
        .order_by("code")
    )
    contributions = list(
        Contribution.objects.filter(project__plan=plan, strength__gt=0).values_list(
            "objective_id", "project_id"
        )
    )
    objectives = list(Objective.objects.filter(plan=plan).order_by("code"))
    weighting = weighting_of(plan=plan)
    current = {p.pk: (p.reported or 0, p.status_key or NOT_REPORTED) for p in projects}
    budget = {p.pk: p.budget_eur for p in projects}

    by_area, by_direction = defaultdict(list), defaultdict(list)
    areas, directions = {}, {}
    for project in projects:
        if project.direction is None:
            continue
        direction = project.direction
        directions[direction.pk] = direction
        areas[direction.area_id] = direction.area
        by_direction[direction.pk].append((project.pk, project.budget_eur))
        by_area[direction.area_id].append((project.pk, project.budget_eur))
    by_objective = defaultdict(list)
    for objective_id, project_id in contributions:
        by_objective[objective_id].append((project_id, budget[project_id]))

    def levels(rows, members):
        return [_level(row, str(row), members[row.pk], current, weighting) for row in rows]

    return Rollup(
        weighting=weighting,
        statuses=list(statuses(plan=plan)),
        plan=_level(plan, str(plan), [(p.pk, p.budget_eur) for p in projects], current, weighting),
        areas=levels(sorted(areas.values(), key=lambda a: a.code), by_area),
        directions=levels(sorted(directions.values(), key=lambda d: d.code), by_direction),
        objectives=levels(objectives, by_objective),
    )


def project_drafts(*, project: Project) -> QuerySet[ProgressUpdate]:
    """A project's updates waiting for the staff to publish them, latest first."""
    return project_timeline(project=project, published_only=False).filter(is_published=False)
