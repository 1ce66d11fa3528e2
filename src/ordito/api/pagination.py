"""Pagination of the API's lists: `limit` and `offset`, with the total in `count`.

ninja's `LimitOffsetPagination` with an upper bound on `offset`: an offset beyond what the
database's LIMIT/OFFSET accept would fail there (a 500) instead of answering 422. The page size
and the largest `limit` come from the settings `NINJA_PAGINATION_PER_PAGE` (25) and
`NINJA_PAGINATION_MAX_LIMIT` (100).
"""

from ninja import Field
from ninja.pagination import LimitOffsetPagination

# Far beyond any real list, far below the 64-bit bound of SQL OFFSET.
OFFSET_MAX = 10**9


class LimitOffset(LimitOffsetPagination):
    class Input(LimitOffsetPagination.Input):
        offset: int = Field(0, ge=0, le=OFFSET_MAX, description="How many items to skip.")
