"""The shapes of plans, projects and actors in the API (ninja schemas), and the lists' filters.

Titles and descriptions are read as `obj.title`: django-modeltranslation gives the language the
request chose (see `ordito.api.languages`), falling back to Italian. Field names follow the plan
interchange format (docs/plan-format.md): `period_start`, `previous` as a slug, `budget_eur` as a
decimal string, municipalities by ISTAT code.
"""

from datetime import date
from typing import Annotated, Literal

from ninja import Field, Schema

from ordito.actors.models import Actor
from ordito.api.parameters import RowId, SearchText, absent_or_value
from ordito.api.schemas import MunicipalityRef, choices_enum
from ordito.plans.example_facts import EXAMPLE_FIELDS
from ordito.plans.models import Contribution, Plan, Project, ProjectRole, ThematicArea
from ordito.plans.selectors import PROJECT_SORTS, ActorFilters, ProjectFilters

ProjectSort = Literal[tuple(PROJECT_SORTS)]
ExampleField = Literal[EXAMPLE_FIELDS]

PlanStatus = choices_enum("PlanStatus", Plan.Status)
AreaKind = choices_enum("AreaKind", ThematicArea.Kind)
ProjectKind = choices_enum("ProjectKind", Project.Kind)
ProjectStatus = choices_enum("ProjectStatus", Project.Status)
ActorKind = choices_enum("ActorKind", Actor.Kind)
RoleKind = choices_enum("RoleKind", ProjectRole.Role)

IstatCode = Annotated[str, Field(pattern=r"^[0-9]{6}$")]
# Euro with two decimals, as a string so that no cent is lost to a binary float.
Budget = Annotated[str, Field(pattern=r"^[0-9]+\.[0-9]{2}$", description="Euro, two decimals.")]
Latitude = Annotated[float, Field(ge=-90, le=90)]
Longitude = Annotated[float, Field(ge=-180, le=180)]
ExampleFields = Annotated[
    list[ExampleField],
    Field(
        description="For a real project (is_example false), the fields whose values are "
        "invented for a demo."
    ),
]


class PartRef(Schema):
    """A coded part of a plan: a meta-objective, an area, an objective, a project."""

    id: int
    code: str
    title: str


class ObjectiveNode(Schema):
    id: int
    code: str
    title: str
    short_title: str
    meta_objectives: list[str] = Field(description="Codes of the plan's meta-objectives it serves.")
    is_example: bool

    @staticmethod
    def resolve_meta_objectives(objective) -> list[str]:
        return [meta.code for meta in objective.meta_objectives.all()]


class DirectionNode(Schema):
    id: int
    code: str
    title: str
    is_example: bool
    objectives: list[ObjectiveNode]


class AreaNode(Schema):
    id: int
    code: str
    kind: AreaKind
    title: str
    is_example: bool
    directions: list[DirectionNode]


class PlanSummary(Schema):
    slug: str
    title: str
    territory: str
    period_start: int
    period_end: int
    status: PlanStatus
    previous: str | None = Field(description="Slug of the previous plan.")

    @staticmethod
    def resolve_previous(plan) -> str | None:
        return plan.previous.slug if plan.previous_id else None


class PlanDetail(PlanSummary):
    vision: str
    description: str
    approved_on: date | None
    meta_objectives: list[PartRef]
    areas: list[AreaNode] = Field(description="Areas → directions → objectives, in plan order.")


class DirectionRef(Schema):
    id: int
    code: str
    title: str
    area: PartRef


# An actor as a project shows it.
class ActorRef(Schema):
    id: int
    key: str
    name: str
    kind: ActorKind


class ProjectSummary(Schema):
    id: int
    code: str
    kind: ProjectKind
    title: str
    status: ProjectStatus
    direction: DirectionRef | None
    municipality: MunicipalityRef | None
    budget_eur: Budget | None
    promoters: list[ActorRef]
    is_example: bool
    example_fields: ExampleFields

    @staticmethod
    def resolve_budget_eur(project) -> str | None:
        return None if project.budget_eur is None else f"{project.budget_eur:.2f}"

    @staticmethod
    def resolve_promoters(project) -> list[Actor]:
        return [role.actor for role in project.promoter_roles]


