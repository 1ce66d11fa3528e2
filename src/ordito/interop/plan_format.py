"""The `ordito-plan` format, version 1 (docs/plan-format.md): a file read into plain records.

`document_read` checks every record's fields (types, required fields, enumerations, ranges, the
syntax of slugs, keys and codes) and then every reference between records (unique keys and codes,
links that resolve, no cycle), and returns the records with every problem found, each with its
path in the file. Records hold plain values named as the services' fields; references stay codes
and keys until the importer resolves them to rows.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from ordito.actors.models import Actor
from ordito.interop.plan_fields import RecordReader, describe, is_integer
from ordito.interop.plan_records import (
    ActorRecord,
    LinkRecord,
    PairRecord,
    PartRecord,
    PlanDocument,
    PlanRecord,
    ProjectRecord,
)
from ordito.interop.plan_references import Existing, references_check
from ordito.interop.report import Problem
from ordito.plans.example_facts import example_fields_problems
from ordito.plans.models import (
    Direction,
    MetaObjective,
    Objective,
    Plan,
    Project,
    ProjectRole,
    ThematicArea,
)

FORMAT_NAME = "ordito-plan"
FORMAT_VERSION = 1

# The scales of version 1 of the format (the models enforce the same ones).
CONTRIBUTION_STRENGTHS = (-3, 3)  # not 0
OBJECTIVE_INFLUENCE_STRENGTHS = (0, 3)  # or "P"
ACTOR_INFLUENCE_STRENGTHS = (0, 4)
POSITIONS = (-4, 4)
MAX_LAG_DAYS = 36500
POTENTIAL = "P"

R = TypeVar("R")


def max_length(model: type, name: str) -> int:
    return model._meta.get_field(name).max_length


def document_read(document: Any, *, existing: Existing) -> tuple[PlanDocument, list[Problem]]:
    """Read a parsed file into records; return them with every problem found."""
    problems: list[Problem] = []
    root = RecordReader(document, "", problems, fields=("format", "version", "actors", "plans"))
    if root.data.get("format") != FORMAT_NAME:
        root.error("format", f'expected "{FORMAT_NAME}", found {describe(root.data.get("format"))}')
    elif root.data.get("version") != FORMAT_VERSION:
        root.error(
            "version",
            f"this importer reads version {FORMAT_VERSION}, found {describe(root.data.get('version'))}",
        )
    if problems:
        # Another format or version: its records would only drown this message in noise.
        return PlanDocument(actors=[], plans=[]), problems
    parsed = PlanDocument(
        actors=[
            actor_read(RecordReader(item, path, problems, fields=ACTOR_FIELDS))
            for path, item in root.items("actors")
        ],
        plans=[
            plan_read(RecordReader(item, path, problems, fields=PLAN_FIELDS))
            for path, item in root.items("plans")
        ],
    )
    references_check(parsed, existing=existing, problems=problems)
    return parsed, problems


ACTOR_FIELDS = (
    "key", "name", "kind", "sector", "municipality", "website", "member_since", "member_until",
    "description", "is_example",
)  # fmt: skip


def actor_read(reader: RecordReader) -> ActorRecord:
    key = reader.slug("key", max_length=max_length(Actor, "key"))
    values = {
        "name": reader.string("name", max_length=max_length(Actor, "name"), required=True),
        "kind": reader.choice("kind", choices=Actor.Kind.values),
        "sector": reader.string("sector", max_length=max_length(Actor, "sector")),
        "website": reader.url("website", max_length=max_length(Actor, "website")),
        **reader.text("description", max_length=None, required=False),
        "member_since": reader.date("member_since"),
        "member_until": reader.date("member_until"),
        "is_example": reader.boolean("is_example"),
    }
    since, until = values["member_since"], values["member_until"]
    if until is not None and (since is None or until < since):
        reader.error("member_until", "a membership ends on or after member_since, which it needs")
    return ActorRecord(
        path=reader.path,
        key=key,
        values=values,
        municipality=reader.istat_code("municipality"),
    )


PLAN_FIELDS = (
    "slug", "title", "territory", "period_start", "period_end", "vision", "description", "status",
    "approved_on", "previous", "meta_objectives", "areas", "projects", "objective_influences",
    "actor_influences", "positions",
)  # fmt: skip


def plan_read(reader: RecordReader) -> PlanRecord:
    slug = reader.slug("slug", max_length=max_length(Plan, "slug"))
    values = {
        **reader.text("title", max_length=max_length(Plan, "title_it"), required=True),
        **reader.text("territory", max_length=max_length(Plan, "territory_it"), required=True),
        "period_start": reader.integer("period_start", low=1900, high=2200),
        "period_end": reader.integer("period_end", low=1900, high=2200),
        **reader.text("vision", max_length=None, required=False),
        **reader.text("description", max_length=None, required=False),
        "status": reader.choice("status", choices=Plan.Status.values),
        "approved_on": reader.date("approved_on"),
    }
    start, end = values["period_start"], values["period_end"]
    if start is not None and end is not None and end < start:
        reader.error("period_end", f"the last year ({end}) comes before the first ({start})")
    previous = reader.slug("previous", max_length=max_length(Plan, "slug"), required=False)
    meta_objectives = children(reader, "meta_objectives", META_FIELDS, meta_objective_read)
    areas = children(reader, "areas", AREA_FIELDS, area_read)
    number_in_plan_order(meta_objectives, areas)
    return PlanRecord(
        path=reader.path,
        slug=slug,
        values=values,
        previous=previous,
        meta_objectives=meta_objectives,
        areas=areas,
        projects=children(reader, "projects", PROJECT_FIELDS, project_read),
        objective_influences=children(
            reader, "objective_influences", INFLUENCE_FIELDS, objective_influence_read
        ),
        actor_influences=children(
            reader, "actor_influences", INFLUENCE_FIELDS, actor_influence_read
        ),
        positions=children(reader, "positions", POSITION_FIELDS, position_read),
    )


def children(
    reader: RecordReader, name: str, fields: tuple[str, ...], read: Callable[[RecordReader], R]
) -> list[R]:
    """The records of the list `name`, each read by `read`."""
    return [
        read(RecordReader(item, path, reader.problems, fields=fields))
        for path, item in reader.items(name)
    ]


def number_in_plan_order(meta_objectives: list[PartRecord], areas: list[PartRecord]) -> None:
    """Set `order` to the position in the file.

    Areas and meta-objectives are numbered in their list; directions and objectives through the
    whole plan, so that a plan-wide list (a matrix, a search result) keeps the file's order too.
    """
    for index, meta in enumerate(meta_objectives):
        meta.values["order"] = index
    for index, area in enumerate(areas):
        area.values["order"] = index
    directions = [direction for area in areas for direction in area.children]
    for index, direction in enumerate(directions):
        direction.values["order"] = index
    objectives = [objective for direction in directions for objective in direction.children]
    for index, objective in enumerate(objectives):
        objective.values["order"] = index


def part_values(reader: RecordReader, model: type) -> dict[str, Any]:
    return {
        **reader.text("title", max_length=max_length(model, "title_it"), required=True),
        **reader.text("description", max_length=None, required=False),
    }


META_FIELDS = ("code", "title", "description")


def meta_objective_read(reader: RecordReader) -> PartRecord:
    return PartRecord(
        path=reader.path, code=reader.code("code"), values=part_values(reader, MetaObjective)
    )


AREA_FIELDS = ("code", "kind", "title", "description", "is_example", "directions")


def area_read(reader: RecordReader) -> PartRecord:
    values = {
        **part_values(reader, ThematicArea),
        "kind": reader.choice(
            "kind", choices=ThematicArea.Kind.values, default=ThematicArea.Kind.THEMATIC
        ),
        "is_example": reader.boolean("is_example"),
    }
    return PartRecord(
        path=reader.path,
        code=reader.code("code"),
        values=values,
        children=children(reader, "directions", DIRECTION_FIELDS, direction_read),
    )


DIRECTION_FIELDS = ("code", "title", "description", "is_example", "objectives")


def direction_read(reader: RecordReader) -> PartRecord:
    return PartRecord(
        path=reader.path,
        code=reader.code("code"),
        values={**part_values(reader, Direction), "is_example": reader.boolean("is_example")},
        children=children(reader, "objectives", OBJECTIVE_FIELDS, objective_read),
    )


OBJECTIVE_FIELDS = (
    "code", "title", "short_title", "description", "meta_objectives", "is_example",
)  # fmt: skip


def objective_read(reader: RecordReader) -> PartRecord:
    values = {
        **part_values(reader, Objective),
        **reader.text(
            "short_title", max_length=max_length(Objective, "short_title_it"), required=False
        ),
        "is_example": reader.boolean("is_example"),
    }
    return PartRecord(
        path=reader.path,
        code=reader.code("code"),
        values=values,
        meta_objectives=reader.codes("meta_objectives"),
    )


PROJECT_FIELDS = (
    "code", "kind", "title", "description", "status", "direction", "municipality", "latitude",
    "longitude", "budget_eur", "planned_start", "planned_end", "actual_start", "actual_end",
    "carried_over_from", "is_example", "example_fields", "contributions", "dependencies", "roles",
)  # fmt: skip


def project_read(reader: RecordReader) -> ProjectRecord:
    code = reader.code("code")
    budget = Project._meta.get_field("budget_eur")
    values = {
        **part_values(reader, Project),
        "kind": reader.choice("kind", choices=Project.Kind.values, default=Project.Kind.PROJECT),
        "status": reader.choice(
            "status", choices=Project.Status.values, default=Project.Status.PROPOSED
        ),
        "latitude": reader.coordinate("latitude", limit=90, places=6),
        "longitude": reader.coordinate("longitude", limit=180, places=6),
        "budget_eur": reader.money(
            "budget_eur", max_digits=budget.max_digits, places=budget.decimal_places
        ),
        **{name: reader.date(name) for name in DATE_FIELDS},
        "is_example": reader.boolean("is_example"),
        "example_fields": example_fields_read(reader),
    }
    for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
        if values[start] is not None and values[end] is not None and values[end] < values[start]:
            reader.error(end, f"{end} ({values[end]}) comes before {start} ({values[start]})")
    if (reader.data.get("latitude") is None) != (reader.data.get("longitude") is None):
        reader.error("longitude", "give both latitude and longitude, or neither")
    return ProjectRecord(
        path=reader.path,
        code=code,
        values=values,
        direction=reader.code("direction", required=False),
        municipality=reader.istat_code("municipality"),
        carried_over_from=lineage_read(reader),
        contributions=children(
            reader, "contributions", ("objective", "strength", "is_example"), contribution_read
        ),
        dependencies=children(
            reader, "dependencies", ("project", "lag_days", "is_example"), dependency_read
        ),
        roles=children(reader, "roles", ("actor", "role", "is_example"), role_read),
    )


DATE_FIELDS = ("planned_start", "planned_end", "actual_start", "actual_end")


def example_fields_read(reader: RecordReader) -> list[str]:
    """`example_fields`: the names of the project's fields whose values are invented."""
    names = [name for _, name in reader.items("example_fields")]
    faults = example_fields_problems(names)
    for index, message in faults:
        reader.error(f"example_fields[{index}]", message)
    return [] if faults else names


