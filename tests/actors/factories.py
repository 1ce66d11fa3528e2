import factory

from ordito.actors.models import Actor
from ordito.plans.models import ActorInfluence, ActorPosition, ProjectRole
from tests.plans.factories import ObjectiveFactory, PlanFactory, ProjectFactory


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    key = factory.Sequence(lambda n: f"actor-{n}")
    name = factory.Sequence(lambda n: f"Ente {n}")
    kind = Actor.Kind.PUBLIC_INSTITUTION
    sector = "Pubblica amministrazione"
    is_example = True


class ProjectRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectRole

    actor = factory.SubFactory(ActorFactory)
    project = factory.SubFactory(ProjectFactory)
    role = ProjectRole.Role.PROMOTER


class ActorInfluenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActorInfluence

    plan = factory.SubFactory(PlanFactory)
    source = factory.SubFactory(ActorFactory)
    target = factory.SubFactory(ActorFactory)
    strength = 2


class ActorPositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActorPosition

    actor = factory.SubFactory(ActorFactory)
    objective = factory.SubFactory(ObjectiveFactory)
    position = 3
