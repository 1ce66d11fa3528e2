"""Types of the parameters several operations share, with the bounds that keep bad input out.

Every bound here answers 422 naming the parameter for input that would otherwise reach the
database and fail there (a 500): ids beyond a 64-bit integer overflow SQLite and PostgreSQL, and
PostgreSQL refuses text containing a NUL character.
"""

from typing import Annotated, Any

from ninja import Field

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
