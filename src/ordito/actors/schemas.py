"""The shapes of actors in the API (ninja schemas), and the actor list's filters.

An actor's name is a proper name and stays as it is; its description follows the language the
request chose (see `ordito.api.languages`), falling back to Italian.
"""

from datetime import date

from ninja import Field, Schema

from ordito.actors.selectors import ActorFilters
from ordito.api.parameters import SearchText, absent_or_value
from ordito.api.schemas import MunicipalityRef
from ordito.plans.schemas import ActorKind, ProjectRef, RoleKind


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
