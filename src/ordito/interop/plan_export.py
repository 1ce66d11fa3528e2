"""Exporting a plan as an `ordito-plan` document (docs/plan-format.md).

The document holds the plan, its structure, its projects with their links, its matrices, and the
actors they name. It is built from a fixed number of queries whatever the size of the plan, and
its lists come in a stable order, so that export → import into an empty database → export gives
the same bytes.
"""

import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import yaml
from django.db.models import Model

from ordito.actors.models import Actor
from ordito.actors.selectors import actors_with_ids
from ordito.interop.plan_format import FORMAT_NAME, FORMAT_VERSION, POTENTIAL
from ordito.plans.models import Objective, Plan, Project, ProjectRole
from ordito.plans.selectors import contents, plan_tree

EXPORT_FORMATS = ("json", "yaml")
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
ROLE_ORDER = {role: index for index, role in enumerate(ProjectRole.Role.values)}


def plan_export(*, plan: Plan) -> dict[str, Any]:
    """The `ordito-plan` document of `plan`, as plain data ready for JSON or YAML.

    Choices are written as plain strings (`str()`): a model instance may hold the enumeration
    member itself, which YAML's safe dumper cannot write.

    The previous plan and the plan that a carried-over action came from are named by slug, not
    included: export them too, and import them first.
    """
    metas = in_order(contents.plan_meta_objectives(plan=plan))
    areas = in_order(plan_tree(plan=plan))
    objectives = [
        objective
        for area in areas
        for direction in in_order(area.directions.all())
        for objective in in_order(direction.objectives.all())
    ]
    rank = {objective.pk: index for index, objective in enumerate(objectives)}
    meta_rank = {meta.pk: index for index, meta in enumerate(metas)}
    projects = sorted(contents.plan_projects(plan=plan, with_links=True), key=lambda p: p.code)
    objective_influences = contents.plan_objective_influences(plan=plan)
    actor_influences = contents.plan_actor_influences(plan=plan)
    positions = contents.plan_positions(plan=plan)
    actor_ids = {role.actor_id for project in projects for role in project.roles.all()}
    actor_ids |= {i.source_id for i in actor_influences} | {i.target_id for i in actor_influences}
    actor_ids |= {position.actor_id for position in positions}
    actors = actors_with_ids(actor_ids)
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "actors": [actor_data(actor) for actor in sorted(actors, key=lambda a: a.key)],
        "plans": [
            {
                "slug": plan.slug,
                "title": text(plan, "title"),
                "territory": text(plan, "territory"),
                "period_start": plan.period_start,
                "period_end": plan.period_end,
                "vision": text(plan, "vision"),
                "description": text(plan, "description"),
                "status": str(plan.status),
                "approved_on": iso(plan.approved_on),
                "previous": plan.previous.slug if plan.previous_id else None,
                "meta_objectives": [
                    {
                        "code": meta.code,
                        "title": text(meta, "title"),
                        "description": text(meta, "description"),
                    }
                    for meta in metas
                ],
                "areas": [area_data(area, meta_rank) for area in areas],
                "projects": [project_data(project, rank) for project in projects],
                "objective_influences": [
                    {
                        "source": cell.source.code,
                        "target": cell.target.code,
                        "strength": POTENTIAL if cell.is_potential else cell.strength,
                        "is_example": cell.is_example,
                    }
                    for cell in sorted(
                        objective_influences, key=lambda c: (rank[c.source_id], rank[c.target_id])
                    )
                ],
                "actor_influences": [
                    {
                        "source": cell.source.key,
                        "target": cell.target.key,
                        "strength": cell.strength,
                        "is_example": cell.is_example,
                    }
                    for cell in sorted(actor_influences, key=lambda c: (c.source.key, c.target.key))
                ],
                "positions": [
                    {
                        "actor": cell.actor.key,
                        "objective": cell.objective.code,
                        "position": cell.position,
                        "is_example": cell.is_example,
                    }
                    for cell in sorted(positions, key=lambda c: (c.actor.key, rank[c.objective_id]))
                ],
            }
        ],
    }


