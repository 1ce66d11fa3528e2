"""A plan with every input the analyses read, at a size the tests choose."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.cache import cache

from ordito.plans.models import Objective, Plan, Project
from tests.actors.factories import (
    ActorFactory,
    ActorInfluenceFactory,
    ActorPositionFactory,
    ProjectRoleFactory,
)
from tests.plans.factories import (
    ContributionFactory,
    DependencyFactory,
    DirectionFactory,
    MetaObjectiveFactory,
    ObjectiveFactory,
    ObjectiveInfluenceFactory,
    PlanFactory,
    ProjectFactory,
)

HOSTILE = '<script>alert("x")</script><b>Mobilità</b>'


@dataclass
class AnalysisPlan:
    plan: Plan
    objectives: list[Objective]
    projects: list[Project]
    # (source code, target code, strength, potential), as created
    influences: list[tuple[str, str, int, bool]]


def analysis_plan_build(*, size: int = 1, slug: str = "analisi") -> AnalysisPlan:
    """A plan with 4×size objectives (the first titled with HTML), their influences, 3×size
    actors with influences and positions, 5×size dated projects in a chain of dependencies,
    contributions and roles."""
    plan = PlanFactory(slug=slug)
    metas = [
        MetaObjectiveFactory(plan=plan, code=code, order=n)
        for n, code in enumerate(("COMP", "ATTR", "COES"))
    ]
    direction = DirectionFactory(area__plan=plan)
    objectives = []
    for n in range(4 * size):
        objective = ObjectiveFactory(
            direction=direction,
            code=f"OB{n:03d}",
            order=n,
            title_it=HOSTILE if n == 0 else f"Obiettivo {n}",
        )
        objective.meta_objectives.add(metas[n % 3])
        objectives.append(objective)
    influences = []
    count = len(objectives)
    for n, source in enumerate(objectives):
        pairs = [((n + 1) % count, 1 + n % 3, False)]
        if n % 2 == 0:
            pairs.append(((n + 2) % count, 3, False))
        if n == 1:
            pairs.append(((n + 2) % count, 0, True))
        for target, strength, potential in pairs:
            ObjectiveInfluenceFactory(
                plan=plan,
                source=source,
                target=objectives[target],
                strength=strength,
                is_potential=potential,
            )
            influences.append((source.code, objectives[target].code, strength, potential))
    actors = [ActorFactory(key=f"{slug}-actor-{n:03d}") for n in range(3 * size)]
    for n, actor in enumerate(actors):
        ActorInfluenceFactory(
            plan=plan, source=actor, target=actors[(n + 1) % len(actors)], strength=1 + n % 4
        )
        ActorPositionFactory(actor=actor, objective=objectives[n % count], position=n % 9 - 4)
        ActorPositionFactory(actor=actor, objective=objectives[(n + 1) % count], position=4 - n % 5)
    projects = []
    start = datetime.date(2007, 1, 1)
    for n in range(5 * size):
        project = ProjectFactory(
            direction=direction,
            code=f"PR{n:03d}",
            planned_start=start + datetime.timedelta(days=30 * n),
            planned_end=start + datetime.timedelta(days=30 * n + 100 + 10 * (n % 4)),
        )
        if projects:
            DependencyFactory(project=project, depends_on=projects[-1], lag_days=5)
        ContributionFactory(project=project, objective=objectives[n % count], strength=1 + n % 3)
        ContributionFactory(
            project=project, objective=objectives[(n + 3) % count], strength=-1 if n % 4 == 0 else 2
        )
        ProjectRoleFactory(project=project, actor=actors[n % len(actors)])
        ProjectRoleFactory(project=project, actor=actors[(n + 1) % len(actors)], role="partner")
        projects.append(project)
    return AnalysisPlan(plan, objectives, projects, influences)


@pytest.fixture
def analysis_plan(db) -> AnalysisPlan:
    return analysis_plan_build()


@pytest.fixture(autouse=True)
def _cache_emptied():
    """Every test starts with an empty cache: results are cached per plan and content version,
    and a plan of an earlier test can come back under the same id."""
    cache.clear()
    yield
    cache.clear()
