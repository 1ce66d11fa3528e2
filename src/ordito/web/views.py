"""The pages no single app owns: the home page, the privacy notice."""

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


def privacy(request: HttpRequest) -> HttpResponse:
    """What Ordito keeps about people, why, for how long, and how they get it or erase it."""
    return render(request, "web/privacy.html")
