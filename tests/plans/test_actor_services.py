import pytest
from django.core.exceptions import ValidationError

from ordito.plans import services
from ordito.plans.models import ActorInfluence, ActorPosition, ProjectRole
from tests.actors.factories import ActorFactory
from tests.plans.factories import ObjectiveFactory, PlanFactory, ProjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


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
    assert caught.value.message_dict == {"target": ["An actor cannot influence itself."]}
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
