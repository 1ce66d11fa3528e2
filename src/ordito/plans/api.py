"""The plans' API: plans with their tree of areas, directions and objectives, their projects,
and the actors with their roles in projects (tagged `actors`).

Each operation's id is the selector it calls, so one grep finds the page, the endpoint and the
test.
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router
from ninja.pagination import paginate

from ordito.actors.models import Actor
from ordito.api.errors import INVALID, NOT_FOUND
from ordito.api.languages import localized
from ordito.api.pagination import LimitOffset
from ordito.api.parameters import ROW_ID_MAX
from ordito.core.lookups import found_or_404
from ordito.plans import selectors
from ordito.plans.models import Plan, Project
from ordito.plans.schemas import (
    ActorDetail,
    ActorFilterQuery,
    ActorSummary,
    PlanDetail,
    PlanSummary,
    ProjectDetail,
    ProjectFilterQuery,
    ProjectSummary,
)

router = Router(tags=["plans"])

SLUG = Path(..., max_length=60, pattern=r"^[-a-zA-Z0-9_]+$", description="The plan's slug.")


@router.get("/plans", response={200: list[PlanSummary], **INVALID}, operation_id="plan_list")
@localized
@paginate(LimitOffset)
def plan_list(request: HttpRequest) -> QuerySet[Plan]:
    """The plans, the most recent first."""
    return selectors.plan_list()


@router.get(
    "/plans/{slug}", response={200: PlanDetail, **NOT_FOUND, **INVALID}, operation_id="plan_get"
)
@localized
def plan_get(request: HttpRequest, slug: str = SLUG) -> Plan:
    """A plan with its meta-objectives and its tree: areas → directions → objectives."""
    return found_or_404(selectors.plan_get, slug=slug)


@router.get(
    "/plans/{slug}/projects",
    response={200: list[ProjectSummary], **NOT_FOUND, **INVALID},
    operation_id="project_list",
)
@localized
@paginate(LimitOffset)
def project_list(
    request: HttpRequest, filters: Query[ProjectFilterQuery], slug: str = SLUG
) -> QuerySet[Project]:
    """A plan's projects, filtered and sorted."""
    plan = get_object_or_404(selectors.plan_list(), slug=slug)
    return selectors.project_list(plan=plan, filters=filters.selector_filters())


@router.get(
    "/projects/{project_id}",
    response={200: ProjectDetail, **NOT_FOUND, **INVALID},
    operation_id="project_get",
)
@localized
def project_get(request: HttpRequest, project_id: int = Path(..., ge=1, le=ROW_ID_MAX)) -> Project:
    """A project with its objectives, dependencies, actors, place, budget and dates."""
    return found_or_404(selectors.project_get, pk=project_id)


@router.get(
    "/actors",
    tags=["actors"],
    response={200: list[ActorSummary], **INVALID},
    operation_id="actor_list",
)
@localized
@paginate(LimitOffset)
def actor_list(request: HttpRequest, filters: Query[ActorFilterQuery]) -> QuerySet[Actor]:
    """The actors, by name."""
    return selectors.actor_list(filters=filters.selector_filters())


@router.get(
    "/actors/{actor_id}",
    tags=["actors"],
    response={200: ActorDetail, **NOT_FOUND, **INVALID},
    operation_id="actor_get",
)
@localized
def actor_get(request: HttpRequest, actor_id: int = Path(..., ge=1, le=ROW_ID_MAX)) -> Actor:
    """An actor with its roles in projects."""
    return found_or_404(selectors.actor_get, pk=actor_id)
