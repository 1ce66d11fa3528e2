"""Reads of actors that pages, the API and the exporter share."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from ordito.actors.models import Actor, ProjectRole


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


def actor_get(*, pk: int) -> Actor:
    roles = ProjectRole.objects.select_related("project__plan").order_by(
        "project__plan__slug", "project__code", "role"
    )
    return (
        Actor.objects.select_related("municipality")
        .prefetch_related(Prefetch("roles", queryset=roles))
        .get(pk=pk)
    )
