"""The plan's structure: the plan at a glance, its areas, directions and objectives."""

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from ordito.core.lookups import found_or_404
from ordito.plans import selectors
from ordito.plans.caching import plan_fragments
from ordito.plans.models import Plan
from ordito.plans.panels import plan_panels
from ordito.plans.views.lookups import plan_or_404

LATEST_CHANGES = 8
CONTRIBUTIONS_PER_PAGE = 25


def plan_overview(plan: Plan) -> dict[str, Any]:
    """What the at-a-glance page shows of a plan.

    Everything but the plan is read lazily, by the cached fragments of the page (plans/caching.py)
    when they are not in the cache: a page served from the cache runs none of these queries.
    """
    return {
        "plan": plan,
        "areas": selectors.plan_tree(plan=plan),
        "counts": SimpleLazyObject(lambda: selectors.plan_counts(plan=plan)),
        "latest_changes": selectors.plan_latest_changes(plan=plan, limit=LATEST_CHANGES),
        "panels": plan_panels(plan),
        **plan_fragments(plan),
    }


def plan(request: HttpRequest, plan_slug: str) -> HttpResponse:
    return render(request, "plans/plan_detail.html", plan_overview(plan_or_404(plan_slug)))


def area(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    area = found_or_404(selectors.area_get, plan=plan, pk=pk)
    return render(request, "plans/area_detail.html", {"plan": plan, "area": area})


def direction(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    direction = found_or_404(selectors.direction_get, plan=plan, pk=pk)
    return render(request, "plans/direction_detail.html", {"plan": plan, "direction": direction})


def objective(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    objective = found_or_404(selectors.objective_get, plan=plan, pk=pk)
    contributions = selectors.objective_contributions(objective=objective)
    page = Paginator(contributions, CONTRIBUTIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"plan": plan, "objective": objective, "page": page}
    return render(request, "plans/objective_detail.html", context)
