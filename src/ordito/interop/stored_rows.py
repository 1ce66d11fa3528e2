"""What a plan holds in the database before an import, read in a fixed number of queries.

The writer compares each record of the file with the row stored under the same key: a record the
database already holds is counted as unchanged without calling its service (which would read the
row again and then write nothing), and the stored links the file no longer lists are deleted.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db import models

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
        def by_code(parts: models.QuerySet) -> dict[str, Any]:
            return {part.code: part for part in parts.filter(plan=plan)}

        contributions = Contribution.objects.filter(project__plan=plan).select_related(
            "project", "objective"
        )
        dependencies = Dependency.objects.filter(project__plan=plan).select_related(
            "project", "depends_on"
        )
        roles = ProjectRole.objects.filter(project__plan=plan).select_related("project", "actor")
        objective_influences = ObjectiveInfluence.objects.filter(plan=plan).select_related(
            "source", "target"
        )
        actor_influences = ActorInfluence.objects.filter(plan=plan).select_related(
            "source", "target"
        )
        positions = ActorPosition.objects.filter(objective__plan=plan).select_related(
            "actor", "objective"
        )
        return cls(
            meta_objectives=by_code(MetaObjective.objects.all()),
            areas=by_code(ThematicArea.objects.all()),
            directions=by_code(Direction.objects.all()),
            objectives=by_code(Objective.objects.prefetch_related("meta_objectives")),
            projects=by_code(Project.objects.all()),
            contributions={(row.project.code, row.objective.code): row for row in contributions},
            dependencies={(row.project.code, row.depends_on.code): row for row in dependencies},
            roles={(row.project.code, row.actor.key, row.role): row for row in roles},
            objective_influences={
                (row.source.code, row.target.code): row for row in objective_influences
            },
            actor_influences={(row.source.key, row.target.key): row for row in actor_influences},
            positions={(row.actor.key, row.objective.code): row for row in positions},
        )
