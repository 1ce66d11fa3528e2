"""The actors' API: who takes part in the plans, and their roles in projects.

Each operation's id is the selector it calls.
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Path, Query, Router
from ninja.pagination import paginate

from ordito.actors import selectors
from ordito.actors.models import Actor
from ordito.actors.schemas import ActorDetail, ActorFilterQuery, ActorSummary
from ordito.api.errors import INVALID, NOT_FOUND
from ordito.api.languages import localized
from ordito.api.pagination import LimitOffset
from ordito.api.parameters import ROW_ID_MAX

router = Router(tags=["actors"])


@router.get("/actors", response={200: list[ActorSummary], **INVALID}, operation_id="actor_list")
@localized
@paginate(LimitOffset)
def actor_list(request: HttpRequest, filters: Query[ActorFilterQuery]) -> QuerySet[Actor]:
    """The actors, by name."""
    return selectors.actor_list(filters=filters.selector_filters())


@router.get(
    "/actors/{actor_id}",
    response={200: ActorDetail, **NOT_FOUND, **INVALID},
    operation_id="actor_get",
)
@localized
def actor_get(request: HttpRequest, actor_id: int = Path(..., ge=1, le=ROW_ID_MAX)) -> Actor:
    """An actor with its roles in projects."""
    return selectors.actor_get(pk=actor_id)
