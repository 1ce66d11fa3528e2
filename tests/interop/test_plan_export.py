"""Exporting plans: a stable document, a constant number of queries, and a byte-identical round trip."""

import datetime
import itertools
import json
from decimal import Decimal

import pytest
import yaml

from ordito.actors.models import Actor
from ordito.interop.plan_export import plan_export, plan_export_text
from ordito.interop.plan_import import plan_import
from ordito.plans.models import Plan
from tests.actors.factories import (
    ActorFactory,
    ActorInfluenceFactory,
    ActorPositionFactory,
    ProjectRoleFactory,
)
from tests.plans.factories import (
    AreaFactory,
    ContributionFactory,
    DependencyFactory,
    DirectionFactory,
    MetaObjectiveFactory,
    ObjectiveFactory,
    ObjectiveInfluenceFactory,
    PlanFactory,
    ProjectFactory,
)
from tests.territory.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

# Meta-objectives; areas, directions, objectives and their meta-objectives; projects, their
# contributions, dependencies and roles; the three matrices; actors.
EXPORT_QUERIES = 13


def rich_plans(*, projects: int = 4) -> tuple[Plan, Plan]:
    """A previous plan with one action, and a plan using every field of the format."""
    torino = MunicipalityFactory()
    previous = PlanFactory(slug="piano-2000", period_start=2000, period_end=2005, status="closed")
    old_line = DirectionFactory(area=AreaFactory(plan=previous, code="L"), code="1")
    old_action = ProjectFactory(direction=old_line, code="1.2.3", kind="action", is_example=False)
    plan = PlanFactory(
        slug="piano-2006",
        previous=previous,
        approved_on=datetime.date(2006, 7, 1),
        description_it="Il piano",
        description_en="The plan",
    )
    competitiveness = MetaObjectiveFactory(plan=plan, code="COMP", order=0)
    cohesion = MetaObjectiveFactory(plan=plan, code="COES", order=1, description_en="Cohesion")
    knowledge = AreaFactory(plan=plan, code="CON", kind="transversal", order=9, is_example=True)
    territory = AreaFactory(plan=plan, code="TER", order=1, description_it="Territorio")
    mobility = DirectionFactory(area=territory, code="MOB", order=5)
    research = DirectionFactory(area=knowledge, code="RIC", order=2, is_example=True)
    first = ObjectiveFactory(direction=mobility, code="MOB 1", short_title_it="Metro", order=3)
    second = ObjectiveFactory(direction=mobility, code="MOB 2", is_example=True, order=1)
    third = ObjectiveFactory(direction=research, code="RIC 1", title_en=None, order=0)
    first.meta_objectives.set([competitiveness, cohesion])
    actors = [
        ActorFactory(
            key="comune-torino",
            name="Città di Torino",
            kind="municipality",
            municipality=torino,
            website="https://www.comune.torino.it",
            member_since=datetime.date(2000, 5, 9),
            member_until=datetime.date(2010, 12, 31),
            description_it="Il comune",
            description_en="The city",
            is_example=False,
        ),
        ActorFactory(key="gtt", name="GTT", kind="company", sector=""),
        ActorFactory(key="politecnico", name="Politecnico di Torino", kind="university"),
    ]
    ActorFactory(key="not-in-this-plan")
    made = [
        ProjectFactory(
            direction=mobility,
            code=f"P{number:02d}",
            title_it=f"<script>alert({number})</script> Progetto",
            title_en=f"Project {number}",
            description_en="In English",
            status="in_progress",
            municipality=torino,
            latitude=Decimal("45.070300"),
            longitude=Decimal("7.686900"),
            budget_eur=Decimal("12500000.50"),
            planned_start=datetime.date(2007, 1, 1),
            planned_end=datetime.date(2010, 12, 31),
            actual_start=datetime.date(2007, 3, 1),
            carried_over_from=old_action if number == 1 else None,
            is_example=number % 2 == 0,
            example_fields=[] if number % 2 == 0 else ["budget_eur", "actual_start"],
        )
        for number in range(projects, 0, -1)
    ]
    made.append(ProjectFactory(plan=plan, direction=None, code="A-01", kind="action"))
    for project in made[:-1]:
        # A real project's invented links are flagged; an invented project's need no flag.
        invented = not project.is_example
        ContributionFactory(project=project, objective=second, strength=-2, is_example=invented)
        ContributionFactory(project=project, objective=first, strength=3)
        ProjectRoleFactory(project=project, actor=actors[1], role="partner", is_example=invented)
        ProjectRoleFactory(project=project, actor=actors[0], role="promoter")
    for dependent, prerequisite in itertools.pairwise(made):
        DependencyFactory(
            project=dependent,
            depends_on=prerequisite,
            lag_days=15,
            is_example=not dependent.is_example,
        )
    ObjectiveInfluenceFactory(plan=plan, source=second, target=first, strength=3)
    ObjectiveInfluenceFactory(
        plan=plan, source=first, target=third, strength=0, is_potential=True, is_example=True
    )
    ActorInfluenceFactory(plan=plan, source=actors[2], target=actors[0], strength=4)
    ActorPositionFactory(actor=actors[2], objective=first, position=-4, is_example=True)
    return previous, plan


