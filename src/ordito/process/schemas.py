"""The shapes of the process in the API: phases, commissions (public parts only), meetings with
their registration counts, a new meeting, and a registration's outcome.

Times are ISO 8601 with their offset; the API writes them in Italian time (Europe/Rome), as the
site shows them, and accepts any offset.
"""

from datetime import date, datetime
from typing import Annotated, Literal

from django.utils import timezone
from ninja import Field, Schema
from pydantic import PlainSerializer, field_validator

from ordito.api.parameters import Moment, RowId, absent_or_value
from ordito.api.schemas import MunicipalityRef, choices_enum
from ordito.process.models import Commission, Meeting
from ordito.process.models.meetings import MEETING_CAPACITY_MAX
from ordito.process.models.timeline import DatePrecision as DatePrecisionChoices
from ordito.process.selectors import MeetingApiFilters

# Written in Italian time with its offset (2027-05-12T09:00:00+02:00), as the site shows it.
RomeTime = Annotated[
    datetime, PlainSerializer(lambda value: timezone.localtime(value).isoformat(), return_type=str)
]

MeetingKind = choices_enum("MeetingKind", Meeting.Kind)
CommissionKind = choices_enum("CommissionKind", Commission.Kind)
DatePrecision = choices_enum("PhaseDatePrecision", DatePrecisionChoices)


class PhaseOut(Schema):
    id: int
    code: str
    order: int
    title: str
    description: str
    starts_on: date
    ends_on: date | None
    date_precision: DatePrecision
    is_current: bool
    is_example: bool


class CommissionRef(Schema):
    id: int
    code: str
    title: str


class CommissionSummary(Schema):
    id: int
    code: str
    kind: CommissionKind
    title: str
    area: str | None = Field(description="The code of the thematic area it works on.")
    is_example: bool

    @staticmethod
    def resolve_area(commission) -> str | None:
        return commission.area.code if commission.area_id else None


class CoordinatorOut(Schema):
    name: str
    actor: str | None = Field(description="The name of the actor they represent, if any.")


class CommissionDetail(CommissionSummary):
    mandate: str
    coordinators: list[CoordinatorOut]
    member_actors: list[str] = Field(description="Names of the actors its members represent.")
    member_count: int

    @staticmethod
    def resolve_coordinators(commission) -> list[dict]:
        return [
            {"name": str(m.user.person), "actor": m.actor.name if m.actor_id else None}
            for m in commission.memberships.all()
            if m.role == m.Role.COORDINATOR
        ]

    @staticmethod
    def resolve_member_actors(commission) -> list[str]:
        return sorted({m.actor.name for m in commission.memberships.all() if m.actor_id})

    @staticmethod
    def resolve_member_count(commission) -> int:
        return len(commission.memberships.all())


class MeetingSummary(Schema):
    id: int
    code: str
    kind: MeetingKind
    title: str
    starts_at: RomeTime
    ends_at: RomeTime
    address: str
    municipality: MunicipalityRef | None
    online_url: str
    capacity: int | None
    registration_opens_at: RomeTime | None
    registration_closes_at: RomeTime | None
    commissions: list[CommissionRef]
    is_example: bool


class MeetingDetail(MeetingSummary):
    description: str
    agenda: str
    confirmed: int = Field(description="Registrations with a confirmed place.")
    waitlisted: int = Field(description="Registrations on the waiting list.")
    minutes: str = Field(description="The minutes, once published; empty before.")

    @staticmethod
    def resolve_minutes(meeting) -> str:
        return meeting.minutes if meeting.is_minutes_published else ""


class MeetingFilterQuery(Schema):
    kind: MeetingKind | None = Field(None, json_schema_extra=absent_or_value)
    commission: RowId | None = Field(
        None, description="A commission's id.", json_schema_extra=absent_or_value
    )
    starts_after: Moment | None = Field(
        None, description="ISO 8601 with offset.", json_schema_extra=absent_or_value
    )
    starts_before: Moment | None = Field(
        None, description="ISO 8601 with offset.", json_schema_extra=absent_or_value
    )

    def selector_filters(self) -> MeetingApiFilters:
        return MeetingApiFilters(
            kind=self.kind.value if self.kind else "",
            commission_id=self.commission,
            starts_after=self.starts_after,
            starts_before=self.starts_before,
        )


Title = Annotated[str, Field(min_length=1, max_length=300)]
Text = Annotated[str, Field(max_length=20_000)]


class MeetingIn(Schema):
    title: Title
    kind: Literal[tuple(Meeting.Kind.values)]
    starts_at: Moment
    ends_at: Moment
    capacity: Annotated[int, Field(ge=0, le=MEETING_CAPACITY_MAX)] | None = None
    registration_opens_at: Moment | None = None
    registration_closes_at: Moment | None = None
    description: Text = ""
    agenda: Text = ""
    address: Annotated[str, Field(max_length=300)] = ""
    online_url: Annotated[str, Field(max_length=500)] = ""
    is_internal: bool = False

    @field_validator("title")
    @classmethod
    def title_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("Write a title.")
        return value


class RegistrationOut(Schema):
    status: Literal["confirmed", "waitlisted"]
    position: int | None = Field(
        description="The place on the waiting list, from 1; null for a confirmed place."
    )