class ContributionOut(Schema):
    objective: PartRef
    strength: int = Field(ge=-3, le=3, description="From −3 (works against) to +3 (serves).")
    is_example: bool


class ProjectRef(Schema):
    id: int
    code: str
    title: str
    plan: str = Field(description="Slug of the project's plan.")

    @staticmethod
    def resolve_plan(project) -> str:
        return project.plan.slug


class DependencyOut(Schema):
    project: PartRef = Field(description="The project this one cannot start before.")
    lag_days: int = Field(ge=0)
    is_example: bool

    @staticmethod
    def resolve_project(dependency) -> Project:
        return dependency.depends_on


class RoleOut(Schema):
    role: RoleKind
    actor: ActorRef
    is_example: bool


class ProjectDetail(Schema):
    id: int
    plan: str = Field(description="Slug of the project's plan.")
    code: str
    kind: ProjectKind
    title: str
    description: str
    status: ProjectStatus
    direction: DirectionRef | None
    objectives: list[ContributionOut]
    dependencies: list[DependencyOut]
    roles: list[RoleOut]
    municipality: MunicipalityRef | None
    latitude: Latitude | None
    longitude: Longitude | None
    budget_eur: Budget | None
    planned_start: date | None
    planned_end: date | None
    actual_start: date | None
    actual_end: date | None
    is_example: bool
    example_fields: ExampleFields
    carried_over_from: ProjectRef | None = Field(
        description="The action of the previous plan this project continues."
    )

    @staticmethod
    def resolve_plan(project) -> str:
        return project.plan.slug

    @staticmethod
    def resolve_objectives(project) -> list[Contribution]:
        return list(project.contributions.all())

    @staticmethod
    def resolve_latitude(project) -> float | None:
        return None if project.latitude is None else float(project.latitude)

    @staticmethod
    def resolve_longitude(project) -> float | None:
        return None if project.longitude is None else float(project.longitude)

    @staticmethod
    def resolve_budget_eur(project) -> str | None:
        return ProjectSummary.resolve_budget_eur(project)


class ProjectFilterQuery(Schema):
    """The project list's filters as query parameters; each one narrows the list."""

    area: RowId | None = Field(
        None, description="Id of a thematic area.", json_schema_extra=absent_or_value
    )
    direction: RowId | None = Field(
        None, description="Id of a direction.", json_schema_extra=absent_or_value
    )
    status: ProjectStatus | None = Field(None, json_schema_extra=absent_or_value)
    municipality: IstatCode | None = Field(
        None, description="ISTAT code.", json_schema_extra=absent_or_value
    )
    promoter: RowId | None = Field(
        None, description="Id of a promoting actor.", json_schema_extra=absent_or_value
    )
    q: SearchText = ""
    sort: ProjectSort = "code"

    def selector_filters(self) -> ProjectFilters:
        return ProjectFilters(**self.model_dump())


class ActorSummary(Schema):
    id: int
    key: str
    name: str
    kind: ActorKind
    sector: str
    municipality: MunicipalityRef | None
    project_count: int = Field(ge=0, description="Projects the actor has a role in.")
    is_example: bool


class ActorRoleOut(Schema):
    role: RoleKind
    project: ProjectRef
    is_example: bool


class ActorDetail(Schema):
    id: int
    key: str
    name: str
    kind: ActorKind
    sector: str
    municipality: MunicipalityRef | None
    website: str
    description: str
    member_since: date | None = Field(description="Member of the plan's association since.")
    member_until: date | None
    roles: list[ActorRoleOut] = Field(description="Roles in projects, by plan and project code.")
    is_example: bool


class ActorFilterQuery(Schema):
    """The actor list's filters as query parameters; each one narrows the list."""

    kind: ActorKind | None = Field(None, json_schema_extra=absent_or_value)
    q: SearchText = ""

    def selector_filters(self) -> ActorFilters:
        return ActorFilters(**self.model_dump())
