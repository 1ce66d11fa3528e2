"""What a plan holds in the database before an import, read in a fixed number of queries.

The writer compares each record of the file with the row stored under the same key: a record the
database already holds is counted as unchanged without calling its service (which would read the
row again and then write nothing), and the stored links the file no longer lists are deleted.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

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
from ordito.plans.selectors import contents


@dataclass(slots=True)
class StoredRows:
    """A plan's parts by code, and its links and matrix cells by the keys the file uses."""

    meta_objectives: dict[str, MetaObjective] = field(default_factory=dict)
    areas: dict[str, ThematicArea] = field(default_factory=dict)
    directions: dict[str, Direction] = field(default_factory=dict)
    objectives: dict[str, Objective] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)
    contributions: dict[tuple[str, str], Contribution] = field(default_factory=dict)
    dependencies: dict[tuple[str, str], Dependency] = field(default_factory=dict)
    roles: dict[tuple[str, str, str], ProjectRole] = field(default_factory=dict)
    objective_influences: dict[tuple[str, str], ObjectiveInfluence] = field(default_factory=dict)
    actor_influences: dict[tuple[str, str], ActorInfluence] = field(default_factory=dict)
    positions: dict[tuple[str, str], ActorPosition] = field(default_factory=dict)

    @classmethod
    def of(cls, plan: Plan) -> "StoredRows":
        def by_code(parts: Iterable[Any]) -> dict[str, Any]:
            return {part.code: part for part in parts}

        return cls(
            meta_objectives=by_code(contents.plan_meta_objectives(plan=plan)),
            areas=by_code(contents.plan_areas(plan=plan)),
            directions=by_code(contents.plan_directions(plan=plan)),
            objectives=by_code(contents.plan_objectives(plan=plan)),
            projects=by_code(contents.plan_projects(plan=plan)),
            contributions={
                (row.project.code, row.objective.code): row
                for row in contents.plan_contributions(plan=plan)
            },
            dependencies={
                (row.project.code, row.depends_on.code): row
                for row in contents.plan_dependencies(plan=plan)
            },
            roles={
                (row.project.code, row.actor.key, row.role): row
                for row in contents.plan_roles(plan=plan)
            },
            objective_influences={
                (row.source.code, row.target.code): row
                for row in contents.plan_objective_influences(plan=plan)
            },
            actor_influences={
                (row.source.key, row.target.key): row
                for row in contents.plan_actor_influences(plan=plan)
            },
            positions={
                (row.actor.key, row.objective.code): row
                for row in contents.plan_positions(plan=plan)
            },
        )
