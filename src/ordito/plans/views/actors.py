"""Actors: the list (filtered by kind and name) and an actor with its roles in projects, paged."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ordito.core.lookups import found_or_404
from ordito.plans import selectors
from ordito.plans.forms import ActorFilterForm

ACTORS_PER_PAGE = 25
ROLES_PER_PAGE = 25


def actor_list(request: HttpRequest) -> HttpResponse:
    form = ActorFilterForm(request.GET)
    actors = selectors.actor_list(filters=form.filters())
    page = Paginator(actors, ACTORS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "plans/actor_list.html", {"form": form, "page": page})


def actor(request: HttpRequest, pk: int) -> HttpResponse:
    actor = found_or_404(selectors.actor_get, pk=pk, with_roles=False)
    roles = selectors.actor_roles(actor=actor)
    page = Paginator(roles, ROLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "plans/actor_detail.html", {"actor": actor, "page": page})
