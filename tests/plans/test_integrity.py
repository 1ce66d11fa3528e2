"""The rules that join a plan's parts, through the services that apply them to the database.

The same rules run on a file's records before an import (tests/interop/test_rules_agree.py).
"""

from itertools import pairwise

import pytest
from django.core.exceptions import ValidationError

from ordito.plans import services
from ordito.plans.integrity import dependency_cycles
from ordito.plans.models import Dependency, Plan, Project
from tests.plans.factories import PlanFactory, ProjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

# Refusing a dependency that closes a cycle, however long the chain: the service's savepoint, its
# rollback and release; the plan's lock; the row looked up by `upsert`; the two projects
# `full_clean` checks exist; whether the project is reachable from the one it would depend on (one
# recursive query), and the reachable dependencies that name the cycle. A search one level at a
# time made 2006 queries for a chain of 2,000 projects.
DEPENDENCY_CYCLE_REFUSAL_QUERIES = 9


def test_dependency_cycles_three_nodes_reports_the_closing_edge_first():
    edges = [("P01", "P02"), ("P02", "P03"), ("P03", "P01"), ("P03", "P04")]

    assert dependency_cycles(edges) == [["P03", "P01", "P02", "P03"]]


def test_dependency_cycles_acyclic_graph_with_shared_targets_reports_nothing():
    # A diamond: P04 is reached twice, but it is finished the second time, not on the path.
    edges = [("P01", "P02"), ("P01", "P03"), ("P02", "P04"), ("P03", "P04")]

    assert dependency_cycles(edges) == []


def test_dependency_cycles_reports_each_back_edge_once():
    edges = [("A", "B"), ("B", "A"), ("B", "A"), ("C", "D"), ("D", "C")]

    assert dependency_cycles(edges) == [["B", "A", "B"], ["D", "C", "D"]]


def test_plan_save_lineage_loop_through_the_database_names_the_chain():
    first = PlanFactory(slug="primo")
    second = PlanFactory(slug="secondo", previous=first)
    third = PlanFactory(slug="terzo", previous=second)

    with pytest.raises(ValidationError) as caught:
        services.plan_save(by=None, slug="primo", values={"previous": third})

    assert caught.value.message_dict == {
        "previous": [
            "This choice would make the plans' lineage a loop: primo → terzo → secondo → primo "
            "(each follows the next)."
        ]
    }
    assert Plan.objects.get(slug="primo").previous is None


def test_plan_own_previous_is_refused():
    plan = PlanFactory(slug="primo")
    plan.previous = plan

    with pytest.raises(ValidationError) as caught:
        plan.full_clean()

    assert caught.value.message_dict["previous"] == ["A plan cannot be its own previous plan."]


def test_plan_renamed_while_closing_a_loop_is_refused_under_its_new_name():
    # The database knows the plan as "primo"; the loop must be found through its new slug.
    first = PlanFactory(slug="primo")
    second = PlanFactory(slug="secondo", previous=first)
    first.slug, first.previous = "primo-bis", second

    with pytest.raises(ValidationError) as caught:
        first.full_clean()

    assert caught.value.message_dict["previous"] == [
        "This choice would make the plans' lineage a loop: primo-bis → secondo → primo-bis "
        "(each follows the next)."
    ]


def test_plan_after_an_unrelated_old_loop_is_accepted():
    # The loop between a and b was not made by this choice: it is not this plan's problem.
    a, b = PlanFactory(slug="a"), PlanFactory(slug="b")
    Plan.objects.filter(pk=a.pk).update(previous=b)
    Plan.objects.filter(pk=b.pk).update(previous=a)
    newer = PlanFactory(slug="c")
    newer.previous = a

    newer.full_clean()


def test_dependency_edited_to_a_new_pair_ignores_its_old_edge():
    # B depends on A. Editing that row into "A depends on B" replaces the edge: no cycle.
    a = ProjectFactory(code="A")
    b = ProjectFactory(code="B", direction=a.direction)
    dependency, _ = services.dependency_add(by=None, project=b, depends_on=a)
    dependency.project, dependency.depends_on = a, b

    dependency.full_clean()


def chain(size: int) -> list[Project]:
    """`size` projects of one plan, each depending on the next: P0000 → P0001 → …"""
    first = ProjectFactory(code="P0000")
    Project.objects.bulk_create(
        Project(plan=first.plan, direction=first.direction, code=f"P{n:04d}", title_it=f"P {n}")
        for n in range(1, size)
    )
    projects = list(Project.objects.filter(plan=first.plan).order_by("code"))
    Dependency.objects.bulk_create(
        Dependency(project=project, depends_on=following)
        for project, following in pairwise(projects)
    )
    return projects


@pytest.mark.parametrize("size", [3, 2000])
def test_dependency_add_closing_a_long_chain_costs_a_constant_number_of_queries(
    size, django_assert_num_queries
):
    projects = chain(size)
    first, last = projects[0], projects[-1]

    with (
        django_assert_num_queries(DEPENDENCY_CYCLE_REFUSAL_QUERIES),
        pytest.raises(ValidationError) as caught,
    ):
        services.dependency_add(by=None, project=last, depends_on=first)

    codes = " → ".join(project.code for project in [last, *projects])
    assert caught.value.message_dict == {
        "depends_on": [f"This dependency would close a cycle: {codes} (each depends on the next)."]
    }
    assert Dependency.objects.count() == size - 1


# Accepting a dependency: the savepoint and its release; the plan's lock; the row looked up by
# `upsert`; the two projects `full_clean` checks exist; whether the project is reachable (one
# recursive query); the unique pair; the check constraint in its own savepoint (three); the
# plan's content version raised; the row and its history written.
DEPENDENCY_ACCEPTED_QUERIES = 14


@pytest.mark.parametrize("size", [3, 2000])
def test_dependency_add_beside_a_long_chain_costs_a_constant_number_of_queries(
    size, django_assert_num_queries
):
    projects = chain(size)
    newcomer = ProjectFactory(plan=projects[0].plan, direction=projects[0].direction, code="Q0001")

    # The newcomer comes first: the whole chain is reachable from it, none of it leads back.
    with django_assert_num_queries(DEPENDENCY_ACCEPTED_QUERIES):
        services.dependency_add(by=None, project=newcomer, depends_on=projects[0])

    assert Dependency.objects.filter(project=newcomer).get().depends_on == projects[0]