def lineage_read(reader: RecordReader) -> tuple[str | None, str | None] | None:
    """`carried_over_from`: the plan (a slug) and code of the action this project continues."""
    if reader.data.get("carried_over_from") is None:
        return None
    lineage = RecordReader(
        reader.data["carried_over_from"],
        reader.at("carried_over_from"),
        reader.problems,
        fields=("plan", "code"),
    )
    return lineage.slug("plan", max_length=max_length(Plan, "slug")), lineage.code("code")


def contribution_read(reader: RecordReader) -> LinkRecord:
    low, high = CONTRIBUTION_STRENGTHS
    strength = reader.value("strength", required=True)
    in_range = is_integer(strength) and low <= strength <= high and strength != 0
    if strength is not None and not in_range:
        reader.error(
            "strength",
            f"expected an integer from {low} to {high} other than 0, found {describe(strength)}",
        )
    return LinkRecord(
        path=reader.path,
        target=reader.code("objective"),
        values={"strength": strength, "is_example": reader.boolean("is_example")},
    )


def dependency_read(reader: RecordReader) -> LinkRecord:
    return LinkRecord(
        path=reader.path,
        target=reader.code("project"),
        values={
            "lag_days": reader.integer("lag_days", low=0, high=MAX_LAG_DAYS, default=0),
            "is_example": reader.boolean("is_example"),
        },
    )


