"""The records of an `ordito-plan` file, as plain data: values named as the services' fields.

References between records stay codes and keys, each with the path of the record that holds it,
until the importer resolves them to rows.
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class ActorRecord:
    path: str
    key: str | None
    values: dict[str, Any]
    municipality: str | None


@dataclass(slots=True)
class PartRecord:
    """A meta-objective, area, direction or objective: a code, service values, its children."""

    path: str
    code: str | None
    values: dict[str, Any]
    children: list["PartRecord"] = field(default_factory=list)
    meta_objectives: list[tuple[str, str]] = field(default_factory=list)  # (path, code)


@dataclass(slots=True)
class LinkRecord:
    """A link from one record to another, named by its key or code (`target`)."""

    path: str
    target: str | None
    values: dict[str, Any]


@dataclass(slots=True)
class PairRecord:
    """A cell of a matrix: `source` acts on `target` (objective codes or actor keys)."""

    path: str
    source: str | None
    target: str | None
    values: dict[str, Any]


@dataclass(slots=True)
class ProjectRecord:
    path: str
    code: str | None
    values: dict[str, Any]
    direction: str | None
    municipality: str | None
    carried_over_from: tuple[str | None, str | None] | None
    contributions: list[LinkRecord]
    dependencies: list[LinkRecord]
    roles: list[LinkRecord]


@dataclass(slots=True)
class PlanRecord:
    path: str
    slug: str | None
    values: dict[str, Any]
    previous: str | None
    meta_objectives: list[PartRecord]
    areas: list[PartRecord]
    projects: list[ProjectRecord]
    objective_influences: list[PairRecord]
    actor_influences: list[PairRecord]
    positions: list[PairRecord]

    def directions(self) -> list[PartRecord]:
        return [direction for area in self.areas for direction in area.children]

    def objectives(self) -> list[PartRecord]:
        return [objective for direction in self.directions() for objective in direction.children]


@dataclass(slots=True)
class PlanDocument:
    actors: list[ActorRecord]
    plans: list[PlanRecord]
