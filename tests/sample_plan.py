"""The plan the web and API tests share: small and shaped like the demo, grown on demand.

`build_demo` makes a plan shaped like the Turin demo (ordito.interop.demo): a previous plan,
meta-objectives, a thematic and a transversal area, directions, objectives, projects with
promoters, funders, dependencies and a lineage, in Italian and English, with some parts flagged as
examples. The data are invented for the tests (they echo the Turin plans' shape, not their facts).
The values tests assert are set here (a few are the factories' defaults), so a reader sees where
each expected figure comes from. Both suites check these values: add rows for a new need, and
change none.

`grow_plan` adds projects and actors in bulk, up to 1,000 projects, so that the query-count tests
can read every page and endpoint at two sizes.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from ordito.actors.models import Actor
from ordito.plans.models import (
    Contribution,
    Dependency,
    Direction,
    Objective,
    Plan,
    Project,
    ProjectRole,
    ThematicArea,
)
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

# What tests write over titles and names to check that pages escape them and the API does not.
HOSTILE = "<script>alert(1)</script>"
HOSTILE_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@dataclass
class Demo:
    """The rows of the small plan that tests look at by name."""

    plan: Plan
    previous: Plan
    area: ThematicArea
    transversal: ThematicArea
    direction: Direction
    example_direction: Direction
    objective: Objective
    other_objective: Objective
    project: Project
    other_project: Project
    untranslated_project: Project
    old_action: Project
    actor: Actor
    example_actor: Actor


def build_demo() -> Demo:
    """A small plan like the Turin demo; every page of the site has something to show."""
    torino = MunicipalityFactory()
    moncalieri = MunicipalityFactory(istat_code="001156", name="Moncalieri", cadastral_code="F335")
    previous = PlanFactory(
        slug="torino-2000",
        title_it="Primo piano strategico",
        title_en="First strategic plan",
        period_start=2000,
        period_end=2005,
        status=Plan.Status.CLOSED,
    )
    old_direction = DirectionFactory(area=AreaFactory(plan=previous, code="L1"), code="L1.1")
    old_action = ProjectFactory(
        direction=old_direction,
        code="A01",
        title_it="Passante ferroviario",
        title_en="Rail link",
        is_example=False,
    )
    plan = PlanFactory(
        slug="torino-2006",
        title_it="Secondo piano strategico",
        title_en="Second strategic plan",
        vision_it="Torino, città della conoscenza",
        vision_en="Turin, city of knowledge",
        status=Plan.Status.IMPLEMENTATION,
        previous=previous,
    )
    competitiveness = MetaObjectiveFactory(
        plan=plan, code="COMP", title_it="Competitività", title_en="Competitiveness"
    )
    MetaObjectiveFactory(plan=plan, code="ATTR", title_it="Attrattività", title_en="Attractiveness")
    area = AreaFactory(
        plan=plan,
        code="TER",
        title_it="Territorio metropolitano",
        title_en="Metropolitan territory",
    )
    transversal = AreaFactory(
        plan=plan,
        code="CON",
        kind="transversal",
        title_it="Conoscenza",
        title_en="Knowledge",
    )
    direction = DirectionFactory(
        area=area, code="MOB", title_it="Mobilità", title_en="Mobility", is_example=False
    )
    example_direction = DirectionFactory(
        area=transversal,
        code="INN",
        title_it="Innovazione diffusa",
        title_en="Widespread innovation",
        is_example=True,
    )
    objective = ObjectiveFactory(
        direction=direction,
        code="MOB 1",
        title_it="Rete del trasporto pubblico",
        title_en="Public transport network",
        is_example=False,
    )
    objective.meta_objectives.add(competitiveness)
    other_objective = ObjectiveFactory(
        direction=example_direction,
        code="INN 1",
        title_it="Imprese innovative",
        title_en="Innovative companies",
        is_example=True,
    )
    project = ProjectFactory(
        direction=direction,
        code="P001",
        title_it="Metropolitana linea 2",
        title_en="Metro line 2",
        description_it="Una nuova linea di metropolitana.",
        description_en="A new metro line.",
        status=Project.Status.IN_PROGRESS,
        municipality=torino,
        latitude=Decimal("45.070000"),
        longitude=Decimal("7.686000"),
        budget_eur=Decimal("1500000.00"),
        planned_start=datetime.date(2008, 1, 1),
        planned_end=datetime.date(2018, 12, 31),
        carried_over_from=old_action,
        is_example=True,
    )
    other_project = ProjectFactory(
        direction=example_direction,
        code="P002",
        title_it="Incubatore di imprese",
        title_en="Business incubator",
        status=Project.Status.COMPLETED,
        municipality=moncalieri,
        budget_eur=Decimal("250000.50"),
        is_example=False,
    )
    untranslated_project = ProjectFactory(
        direction=direction,
        code="P003",
        title_it="Piste ciclabili",
        title_en="",
        status=Project.Status.PLANNED,
        municipality=torino,
    )
    ContributionFactory(project=project, objective=objective, strength=3)
    ContributionFactory(project=other_project, objective=objective, strength=-2)
    ContributionFactory(project=other_project, objective=other_objective, strength=1)
    DependencyFactory(project=project, depends_on=untranslated_project, lag_days=30)
    actor = ActorFactory(
        key="comune-torino",
        name="Città di Torino",
        kind=Actor.Kind.MUNICIPALITY,
        municipality=torino,
        website="https://www.comune.torino.it",
        member_since=datetime.date(2000, 5, 9),
        is_example=False,
    )
    example_actor = ActorFactory(
        key="fondazione-esempio",
        name="Fondazione Esempio",
        kind=Actor.Kind.BANK_FOUNDATION,
        is_example=True,
    )
    ProjectRoleFactory(actor=actor, project=project, role=ProjectRole.Role.PROMOTER)
    ProjectRoleFactory(actor=example_actor, project=project, role=ProjectRole.Role.FUNDER)
    ProjectRoleFactory(actor=example_actor, project=other_project, role=ProjectRole.Role.PROMOTER)
    # What the API tests need besides, added after the rest so that no earlier row changes.
    # Partner as well as promoter of P002: the foundation counts two projects, not three roles.
    ProjectRoleFactory(actor=example_actor, project=other_project, role=ProjectRole.Role.PARTNER)
    # In the first plan, objectives created and coded against the plan's order, so that only
    # `order` lists L1.1.2 first; L1.1.1 has no English title, so English falls back to Italian.
    ObjectiveFactory(
        direction=old_direction,
        code="L1.1.1",
        title_it="Nodi di interscambio",
        title_en="",
        order=2,
    )
    ObjectiveFactory(
        direction=old_direction,
        code="L1.1.2",
        title_it="Servizio ferroviario metropolitano",
        title_en="Metropolitan railway service",
        order=1,
    )
    return Demo(
        plan=plan,
        previous=previous,
        area=area,
        transversal=transversal,
        direction=direction,
        example_direction=example_direction,
        objective=objective,
        other_objective=other_objective,
        project=project,
        other_project=other_project,
        untranslated_project=untranslated_project,
        old_action=old_action,
        actor=actor,
        example_actor=example_actor,
    )


def grow_plan(demo: Demo, *, projects: int = 1000, actors: int = 100) -> None:
    """Add `projects` projects to the demo plan in bulk, each with a promoter, a contribution
    and (one in two) a dependency, so that every list and every link grows. It can be called
    again: new rows are numbered after those of earlier calls."""
    plan = demo.plan
    directions = [demo.direction, demo.example_direction]
    statuses = list(Project.Status.values)
    grown = Project.objects.filter(plan=plan, code__startswith="B").count()
    grown_actors = Actor.objects.filter(key__startswith="bulk-").count()
    new_actors = Actor.objects.bulk_create(
        Actor(key=f"bulk-{n}", name=f"Ente {n:04d}", kind=Actor.Kind.COMPANY, is_example=True)
        for n in range(grown_actors, grown_actors + actors)
    )
    new_projects = Project.objects.bulk_create(
        Project(
            plan=plan,
            code=f"B{n:05d}",
            title_it=f"Progetto aggiunto {n}",
            title_en=f"Added project {n}",
            status=statuses[n % len(statuses)],
            direction=directions[n % 2],
            municipality=demo.project.municipality,
            budget_eur=Decimal(1000 * n),
            is_example=True,
        )
        for n in range(grown, grown + projects)
    )
    Contribution.objects.bulk_create(
        Contribution(project=project, objective=demo.objective, strength=1 + n % 3)
        for n, project in enumerate(new_projects)
    )
    ProjectRole.objects.bulk_create(
        ProjectRole(actor=new_actors[n % actors], project=project, role=ProjectRole.Role.PROMOTER)
        for n, project in enumerate(new_projects)
    )
    ProjectRole.objects.bulk_create(
        ProjectRole(actor=demo.actor, project=project, role=ProjectRole.Role.PARTNER)
        for project in new_projects
    )
    Dependency.objects.bulk_create(
        Dependency(project=project, depends_on=new_projects[n - 1])
        for n, project in enumerate(new_projects)
        if n % 2
    )
    Dependency.objects.bulk_create(
        Dependency(project=demo.project, depends_on=project) for project in new_projects[:100]
    )
