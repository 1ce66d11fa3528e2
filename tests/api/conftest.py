"""A small plan for the API tests: two plans, a tree, projects placed, linked and funded, actors.

The data are invented for the tests (they echo the Turin plans' shape, not their facts). Every
value a test asserts is set here, so a reader sees where each expected figure comes from.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from ordito.actors.models import Actor, ProjectRole
from ordito.plans.models import Direction, Objective, Plan, Project, ThematicArea
from tests.actors.factories import ActorFactory, ProjectRoleFactory
from tests.plans.factories import (
    AreaFactory,
    ContributionFactory,
    DependencyFactory,
    DirectionFactory,
    MetaObjectiveFactory,
    ObjectiveFactory,
    PlanFactory,
    ProjectFactory,
)
from tests.territory.factories import MunicipalityFactory


@dataclass
class PlanData:
    plan: Plan
    previous: Plan
    area_territory: ThematicArea
    area_culture: ThematicArea
    direction_mobility: Direction
    direction_museums: Direction
    objective_metro: Objective
    objective_tram: Objective
    objective_museum: Objective
    metro: Project
    tram: Project
    museum: Project
    carried: Project
    city: Actor
    university: Actor
    foundation: Actor


def plan_build() -> PlanData:
    """Build the test plan; see the module docstring."""
    torino = MunicipalityFactory()
    moncalieri = MunicipalityFactory(istat_code="001156", name="Moncalieri", cadastral_code="F335")
    previous = PlanFactory(
        slug="torino-2000",
        title_it="Primo piano strategico",
        title_en="First strategic plan",
        period_start=2000,
        period_end=2010,
        status=Plan.Status.CLOSED,
    )
    plan = PlanFactory(
        slug="torino-2006",
        title_it="Secondo piano strategico",
        title_en="Second strategic plan",
        period_start=2006,
        period_end=2015,
        vision_it="Torino città della conoscenza",
        vision_en="Turin, city of knowledge",
        previous=previous,
    )
    competitiveness = MetaObjectiveFactory(
        plan=plan, code="COMP", title_it="Competitività", title_en="Competitiveness", order=1
    )
    MetaObjectiveFactory(plan=plan, code="COES", title_it="Coesione", title_en="Cohesion", order=2)
    # Created in reverse order, so that only `order` can put them right.
    area_culture = AreaFactory(
        plan=plan, code="CUL", title_it="Cultura", title_en="Culture", order=2
    )
    area_territory = AreaFactory(
        plan=plan, code="TER", title_it="Territorio", title_en="Territory", order=1
    )
    direction_museums = DirectionFactory(
        area=area_culture, code="MUS", title_it="Musei", title_en="Museums", order=1
    )
    direction_mobility = DirectionFactory(
        area=area_territory, code="MOB", title_it="Mobilità", title_en="Mobility", order=1
    )
    objective_tram = ObjectiveFactory(
        direction=direction_mobility, code="MOB 2", title_it="Tram", title_en="Trams", order=2
    )
    objective_metro = ObjectiveFactory(
        direction=direction_mobility,
        code="MOB 1",
        title_it="Metropolitana",
        title_en="Underground",
        order=1,
    )
    objective_metro.meta_objectives.add(competitiveness)
    objective_museum = ObjectiveFactory(
        direction=direction_museums,
        code="MUS 1",
        title_it="Nuovi musei",
        title_en="",  # no English: the API falls back to Italian
        order=1,
    )
    old_action = ProjectFactory(
        direction=DirectionFactory(area=AreaFactory(plan=previous)),
        code="1.2.3",
        title_it="Passante ferroviario",
        title_en="Rail link",
    )
    metro = ProjectFactory(
        direction=direction_mobility,
        code="P01",
        title_it="Linea 2 della metropolitana",
        title_en="Underground line 2",
        description_it="Una nuova linea.",
        description_en="A new line.",
        status=Project.Status.IN_PROGRESS,
        municipality=torino,
        latitude=Decimal("45.070300"),
        longitude=Decimal("7.686900"),
        budget_eur=Decimal("12500000.50"),
        planned_start=date(2008, 1, 1),
        planned_end=date(2018, 12, 31),
        actual_start=date(2009, 3, 1),
        carried_over_from=old_action,
    )
    tram = ProjectFactory(
        direction=direction_mobility,
        code="P02",
        title_it="Tram per Moncalieri",
        title_en="Tram to Moncalieri",
        status=Project.Status.PLANNED,
        municipality=moncalieri,
        budget_eur=Decimal("3000000.00"),
    )
    museum = ProjectFactory(
        direction=direction_museums,
        code="P03",
        title_it="Museo della scienza",
        title_en="",  # no English: the API falls back to Italian
        status=Project.Status.PROPOSED,
        budget_eur=None,
    )
    ContributionFactory(project=metro, objective=objective_metro, strength=3)
    ContributionFactory(project=metro, objective=objective_tram, strength=-1)
    ContributionFactory(project=museum, objective=objective_museum, strength=2)
    DependencyFactory(project=tram, depends_on=metro, lag_days=90)
    city = ActorFactory(
        key="comune-torino",
        name="Città di Torino",
        kind=Actor.Kind.MUNICIPALITY,
        municipality=torino,
        description_it="Il comune.",
        description_en="The city council.",
    )
    university = ActorFactory(
        key="unito", name="Università di Torino", kind=Actor.Kind.UNIVERSITY, sector="Ricerca"
    )
    foundation = ActorFactory(
        key="fondazione", name="Fondazione bancaria", kind=Actor.Kind.BANK_FOUNDATION
    )
    ProjectRoleFactory(actor=city, project=metro, role=ProjectRole.Role.PROMOTER)
    ProjectRoleFactory(actor=foundation, project=metro, role=ProjectRole.Role.FUNDER)
    ProjectRoleFactory(actor=city, project=tram, role=ProjectRole.Role.PROMOTER)
    ProjectRoleFactory(actor=university, project=museum, role=ProjectRole.Role.PROMOTER)
    ProjectRoleFactory(actor=university, project=museum, role=ProjectRole.Role.PARTNER)
    return PlanData(
        plan=plan,
        previous=previous,
        area_territory=area_territory,
        area_culture=area_culture,
        direction_mobility=direction_mobility,
        direction_museums=direction_museums,
        objective_metro=objective_metro,
        objective_tram=objective_tram,
        objective_museum=objective_museum,
        metro=metro,
        tram=tram,
        museum=museum,
        carried=old_action,
        city=city,
        university=university,
        foundation=foundation,
    )


@pytest.fixture
def data(db) -> PlanData:
    return plan_build()


def assert_invalid(response, parameter: str, source: str = "query") -> None:
    """A JSON 422 whose body names `parameter` (in the query, or the path) as a place of error."""
    assert response.status_code == 422, response.content
    assert response["Content-Type"].startswith("application/json")
    locations = [issue["loc"] for issue in response.json()["detail"]]
    assert [source, parameter] in locations, locations
