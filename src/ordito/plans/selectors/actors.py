"""Reads of actors with what they do in the plans: the actor list and an actor's roles."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from ordito.actors.models import Actor
from ordito.plans.models import Plan, ProjectRole
from ordito.plans.taking_part import ways_of_taking_part


@dataclass(frozen=True, slots=True)
class ActorFilters:
    kind: str | None = None
    q: str = ""

    def apply(self, actors: QuerySet[Actor]) -> QuerySet[Actor]:
        if self.kind:
            actors = actors.filter(kind=self.kind)
        for word in self.q.split()[:10]:
            actors = actors.filter(Q(name__icontains=word) | Q(sector__icontains=word))
        return actors


def actor_list(*, filters: ActorFilters | None = None) -> QuerySet[Actor]:
    actors = (
        Actor.objects.select_related("municipality")
        .annotate(project_count=Count("roles__project", distinct=True))
        .order_by("name", "key")
    )
    return (filters or ActorFilters()).apply(actors)


def actor_get(*, pk: int, with_roles: bool = True) -> Actor:
    """The actor with its municipality and, unless `with_roles` is false (pages that show them a
    page at a time, through `actor_roles`), all its roles in projects."""
    actors = Actor.objects.select_related("municipality")
    if with_roles:
        actors = actors.prefetch_related(Prefetch("roles", queryset=actor_roles()))
    return actors.get(pk=pk)


def actor_roles(*, actor: Actor | None = None) -> QuerySet[ProjectRole]:
    """The roles of `actor` (of every actor when None) in projects, with the projects and their
    plans, by plan, project code and role: an order without ties, so pages never overlap."""
    roles = ProjectRole.objects.select_related("project__plan").order_by(
        "project__plan__slug", "project__code", "role"
    )
    return roles if actor is None else roles.filter(actor=actor)


def plans_of_actor(*, actor: Actor | int) -> QuerySet[Plan]:
    """The plans `actor` takes part in, in every way registered in plans/taking_part.py, by slug;
    one query (each way is a subquery)."""
    taking_part = Q(pk__in=[])
    for way in ways_of_taking_part():
        rows = way.model._default_manager.filter(**{way.actor: actor})
        taking_part |= Q(pk__in=rows.values(way.plan))
    return Plan.objects.filter(taking_part).order_by("slug")


def actors_of_plan(*, plan: Plan | int) -> QuerySet[Actor]:
    """The actors that take part in `plan`, in every way registered in plans/taking_part.py, by
    name; one query."""
    taking_part = Q(pk__in=[])
    for way in ways_of_taking_part():
        rows = way.model._default_manager.filter(**{way.plan: plan})
        taking_part |= Q(pk__in=rows.values(way.actor))
    return Actor.objects.filter(taking_part).order_by("name", "key")


def actors_taking_part() -> QuerySet[Actor]:
    """The actors that take part in at least one plan, by name; one query."""
    taking_part = Q(pk__in=[])
    for way in ways_of_taking_part():
        rows = way.model._default_manager.all()
        taking_part |= Q(pk__in=rows.values(way.actor))
    return Actor.objects.filter(taking_part).order_by("name", "key")
