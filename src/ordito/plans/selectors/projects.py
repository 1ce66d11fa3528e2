"""Reads of a plan's projects: the filtered and sorted list, a project with its links."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import F, Prefetch, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ordito.actors.models import Actor
from ordito.plans.models import (
    Contribution,
    Dependency,
    Direction,
    Plan,
    Project,
    ProjectRole,
    ThematicArea,
)
from ordito.plans.selectors.structure import text_matches
from ordito.territory.selectors import municipality_list


def localized_title() -> Coalesce:
    """The title in the active language, or the Italian one where that is empty."""
    language = get_language() or "it"
    if language.startswith("it"):
        return Lower("title_it")
    return Lower(Coalesce(NullIf(f"title_{language[:2]}", Value("")), "title_it"))


@dataclass(frozen=True, slots=True)
class ProjectSort:
    """One order of the project list: its label, and its ordering (empty values go last)."""

    label: str
    ordering: Callable[[], tuple]


# The one list of the project list's orders: the site's form, the API's `sort` parameter and the
# selector all derive theirs from it. The first is the default.
PROJECT_SORTS: dict[str, ProjectSort] = {
    "code": ProjectSort(_("Code"), lambda: (F("code").asc(),)),
    "title": ProjectSort(_("Title"), lambda: (localized_title().asc(), F("code").asc())),
    "status": ProjectSort(_("Status"), lambda: (F("status").asc(), F("code").asc())),
    "start": ProjectSort(
        _("Planned start"), lambda: (F("planned_start").asc(nulls_last=True), F("code").asc())
    ),
    "budget": ProjectSort(
        _("Budget, smallest first"),
        lambda: (F("budget_eur").asc(nulls_last=True), F("code").asc()),
    ),
    "-budget": ProjectSort(
        _("Budget, largest first"),
        lambda: (F("budget_eur").desc(nulls_last=True), F("code").asc()),
    ),
}


def project_sort(sort: str) -> tuple:
    """The ordering of a project list sort; unknown sorts order by code."""
    return PROJECT_SORTS.get(sort, PROJECT_SORTS["code"]).ordering()


@dataclass(frozen=True, slots=True)
class ProjectFilters:
    """Filters of the project list; `None` means "any"."""

    area: int | None = None
    direction: int | None = None
    status: str | None = None
    municipality: str | None = None  # ISTAT code
    promoter: int | None = None  # actor id
    q: str = ""
    sort: str = "code"

    def apply(self, projects: QuerySet[Project]) -> QuerySet[Project]:
        if self.area is not None:
            projects = projects.filter(direction__area_id=self.area)
        if self.direction is not None:
            projects = projects.filter(direction_id=self.direction)
        if self.status:
            projects = projects.filter(status=self.status)
        if self.municipality:
            projects = projects.filter(municipality__istat_code=self.municipality)
        if self.promoter is not None:
            projects = projects.filter(
                pk__in=ProjectRole.objects.filter(
                    actor_id=self.promoter, role=ProjectRole.Role.PROMOTER
                ).values("project_id")
            )
        if self.q:
            projects = projects.filter(text_matches(self.q, "code", "title", "description"))
        return projects.order_by(*project_sort(self.sort))


def project_list(*, plan: Plan, filters: ProjectFilters) -> QuerySet[Project]:
    promoters = ProjectRole.objects.filter(role=ProjectRole.Role.PROMOTER).select_related("actor")
    return filters.apply(
        Project.objects.filter(plan=plan)
        .select_related("direction__area", "municipality")
        .prefetch_related(Prefetch("roles", queryset=promoters, to_attr="promoter_roles"))
    )


def project_row(*, plan: Plan, pk: int) -> Project:
    """The plan's project row alone, without its links (`project_get` reads those)."""
    return Project.objects.get(plan=plan, pk=pk)


def project_get(*, pk: int, plan: Plan | None = None) -> Project:
    projects = Project.objects.all() if plan is None else Project.objects.filter(plan=plan)
    contributions = Contribution.objects.select_related("objective").order_by(
        "objective__order", "objective__code"
    )
    dependencies = Dependency.objects.select_related("depends_on").order_by("depends_on__code")
    roles = ProjectRole.objects.select_related("actor").order_by("role", "actor__name")
    return (
        projects.select_related(
            "plan", "direction__area", "municipality", "carried_over_from__plan"
        )
        .prefetch_related(
            Prefetch("contributions", queryset=contributions),
            Prefetch("dependencies", queryset=dependencies),
            Prefetch("roles", queryset=roles),
        )
        .get(pk=pk)
    )


def project_filter_choices(*, plan: Plan) -> dict[str, list]:
    """The choices of the project list's filters, in the active language: the plan's areas, its
    directions grouped by area, the municipalities of its projects and its promoters."""
    areas = ThematicArea.objects.filter(plan=plan).order_by("order", "code")
    directions = (
        Direction.objects.filter(plan=plan)
        .select_related("area")
        .order_by("area__order", "area__code", "order", "code")
    )
    grouped: dict[str, list[tuple[int, str]]] = {}
    for direction in directions:
        grouped.setdefault(str(direction.area), []).append((direction.pk, str(direction)))
    municipalities = municipality_list(pks=Project.objects.filter(plan=plan).values("municipality"))
    promoters = (
        Actor.objects.filter(roles__role=ProjectRole.Role.PROMOTER, roles__project__plan=plan)
        .distinct()
        .order_by("name", "key")
    )
    return {
        "area": [(area.pk, str(area)) for area in areas],
        "direction": list(grouped.items()),
        "municipality": list(municipalities.values_list("istat_code", "name")),
        "promoter": list(promoters.values_list("pk", "name")),
    }
