import pytest
from django.core.exceptions import ValidationError

from ordito.actors import services
from ordito.actors.models import Actor, ActorInfluence, ActorPosition, ProjectRole
from tests.actors.factories import ActorFactory
from tests.plans.factories import ObjectiveFactory, PlanFactory, ProjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_actor_save_is_idempotent_and_validates_kind_and_website():
    values = {"name": "Politecnico di Torino", "kind": Actor.Kind.UNIVERSITY}
    actor, written = services.actor_save(by=None, key="polito", values=values)
    assert written
    assert services.actor_save(by=None, key="polito", values=values) == (actor, False)
    with pytest.raises(ValidationError) as caught:
        services.actor_save(
            by=None, key="other", values={"name": "X", "kind": "alien", "website": "not a url"}
        )
    assert {"kind", "website"} <= set(caught.value.message_dict)
    assert Actor.objects.count() == 1


def test_actor_save_membership_ending_before_it_starts_is_refused():
    import datetime

    with pytest.raises(ValidationError) as caught:
        services.actor_save(
            by=None,
            key="x",
            values={
                "name": "X",
                "kind": Actor.Kind.COMPANY,
                "member_since": datetime.date(2005, 1, 1),
                "member_until": datetime.date(2001, 1, 1),
            },
        )
    assert "membership" in str(caught.value)


def test_project_role_add_refuses_unknown_role_and_is_idempotent():
    actor, project = ActorFactory(), ProjectFactory()
    services.project_role_add(by=None, actor=actor, project=project, role="promoter")
    services.project_role_add(by=None, actor=actor, project=project, role="promoter")
    assert ProjectRole.objects.count() == 1
    with pytest.raises(ValidationError) as caught:
        services.project_role_add(by=None, actor=actor, project=project, role="boss")
    assert "role" in caught.value.message_dict


def test_actor_influence_set_range_and_self():
    plan, a, b = PlanFactory(), ActorFactory(), ActorFactory()
    services.actor_influence_set(by=None, plan=plan, source=a, target=b, strength=4)
    with pytest.raises(ValidationError) as caught:
        services.actor_influence_set(by=None, plan=plan, source=a, target=b, strength=5)
    assert "strength" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.actor_influence_set(by=None, plan=plan, source=a, target=a, strength=1)
    assert "target" in caught.value.message_dict
    assert ActorInfluence.objects.get().strength == 4


def test_actor_position_set_range():
    actor, objective = ActorFactory(), ObjectiveFactory()
    services.actor_position_set(by=None, actor=actor, objective=objective, position=-4)
    for position in (-5, 5):
        with pytest.raises(ValidationError) as caught:
            services.actor_position_set(
                by=None, actor=actor, objective=objective, position=position
            )
        assert "position" in caught.value.message_dict
    assert ActorPosition.objects.get().position == -4