def json_of(plan: Plan) -> str:
    plan = Plan.objects.select_related("previous").get(pk=plan.pk)
    return plan_export_text(plan_export(plan=plan), export_format="json")


def test_plan_export_round_trip_is_byte_identical():
    previous, plan = rich_plans()
    previous_json, plan_json = json_of(previous), json_of(plan)
    Plan.objects.all().delete()
    Actor.objects.all().delete()

    for exported in (previous_json, plan_json):
        report = plan_import(document=json.loads(exported))
        assert report.ok, report.problems
        assert report.totals().updated == report.totals().unchanged == 0

    assert json_of(Plan.objects.get(slug="piano-2000")) == previous_json
    assert json_of(Plan.objects.get(slug="piano-2006")) == plan_json


def test_plan_export_without_its_previous_plan_cannot_be_imported():
    _, plan = rich_plans()
    plan_json = json_of(plan)
    Plan.objects.all().delete()

    report = plan_import(document=json.loads(plan_json))

    problems = [(problem.path, problem.message) for problem in report.problems]
    assert (
        "plans[0].previous",
        'no plan "piano-2000" earlier in this file or in the database',
    ) in problems
    assert not Plan.objects.exists()


def test_plan_export_lists_come_in_the_documented_order():
    _, plan = rich_plans(projects=3)

    exported = plan_export(plan=plan)

    [data] = exported["plans"]
    assert [actor["key"] for actor in exported["actors"]] == [
        "comune-torino",
        "gtt",
        "politecnico",
    ]
    assert [meta["code"] for meta in data["meta_objectives"]] == ["COMP", "COES"]
    assert [area["code"] for area in data["areas"]] == ["TER", "CON"]
    mobility = data["areas"][0]["directions"][0]
    assert [objective["code"] for objective in mobility["objectives"]] == ["MOB 2", "MOB 1"]
    assert mobility["objectives"][1]["meta_objectives"] == ["COMP", "COES"]
    assert [project["code"] for project in data["projects"]] == ["A-01", "P01", "P02", "P03"]
    p01 = data["projects"][1]
    assert p01["contributions"] == [
        {"objective": "MOB 2", "strength": -2, "is_example": True},
        {"objective": "MOB 1", "strength": 3, "is_example": False},
    ]
    assert p01["roles"] == [
        {"actor": "comune-torino", "role": "promoter", "is_example": False},
        {"actor": "gtt", "role": "partner", "is_example": True},
    ]
    assert p01["dependencies"] == [{"project": "A-01", "lag_days": 15, "is_example": True}]
    assert (p01["is_example"], p01["example_fields"]) == (False, ["budget_eur", "actual_start"])
    assert data["projects"][0]["example_fields"] == []
    assert (p01["budget_eur"], p01["latitude"], p01["planned_start"]) == (
        "12500000.50",
        45.0703,
        "2007-01-01",
    )
    assert p01["carried_over_from"] == {"plan": "piano-2000", "code": "1.2.3"}
    assert [cell["strength"] for cell in data["objective_influences"]] == [3, "P"]
    assert data["previous"] == "piano-2000"


def test_plan_export_yaml_holds_the_same_document():
    _, plan = rich_plans(projects=2)
    exported = plan_export(plan=plan)

    assert yaml.safe_load(plan_export_text(exported, export_format="yaml")) == exported


@pytest.mark.parametrize("projects", [2, 40])
def test_plan_export_costs_a_constant_number_of_queries(projects, django_assert_num_queries):
    _, plan = rich_plans(projects=projects)
    plan = Plan.objects.select_related("previous").get(pk=plan.pk)

    with django_assert_num_queries(EXPORT_QUERIES):
        exported = plan_export(plan=plan)

    assert len(exported["plans"][0]["projects"]) == projects + 1