def role_read(reader: RecordReader) -> LinkRecord:
    return LinkRecord(
        path=reader.path,
        target=reader.slug("actor", max_length=max_length(Actor, "key")),
        values={
            "role": reader.choice("role", choices=ProjectRole.Role.values),
            "is_example": reader.boolean("is_example"),
        },
    )


INFLUENCE_FIELDS = ("source", "target", "strength", "is_example")
POSITION_FIELDS = ("actor", "objective", "position", "is_example")


def objective_influence_read(reader: RecordReader) -> PairRecord:
    """A cell of the objectives' cross-impact matrix: 0 to 3, or "P" for a potential influence."""
    low, high = OBJECTIVE_INFLUENCE_STRENGTHS
    value = reader.value("strength", required=True)
    is_potential = value == POTENTIAL
    strength = 0 if is_potential else value
    if value is not None and not is_potential and not (is_integer(value) and low <= value <= high):
        reader.error(
            "strength",
            f'expected an integer from {low} to {high} or "{POTENTIAL}", found {describe(value)}',
        )
    return PairRecord(
        path=reader.path,
        source=reader.code("source"),
        target=reader.code("target"),
        values={
            "strength": strength,
            "is_potential": is_potential,
            "is_example": reader.boolean("is_example"),
        },
    )


def actor_influence_read(reader: RecordReader) -> PairRecord:
    low, high = ACTOR_INFLUENCE_STRENGTHS
    slug_length = max_length(Actor, "key")
    return PairRecord(
        path=reader.path,
        source=reader.slug("source", max_length=slug_length),
        target=reader.slug("target", max_length=slug_length),
        values={
            "strength": reader.integer("strength", low=low, high=high),
            "is_example": reader.boolean("is_example"),
        },
    )


def position_read(reader: RecordReader) -> PairRecord:
    low, high = POSITIONS
    return PairRecord(
        path=reader.path,
        source=reader.slug("actor", max_length=max_length(Actor, "key")),
        target=reader.code("objective"),
        values={
            "position": reader.integer("position", low=low, high=high),
            "is_example": reader.boolean("is_example"),
        },
    )
