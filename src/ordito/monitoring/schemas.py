"""The shapes of the monitoring's API: an update read and written, and the roll-up."""

import datetime
from decimal import Decimal

from ninja import Field, Schema

from ordito.monitoring.models import TEXT_MAX


class UpdateIn(Schema):
    date: datetime.date
    status: str = Field(..., max_length=32, description="The key of one of the plan's statuses.")
    progress: int = Field(..., description="Percent, 0 to 100.")
    text: str = Field(..., max_length=TEXT_MAX)
    next_steps: str = Field("", max_length=TEXT_MAX)
    problems: str = Field("", max_length=TEXT_MAX)
    spent: Decimal | None = Field(None, description="Euro spent so far, not negative.")


class UpdateOut(Schema):
    id: int
    project: int = Field(..., alias="project_id")
    date: datetime.date
    status: str = Field(..., alias="status.key")
    progress: int
    text: str
    next_steps: str
    problems: str
    spent: Decimal | None = Field(None, alias="spent_eur")
    version: int
    published: bool = Field(..., alias="is_published")


class LevelOut(Schema):
    label: str
    projects: int
    progress: float
    by_status: dict[str, int]


class ProgressOut(Schema):
    weighting: str
    plan: LevelOut
    areas: list[LevelOut]
    directions: list[LevelOut]
    objectives: list[LevelOut]
