"""Which plans an actor takes part in, and which actors take part in a plan: every way registered
in plans/taking_part.py counts, in one query whatever the number of rows."""

import pytest

from ordito.plans.selectors import actors_of_plan, actors_taking_part, plans_of_actor
from ordito.plans.taking_part import taking_part_register
from tests.actors.factories import (
    ActorFactory,
    ActorInfluenceFactory,
    ActorPositionFactory,
    ProjectRoleFactory,
)
from tests.plans.factories import ObjectiveFactory, PlanFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_each_way_of_taking_part_counts():
    by_role, by_position, by_influence = PlanFactory(), PlanFactory(), PlanFactory()
    unrelated = PlanFactory()
    actor, other = ActorFactory(), ActorFactory()
    ProjectRoleFactory(actor=actor, project=ProjectFactory(direction__area__plan=by_role))
    ActorPositionFactory(actor=actor, objective=ObjectiveFactory(direction__area__plan=by_position))
    ActorInfluenceFactory(plan=by_influence, source=other, target=actor)
    ProjectRoleFactory(actor=other, project=ProjectFactory(direction__area__plan=unrelated))
    assert list(plans_of_actor(actor=actor)) == sorted(
        [by_role, by_position, by_influence], key=lambda plan: plan.slug
    )
    assert list(plans_of_actor(actor=other)) == sorted(
        [by_influence, unrelated], key=lambda plan: plan.slug
    )
    assert list(actors_of_plan(plan=by_influence)) == sorted([actor, other], key=str)
    assert list(actors_of_plan(plan=by_position)) == [actor]


def test_an_actor_that_takes_part_nowhere_has_no_plan():
    loner = ActorFactory()
    ProjectRoleFactory()
    assert list(plans_of_actor(actor=loner)) == []
    assert loner not in actors_taking_part()
    assert actors_taking_part().count() == 1


def test_a_project_role_counts_once_however_many_roles(django_assert_num_queries):
    plan = PlanFactory()
    actor = ActorFactory()
    for _n in range(5):
        ProjectRoleFactory(actor=actor, project=ProjectFactory(direction__area__plan=plan))
    with django_assert_num_queries(1):
        assert list(plans_of_actor(actor=actor)) == [plan]
    with django_assert_num_queries(1):
        assert list(actors_of_plan(plan=plan)) == [actor]


def test_registering_the_same_way_twice_is_an_error():
    from ordito.plans.models import ProjectRole

    with pytest.raises(ValueError, match="already registered"):
        taking_part_register(ProjectRole, actor="actor", plan="project__plan")
