"""Projects: the filtered list (updated in place by htmx), a project, and the plan's search."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject

from ordito.core.lookups import found_or_404
from ordito.plans import selectors
from ordito.plans.caching import plan_fragments
from ordito.plans.forms import ProjectFilterForm, SearchForm
from ordito.plans.views.lookups import plan_or_404

PROJECTS_PER_PAGE = 25
SEARCH_RESULTS_PER_KIND = 50


def project_list(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    form = ProjectFilterForm(request.GET, plan=plan)
    filters = form.filters()
    projects = selectors.project_list(plan=plan, filters=filters)
    page = Paginator(projects, PROJECTS_PER_PAGE).get_page(request.GET.get("page"))
    # htmx asks for the rows only (with the language switch for the new address), except when it
    # restores a page missing from its history cache.
    partial = request.htmx and not request.htmx.history_restore_request
    template = "plans/project_rows.html" if partial else "plans/project_list.html"
    context = {
        "plan": plan,
        "form": form,
        "page": page,
        # The page's rows are cached under these (plans/caching.py), and read only on a miss.
        "filters": filters,
        **plan_fragments(plan),
    }
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def project(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    # The row names the page and proves the project is there; its links are read only when the
    # cached part of the page is missing (plans/caching.py).
    row = found_or_404(selectors.project_row, plan=plan, pk=pk)
    context = {
        "plan": plan,
        "project": row,
        "details": SimpleLazyObject(lambda: selectors.project_get(plan=plan, pk=pk)),
        **plan_fragments(plan),
    }
    return render(request, "plans/project_detail.html", context)


def search(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    form = SearchForm(request.GET)
    query = form.query()
    results = selectors.plan_search(plan=plan, query=query, limit=SEARCH_RESULTS_PER_KIND)
    context = {"plan": plan, "form": form, "query": query, "results": results}
    return render(request, "plans/search.html", context)
