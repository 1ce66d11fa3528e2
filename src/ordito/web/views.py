"""The pages no single app owns: the home page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ordito.plans import selectors as plans
from ordito.plans.views.structure import plan_overview


def home(request: HttpRequest) -> HttpResponse:
    """The plan in force at a glance; the list of plans when none, or several, are in force."""
    plan = plans.plan_current()
    if plan is None:
        return render(request, "plans/plan_list.html", {"plans": plans.plan_list()})
    return render(request, "plans/plan_detail.html", {**plan_overview(plan), "is_home": True})
