"""A small monitored plan: two areas, a project per actor, a contact for each actor, staff of
this plan and of another."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.contrib.auth.models import AbstractBaseUser

from ordito.monitoring import services
from ordito.people.models import Affiliation, PlanRole
from ordito.people.roles import STAFF
from ordito.plans.models import Plan, Project, ProjectRole
from tests.actors.factories import ActorFactory
from tests.people.factories import PersonFactory
from tests.plans.factories import DirectionFactory, PlanFactory, ProjectFactory


@dataclass
class World:
    plan: Plan
    project_a: Project  # actor A's, budget 300
    project_b: Project  # actor B's, budget 100, another area
    contact_a: AbstractBaseUser
    contact_b: AbstractBaseUser
    staff: AbstractBaseUser
    other_staff: AbstractBaseUser
    outsider: AbstractBaseUser


def person(name: str) -> AbstractBaseUser:
    return PersonFactory(display_name=name, user__password="!").user


@pytest.fixture
def world(db) -> World:
    plan = PlanFactory()
    actor_a, actor_b = ActorFactory(), ActorFactory()
    project_a = ProjectFactory(direction=DirectionFactory(area__plan=plan), budget_eur=300)
    project_b = ProjectFactory(direction=DirectionFactory(area__plan=plan), budget_eur=100)
    ProjectRole.objects.create(actor=actor_a, project=project_a, role="promoter")
    ProjectRole.objects.create(actor=actor_b, project=project_b, role="promoter")
    contact_a, contact_b = person("Anna"), person("Bruno")
    for user, actor in ((contact_a, actor_a), (contact_b, actor_b)):
        Affiliation.objects.create(user=user, actor=actor, status=Affiliation.Status.CONFIRMED)
    staff, other_staff = person("Stella"), person("Otto")
    PlanRole.objects.create(user=staff, plan=plan, role=STAFF)
    PlanRole.objects.create(user=other_staff, plan=PlanFactory(), role=STAFF)
    services.statuses_ensure(plan=plan, by=staff)
    return World(
        plan=plan,
        project_a=project_a,
        project_b=project_b,
        contact_a=contact_a,
        contact_b=contact_b,
        staff=staff,
        other_staff=other_staff,
        outsider=person("Ugo"),
    )


def report(project: Project, by: AbstractBaseUser, **values):
    """An update with valid defaults for what the test does not name."""
    fields = {
        "date": datetime.date(2026, 1, 15),
        "status": "in_progress",
        "progress": 50,
        "text": "Lavori avviati.",
        "spent_eur": Decimal("10.00"),
    }
    fields.update(values)
    return services.update_record(project=project, by=by, **fields)
