"""Types of the parameters several operations share, with the bounds that keep bad input out.

Every bound here answers 422 naming the parameter for input that would otherwise reach the
database and fail there (a 500): ids beyond a 64-bit integer overflow SQLite and PostgreSQL,
PostgreSQL refuses text containing a NUL character, and it refuses a time whose offset from UTC
is beyond ±15:59 (ISO 8601 and Python allow up to ±23:59).
"""

from datetime import UTC, datetime
from typing import Annotated, Any

from ninja import Field
from pydantic import AfterValidator, AwareDatetime

# The largest primary key both databases store (a signed 64-bit integer, BigAutoField).
ROW_ID_MAX = 2**63 - 1
TEXT_QUERY_MAX_LENGTH = 200
NO_NUL_CHARACTER = r"^[^\x00]*$"

RowId = Annotated[int, Field(ge=1, le=ROW_ID_MAX)]
SearchText = Annotated[
    str,
    Field(
        max_length=TEXT_QUERY_MAX_LENGTH,
        pattern=NO_NUL_CHARACTER,
        description="Words that must all appear (case-insensitive), in Italian or English.",
    ),
]


def in_utc(moment: datetime) -> datetime:
    """`moment` in UTC: what the database stores, whatever offset it was written with."""
    try:
        return moment.astimezone(UTC)
    except OverflowError as error:  # year 1 minus an offset, or year 9999 plus one
        raise ValueError("The time is out of the range of dates this site stores.") from error


# A date and time with its offset from UTC (ISO 8601), converted to UTC.
Moment = Annotated[AwareDatetime, AfterValidator(in_utc)]


def absent_or_value(schema: dict[str, Any]) -> None:
    """Document an optional query parameter (`X | None = None`) as `X` alone.

    A query parameter is either absent or a value; it is never JSON null, so the OpenAPI document
    should not offer null. The field stays `X | None` in Python, which keeps validation errors
    located at the parameter's name (a union with a hidden None would add a branch to `loc`).
    Pass it as `Field(json_schema_extra=absent_or_value)`.
    """
    branches = [branch for branch in schema.pop("anyOf") if branch != {"type": "null"}]
    (value,) = branches
    schema.update(value)
