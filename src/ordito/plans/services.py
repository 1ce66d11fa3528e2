"""Every write to a plan: its structure, its projects, and what actors do in it.

Parts of a plan are saved by their code (`core.records.upsert`): the same call creates a part or
updates it, and writes (and records in the history) only when something changed.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ordito.actors.models import Actor
from ordito.core.languages import translated
from ordito.core.records import Author, recorded_delete, upsert
from ordito.core.versions import content_writing
from ordito.plans import integrity
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

PLAN_FIELDS = (
    *translated("title", "territory", "vision", "description"),
    "period_start",
    "period_end",
    "status",
    "approved_on",
    "previous",
)
META_OBJECTIVE_FIELDS = (*translated("title", "description"), "order")
AREA_FIELDS = (*translated("title", "description"), "kind", "order", "is_example")
DIRECTION_FIELDS = (*translated("title", "description"), "area", "order", "is_example")
OBJECTIVE_FIELDS = (
    *translated("title", "short_title", "description"),
    "direction",
    "order",
    "is_example",
)
PROJECT_FIELDS = (
    *translated("title", "description"),
    "kind",
    "status",
    "direction",
    "municipality",
    "latitude",
    "longitude",
    "budget_eur",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "carried_over_from",
    "is_example",
    "example_fields",
)


@transaction.atomic
def plan_save(*, by: Author, slug: str, values: Mapping[str, Any]) -> tuple[Plan, bool]:
    """Create or update the plan `slug`."""
    return upsert(Plan, by=by, lookup={"slug": slug}, values=values, allowed=PLAN_FIELDS)


@transaction.atomic
def meta_objective_save(
    *, by: Author, plan: Plan, code: str, values: Mapping[str, Any]
) -> tuple[MetaObjective, bool]:
    return upsert(
        MetaObjective,
        by=by,
        lookup={"plan": plan, "code": code},
        values=values,
        allowed=META_OBJECTIVE_FIELDS,
    )


@transaction.atomic
def area_save(
    *, by: Author, plan: Plan, code: str, values: Mapping[str, Any]
) -> tuple[ThematicArea, bool]:
    return upsert(
        ThematicArea, by=by, lookup={"plan": plan, "code": code}, values=values, allowed=AREA_FIELDS
    )


@transaction.atomic
def direction_save(
    *, by: Author, plan: Plan, code: str, values: Mapping[str, Any]
) -> tuple[Direction, bool]:
    return upsert(
        Direction,
        by=by,
        lookup={"plan": plan, "code": code},
        values=values,
        allowed=DIRECTION_FIELDS,
    )


@transaction.atomic
def objective_save(
    *,
    by: Author,
    plan: Plan,
    code: str,
    values: Mapping[str, Any],
    meta_objectives: Iterable[MetaObjective] | None = None,
) -> tuple[Objective, bool]:
    """Create or update an objective; `meta_objectives`, when given, replaces its links."""
    objective, written = upsert(
        Objective,
        by=by,
        lookup={"plan": plan, "code": code},
        values=values,
        allowed=OBJECTIVE_FIELDS,
    )
    if meta_objectives is not None:
        wanted = list(meta_objectives)
        if any(meta.plan_id != plan.pk for meta in wanted):
            raise ValidationError(
                {"meta_objectives": _("Choose meta-objectives of the same plan.")}
            )
        if {meta.pk for meta in wanted} != set(
            objective.meta_objectives.values_list("pk", flat=True)
        ):
            # The links are written after the row: when the row itself did not change, nothing
            # has raised the plan's version yet for this write.
            if not written:
                content_writing(objective)
            objective.meta_objectives.set(wanted)
            written = True
    return objective, written


@transaction.atomic
def project_save(
    *, by: Author, plan: Plan, code: str, values: Mapping[str, Any]
) -> tuple[Project, bool]:
    return upsert(
        Project, by=by, lookup={"plan": plan, "code": code}, values=values, allowed=PROJECT_FIELDS
    )


@transaction.atomic
def contribution_set(
    *,
    by: Author,
    project: Project,
    objective: Objective,
    strength: int,
    is_example: bool = False,
) -> tuple[Contribution, bool]:
    """Record that `project` serves `objective` with a signed strength (−3..+3, not 0)."""
    return upsert(
        Contribution,
        by=by,
        lookup={"project": project, "objective": objective},
        values={"strength": strength, "is_example": is_example},
        allowed=("strength", "is_example"),
    )


@transaction.atomic
def contribution_remove(*, by: Author, project: Project, objective: Objective) -> bool:
    return recorded_delete(Contribution, by=by, project=project, objective=objective)


@transaction.atomic
def dependency_add(
    *,
    by: Author,
    project: Project,
    depends_on: Project,
    lag_days: int = 0,
    is_example: bool = False,
) -> tuple[Dependency, bool]:
    """Record that `project` cannot start before `depends_on` is finished (plus `lag_days`)."""
    # Lock the plan so two concurrent edits cannot each add half of a cycle.
    Plan.objects.select_for_update().filter(pk=project.plan_id).first()
    return upsert(
        Dependency,
        by=by,
        lookup={"project": project, "depends_on": depends_on},
        values={"lag_days": lag_days, "is_example": is_example},
        allowed=("lag_days", "is_example"),
    )


@transaction.atomic
def dependency_remove(*, by: Author, project: Project, depends_on: Project) -> bool:
    return recorded_delete(Dependency, by=by, project=project, depends_on=depends_on)


@transaction.atomic
def objective_influence_set(
    *,
    by: Author,
    plan: Plan,
    source: Objective,
    target: Objective,
    strength: int,
    is_potential: bool = False,
    is_example: bool = False,
) -> tuple[ObjectiveInfluence, bool]:
    """Set one cell of the cross-impact matrix (0–3, or potential)."""
    if source.pk == target.pk:
        raise ValidationError({"target": integrity.OBJECTIVE_INFLUENCES_ITSELF})
    return upsert(
        ObjectiveInfluence,
        by=by,
        lookup={"plan": plan, "source": source, "target": target},
        values={"strength": strength, "is_potential": is_potential, "is_example": is_example},
        allowed=("strength", "is_potential", "is_example"),
    )


@transaction.atomic
def project_role_add(
    *, by: Author, actor: Actor, project: Project, role: str, is_example: bool = False
) -> tuple[ProjectRole, bool]:
    """Give `actor` a role (promoter, partner, funder, implementer) in `project`."""
    return upsert(
        ProjectRole,
        by=by,
        lookup={"actor": actor, "project": project, "role": role},
        values={"is_example": is_example},
        allowed=("is_example",),
    )


@transaction.atomic
def project_role_remove(*, by: Author, actor: Actor, project: Project, role: str) -> bool:
    """Take `role` in `project` away from `actor`; return whether there was one to take."""
    return recorded_delete(ProjectRole, by=by, actor=actor, project=project, role=role)


@transaction.atomic
def actor_influence_set(
    *, by: Author, plan: Plan, source: Actor, target: Actor, strength: int, is_example: bool = False
) -> tuple[ActorInfluence, bool]:
    """Set how strongly `source` influences `target` in `plan` (0–4)."""
    if source.pk == target.pk:
        raise ValidationError({"target": integrity.ACTOR_INFLUENCES_ITSELF})
    return upsert(
        ActorInfluence,
        by=by,
        lookup={"plan": plan, "source": source, "target": target},
        values={"strength": strength, "is_example": is_example},
        allowed=("strength", "is_example"),
    )


@transaction.atomic
def actor_position_set(
    *, by: Author, actor: Actor, objective: Objective, position: int, is_example: bool = False
) -> tuple[ActorPosition, bool]:
    """Set `actor`'s position on `objective` (−4..+4)."""
    return upsert(
        ActorPosition,
        by=by,
        lookup={"actor": actor, "objective": objective},
        values={"position": position, "is_example": is_example},
        allowed=("position", "is_example"),
    )
