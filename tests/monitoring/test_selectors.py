"""The roll-up of progress: the latest published update counts, weighted by budget or equally,
with the projects counted by status at every level, in a constant number of queries."""

import datetime

import pytest

from ordito.monitoring import selectors, services
from ordito.monitoring.models import MonitoringSettings
from tests.monitoring.conftest import report
from tests.plans.factories import ContributionFactory, ProjectFactory

ROLLUP_QUERIES = (
    5  # projects with their latest update, contributions, objectives, setting, statuses
)


def published(project, by, **values):
    update = report(project, by, **values)
    return services.update_publish(update=update, version=update.version, by=by)


def test_plan_rollup_weights_by_budget(world):
    # A: budget 300 at 80%; B: budget 100 at 40% → (300·80 + 100·40) / 400 = 70.
    published(world.project_a, world.staff, progress=80)
    published(world.project_b, world.staff, progress=40, status="suspended")
    rollup = selectors.plan_rollup(plan=world.plan)
    assert rollup.weighting == "budget"
    assert rollup.plan.progress == pytest.approx(70)
    assert rollup.plan.by_status == {"in_progress": 1, "suspended": 1}
    assert [(a.progress, a.projects) for a in rollup.areas] == [(80, 1), (40, 1)]


def test_plan_rollup_weights_equally_when_the_plan_says_so(world):
    services.weighting_set(plan=world.plan, weighting="equal", by=world.staff)
    published(world.project_a, world.staff, progress=80)
    published(world.project_b, world.staff, progress=40)
    assert selectors.plan_rollup(plan=world.plan).plan.progress == pytest.approx(60)


def test_plan_rollup_counts_the_latest_published_update_only(world):
    published(world.project_a, world.staff, progress=30, date=datetime.date(2026, 1, 1))
    published(world.project_a, world.staff, progress=90, date=datetime.date(2026, 2, 1))
    report(world.project_a, world.contact_a, progress=100, date=datetime.date(2026, 3, 1))
    rollup = selectors.plan_rollup(plan=world.plan)
    assert rollup.areas[0].progress == 90
    # B has no published update: 0% and not reported; by budget (300·90 + 100·0) / 400.
    assert rollup.plan.progress == pytest.approx(67.5)
    assert rollup.plan.by_status == {"in_progress": 1, selectors.NOT_REPORTED: 1}


def test_plan_rollup_falls_back_to_equal_weights_without_budgets(world):
    for project in (world.project_a, world.project_b):
        project.budget_eur = None
        project.save()
    published(world.project_a, world.staff, progress=80)
    assert selectors.plan_rollup(plan=world.plan).plan.progress == pytest.approx(40)


def test_plan_rollup_reaches_objectives_through_positive_contributions(world):
    serves = ContributionFactory(project=world.project_a, strength=2)
    ContributionFactory(
        project=world.project_b, objective=serves.objective, strength=-1
    )  # works against it: not one of its projects
    published(world.project_a, world.staff, progress=60)
    objective = selectors.plan_rollup(plan=world.plan).objectives[0]
    assert (objective.key, objective.projects, objective.progress) == (serves.objective, 1, 60)


def test_plan_rollup_costs_the_same_queries_at_two_sizes(world, django_assert_num_queries):
    def grow(count):
        for _ in range(count):
            project = ProjectFactory(direction=world.project_a.direction, budget_eur=10)
            ContributionFactory(project=project)
            published(project, world.staff, progress=20)

    grow(2)
    with django_assert_num_queries(ROLLUP_QUERIES):
        small = selectors.plan_rollup(plan=world.plan)
    grow(30)
    with django_assert_num_queries(ROLLUP_QUERIES):
        large = selectors.plan_rollup(plan=world.plan)
    assert (small.plan.projects, large.plan.projects) == (4, 34)


def test_weighting_of_defaults_to_budget(world):
    assert selectors.weighting_of(plan=world.plan) == MonitoringSettings.Weighting.BUDGET
