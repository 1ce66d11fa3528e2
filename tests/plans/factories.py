"""Factories that build valid plan content; every link stays inside one plan."""

import factory

from ordito.plans.models import (
    Contribution,
    Dependency,
    Direction,
    MetaObjective,
    Objective,
    ObjectiveInfluence,
    Plan,
    Project,
    ThematicArea,
)


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"plan-{n}")
    title_it = factory.Sequence(lambda n: f"Piano strategico {n}")
    title_en = factory.Sequence(lambda n: f"Strategic plan {n}")
    territory_it = "Area metropolitana di Torino"
    territory_en = "Turin metropolitan area"
    period_start = 2006
    period_end = 2015
    vision_it = "Torino città della conoscenza"
    vision_en = "Turin, city of knowledge"
    status = Plan.Status.APPROVED


class MetaObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MetaObjective

    plan = factory.SubFactory(PlanFactory)
    code = factory.Sequence(lambda n: f"M{n}")
    title_it = factory.Sequence(lambda n: f"Meta-obiettivo {n}")
    title_en = factory.Sequence(lambda n: f"Meta-objective {n}")


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThematicArea

    plan = factory.SubFactory(PlanFactory)
    code = factory.Sequence(lambda n: f"A{n}")
    title_it = factory.Sequence(lambda n: f"Area {n}")
    title_en = factory.Sequence(lambda n: f"Area {n} (en)")
    order = factory.Sequence(int)


class DirectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Direction

    area = factory.SubFactory(AreaFactory)
    plan = factory.SelfAttribute("area.plan")
    code = factory.Sequence(lambda n: f"D{n}")
    title_it = factory.Sequence(lambda n: f"Direzione {n}")
    title_en = factory.Sequence(lambda n: f"Direction {n}")
    order = factory.Sequence(int)


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    direction = factory.SubFactory(DirectionFactory)
    plan = factory.SelfAttribute("direction.plan")
    code = factory.Sequence(lambda n: f"O{n}")
    title_it = factory.Sequence(lambda n: f"Obiettivo {n}")
    title_en = factory.Sequence(lambda n: f"Objective {n}")
    order = factory.Sequence(int)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    direction = factory.SubFactory(DirectionFactory)
    plan = factory.SelfAttribute("direction.plan")
    code = factory.Sequence(lambda n: f"P{n:05d}")
    title_it = factory.Sequence(lambda n: f"Progetto {n}")
    title_en = factory.Sequence(lambda n: f"Project {n}")
    description_it = "Un progetto di esempio."
    status = Project.Status.PLANNED
    is_example = True


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    project = factory.SubFactory(ProjectFactory)
    objective = factory.SubFactory(
        ObjectiveFactory, direction=factory.SelfAttribute("..project.direction")
    )
    strength = 2


class DependencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dependency

    project = factory.SubFactory(ProjectFactory)
    depends_on = factory.SubFactory(
        ProjectFactory, direction=factory.SelfAttribute("..project.direction")
    )
    lag_days = 0


class ObjectiveInfluenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ObjectiveInfluence

    source = factory.SubFactory(ObjectiveFactory)
    target = factory.SubFactory(
        ObjectiveFactory, direction=factory.SelfAttribute("..source.direction")
    )
    plan = factory.SelfAttribute("source.plan")
    strength = 2