def plan_export_text(document: dict[str, Any], *, export_format: str) -> str:
    """`document` written as JSON (indented, UTF-8 characters kept) or YAML."""
    if export_format == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return yaml.dump(document, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=100)


def in_order(parts: Iterable[Any]) -> list[Any]:
    """Parts of the structure in the plan's order: by `order`, ties broken by code."""
    return sorted(parts, key=lambda part: (part.order, part.code))


def text(instance: Model, name: str) -> dict[str, str | None] | None:
    """A text in both languages, or None when it has neither."""
    italian = getattr(instance, f"{name}_it") or ""
    english = getattr(instance, f"{name}_en") or None
    return {"it": italian, "en": english} if italian or english else None


def iso(day: Any) -> str | None:
    return day.isoformat() if day is not None else None


def degrees(value: Decimal | None) -> float | None:
    # At most 9 significant digits: the float prints back as the same short decimal.
    return float(value) if value is not None else None


def actor_data(actor: Actor) -> dict[str, Any]:
    return {
        "key": actor.key,
        "name": actor.name,
        "kind": str(actor.kind),
        "sector": actor.sector or None,
        "municipality": actor.municipality.istat_code if actor.municipality_id else None,
        "website": actor.website or None,
        "member_since": iso(actor.member_since),
        "member_until": iso(actor.member_until),
        "description": text(actor, "description"),
        "is_example": actor.is_example,
    }


def area_data(area: Any, meta_rank: dict[int, int]) -> dict[str, Any]:
    return {
        "code": area.code,
        "kind": str(area.kind),
        "title": text(area, "title"),
        "description": text(area, "description"),
        "is_example": area.is_example,
        "directions": [
            {
                "code": direction.code,
                "title": text(direction, "title"),
                "description": text(direction, "description"),
                "is_example": direction.is_example,
                "objectives": [
                    objective_data(objective, meta_rank)
                    for objective in in_order(direction.objectives.all())
                ],
            }
            for direction in in_order(area.directions.all())
        ],
    }


def objective_data(objective: Objective, meta_rank: dict[int, int]) -> dict[str, Any]:
    metas = sorted(objective.meta_objectives.all(), key=lambda meta: meta_rank[meta.pk])
    return {
        "code": objective.code,
        "title": text(objective, "title"),
        "short_title": text(objective, "short_title"),
        "description": text(objective, "description"),
        "meta_objectives": [meta.code for meta in metas],
        "is_example": objective.is_example,
    }


def project_data(project: Project, rank: dict[int, int]) -> dict[str, Any]:
    origin = project.carried_over_from
    return {
        "code": project.code,
        "kind": str(project.kind),
        "title": text(project, "title"),
        "description": text(project, "description"),
        "status": str(project.status),
        "direction": project.direction.code if project.direction_id else None,
        "municipality": project.municipality.istat_code if project.municipality_id else None,
        "latitude": degrees(project.latitude),
        "longitude": degrees(project.longitude),
        "budget_eur": (
            str(project.budget_eur.quantize(Decimal("0.01")))
            if project.budget_eur is not None
            else None
        ),
        "planned_start": iso(project.planned_start),
        "planned_end": iso(project.planned_end),
        "actual_start": iso(project.actual_start),
        "actual_end": iso(project.actual_end),
        "carried_over_from": {"plan": origin.plan.slug, "code": origin.code} if origin else None,
        "is_example": project.is_example,
        "example_fields": list(project.example_fields),
        "contributions": [
            {
                "objective": link.objective.code,
                "strength": link.strength,
                "is_example": link.is_example,
            }
            for link in sorted(project.contributions.all(), key=lambda c: rank[c.objective_id])
        ],
        "dependencies": [
            {
                "project": link.depends_on.code,
                "lag_days": link.lag_days,
                "is_example": link.is_example,
            }
            for link in sorted(project.dependencies.all(), key=lambda d: d.depends_on.code)
        ],
        "roles": [
            {"actor": link.actor.key, "role": str(link.role), "is_example": link.is_example}
            for link in sorted(project.roles.all(), key=lambda r: (ROLE_ORDER[r.role], r.actor.key))
        ],
    }
