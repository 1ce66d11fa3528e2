"""A plan's content version rises with every write of what its pages show, and only then.

Cached pages are keyed by the version (plans/caching.py), so a write that left it unchanged would
leave every process serving the old page: each kind of write is checked here, through the
services, through the admin's forms and through the importer.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ordito.actors import services as actor_services
from ordito.core.records import validated_save
from ordito.interop.plan_import import plan_import
from ordito.plans import services
from ordito.plans.models import Contribution, Objective, Plan, Project, ProjectRole
from tests.actors.factories import ActorFactory, ProjectRoleFactory
from tests.admin_pages import form_data
from tests.interop.documents import document
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

pytestmark = pytest.mark.django_db


def version(plan: Plan) -> int:
    return Plan.objects.values_list("content_version", flat=True).get(pk=plan.pk)


@pytest.fixture
def parts():
    """A plan with an area, a direction, two objectives, two projects and an actor, and another
    plan, whose version no write of the first may raise."""
    plan = PlanFactory()
    direction = DirectionFactory(area=AreaFactory(plan=plan))
    objectives = [ObjectiveFactory(direction=direction) for _ in range(2)]
    projects = [ProjectFactory(direction=direction) for _ in range(2)]
    return {
        "plan": plan,
        "other_plan": PlanFactory(),
        "area": direction.area,
        "direction": direction,
        "objectives": objectives,
        "projects": projects,
        "actor": ActorFactory(),
    }


def write(kind: str, p: dict) -> None:
    """One write of `kind`, through its service, to the first plan of `parts`."""
    plan, (objective, other_objective), (project, other_project) = (
        p["plan"],
        p["objectives"],
        p["projects"],
    )
    by = None
    match kind:
        case "plan":
            services.plan_save(by=by, slug=plan.slug, values={"title_it": "Nuovo titolo"})
        case "meta_objective":
            services.meta_objective_save(by=by, plan=plan, code="META", values={"title_it": "M"})
        case "area":
            services.area_save(by=by, plan=plan, code="NEW", values={"title_it": "Nuova area"})
        case "direction":
            values = {"title_it": "Nuova direzione", "area": p["area"]}
            services.direction_save(by=by, plan=plan, code="NEW", values=values)
        case "objective":
            values = {"title_it": "Nuovo obiettivo", "direction": p["direction"]}
            services.objective_save(by=by, plan=plan, code="NEW", values=values)
        case "project":
            services.project_save(by=by, plan=plan, code=project.code, values={"title_it": "Nuovo"})
        case "contribution":
            services.contribution_set(by=by, project=project, objective=objective, strength=2)
        case "contribution_removed":
            ContributionFactory(project=project, objective=objective)
            services.contribution_remove(by=by, project=project, objective=objective)
        case "dependency":
            services.dependency_add(by=by, project=project, depends_on=other_project)
        case "dependency_removed":
            DependencyFactory(project=project, depends_on=other_project)
            services.dependency_remove(by=by, project=project, depends_on=other_project)
        case "role":
            services.project_role_add(
                by=by, actor=p["actor"], project=project, role=ProjectRole.Role.PROMOTER
            )
        case "role_removed":
            ProjectRoleFactory(actor=p["actor"], project=project)
            services.project_role_remove(
                by=by, actor=p["actor"], project=project, role=ProjectRole.Role.PROMOTER
            )
        case "objective_influence":
            services.objective_influence_set(
                by=by, plan=plan, source=objective, target=other_objective, strength=2
            )
        case "actor_influence":
            services.actor_influence_set(
                by=by, plan=plan, source=p["actor"], target=ActorFactory(), strength=2
            )
        case "position":
            services.actor_position_set(by=by, actor=p["actor"], objective=objective, position=3)


WRITES = [
    "plan",
    "meta_objective",
    "area",
    "direction",
    "objective",
    "project",
    "contribution",
    "contribution_removed",
    "dependency",
    "dependency_removed",
    "role",
    "role_removed",
    "objective_influence",
    "actor_influence",
    "position",
]


@pytest.mark.parametrize("kind", WRITES)
def test_service_write_raises_the_version_of_its_plan_only(parts, kind):
    plan, other_plan = parts["plan"], parts["other_plan"]
    before, other_before = version(plan), version(other_plan)

    write(kind, parts)

    assert version(plan) > before
    assert version(other_plan) == other_before


def test_service_write_of_the_same_values_leaves_the_version(parts):
    project = parts["projects"][0]
    services.project_save(by=None, plan=parts["plan"], code=project.code, values={"title_it": "X"})
    before = version(parts["plan"])

    services.project_save(by=None, plan=parts["plan"], code=project.code, values={"title_it": "X"})

    assert version(parts["plan"]) == before


def test_actor_write_raises_the_version_of_every_plan(parts):
    before = {plan.pk: version(plan) for plan in Plan.objects.all()}

    actor_services.actor_save(by=None, key=parts["actor"].key, values={"name": "Nuovo nome"})

    assert all(version(plan) > before[plan.pk] for plan in Plan.objects.all())


def plan_updates(queries: CaptureQueriesContext) -> list[str]:
    return [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith('UPDATE "plans_plan"')
    ]


@pytest.fixture
def metas(parts):
    """Two meta-objectives of the plan; the first objective serves the first of them."""
    first, second = (MetaObjectiveFactory(plan=parts["plan"]) for _ in range(2))
    parts["objectives"][0].meta_objectives.set([first])
    return first, second


def save_objective(parts, **arguments) -> tuple[Objective, bool]:
    objective = parts["objectives"][0]
    values = arguments.pop("values", {"title_it": objective.title_it})
    return services.objective_save(
        by=None, plan=parts["plan"], code=objective.code, values=values, **arguments
    )


def test_objective_save_of_its_meta_objectives_only_raises_the_version_once(parts, metas):
    first, second = metas
    before, other_before = version(parts["plan"]), version(parts["other_plan"])

    with CaptureQueriesContext(connection) as queries:
        objective, written = save_objective(parts, meta_objectives=[first, second])

    assert written
    assert set(objective.meta_objectives.all()) == {first, second}
    assert version(parts["plan"]) == before + 1
    assert len(plan_updates(queries)) == 1
    assert version(parts["other_plan"]) == other_before


def test_objective_save_of_its_title_and_meta_objectives_raises_the_version_once(parts, metas):
    _first, second = metas
    before = version(parts["plan"])

    with CaptureQueriesContext(connection) as queries:
        objective, written = save_objective(
            parts, values={"title_it": "Obiettivo rinominato"}, meta_objectives=[second]
        )

    assert written
    assert objective.title_it == "Obiettivo rinominato"
    assert list(objective.meta_objectives.all()) == [second]
    assert version(parts["plan"]) == before + 1
    assert len(plan_updates(queries)) == 1


def test_objective_save_of_the_same_meta_objectives_leaves_the_version(parts, metas):
    first, _second = metas
    before = version(parts["plan"])

    objective, written = save_objective(parts, meta_objectives=[first])

    assert not written
    assert list(objective.meta_objectives.all()) == [first]
    assert version(parts["plan"]) == before


def test_objective_save_refuses_another_plans_meta_objective_and_writes_nothing(
    parts, metas, english
):
    first, _second = metas
    foreign = MetaObjectiveFactory(plan=parts["other_plan"])
    objective = parts["objectives"][0]
    before = version(parts["plan"])

    with pytest.raises(ValidationError) as raised:
        save_objective(parts, values={"title_it": "Mai salvato"}, meta_objectives=[foreign])

    assert raised.value.message_dict == {
        "meta_objectives": ["Choose meta-objectives of the same plan."]
    }
    objective.refresh_from_db()
    assert objective.title_it != "Mai salvato"
    assert list(objective.meta_objectives.all()) == [first]
    assert version(parts["plan"]) == before


def test_project_write_raises_the_version_of_the_plan_carrying_it_over(parts):
    old_project = parts["projects"][0]
    later_plan = PlanFactory(previous=parts["plan"])
    ProjectFactory(
        direction=DirectionFactory(area=AreaFactory(plan=later_plan)),
        carried_over_from=old_project,
    )
    before = version(later_plan)

    services.project_save(
        by=None, plan=parts["plan"], code=old_project.code, values={"title_it": "Rinominato"}
    )

    assert version(later_plan) > before


def test_plan_saved_from_a_stale_row_keeps_the_versions_raised_since(parts):
    stale = Plan.objects.get(pk=parts["plan"].pk)
    services.area_save(by=None, plan=parts["plan"], code="NEW", values={"title_it": "Nuova"})
    raised = version(parts["plan"])

    stale.title_it = "Titolo cambiato"
    validated_save(stale, by=None)

    # save() writes every column: without care it would write back the version it was read with.
    assert version(parts["plan"]) == stale.content_version == raised + 1


def test_import_of_the_same_file_leaves_every_version():
    plan_import(document=document())
    before = dict(Plan.objects.values_list("slug", "content_version"))

    again = plan_import(document=document())

    assert again.ok
    assert dict(Plan.objects.values_list("slug", "content_version")) == before


def test_import_of_a_changed_title_raises_that_plan_only():
    plan_import(document=document())
    before = dict(Plan.objects.values_list("slug", "content_version"))
    changed = document()
    changed["plans"][1]["projects"][1]["title"]["en"] = "Rail link"

    plan_import(document=changed)

    changed_slug = Project.objects.get(code="P02").plan.slug
    after = dict(Plan.objects.values_list("slug", "content_version"))
    assert after[changed_slug] > before[changed_slug]
    assert {s: v for s, v in after.items() if s != changed_slug} == {
        s: v for s, v in before.items() if s != changed_slug
    }


# The admin saves through model forms: each test posts the real change form, built from the form
# the admin itself renders, as a signed-in superuser.


def admin_change(client, obj, **changes) -> None:
    url = f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"
    data = {**form_data(client.get(url)), **changes}
    response = client.post(url, data)
    assert response.status_code == 302, response.context and [
        form.errors for form in [response.context["adminform"].form]
    ]


def test_admin_change_of_a_project_raises_its_plan_version(staff_client, parts):
    project = parts["projects"][0]
    before = version(parts["plan"])

    admin_change(staff_client, project, title_it="Titolo dall'amministrazione")

    assert Project.objects.get(pk=project.pk).title_it == "Titolo dall'amministrazione"
    assert version(parts["plan"]) > before


def test_admin_change_of_an_inline_contribution_raises_its_plan_version(staff_client, parts):
    project, objective = parts["projects"][0], parts["objectives"][0]
    ContributionFactory(project=project, objective=objective, strength=1)
    before = version(parts["plan"])

    admin_change(staff_client, project, **{"contributions-0-strength": "3"})

    assert Contribution.objects.get(project=project).strength == 3
    assert version(parts["plan"]) > before


def test_admin_change_of_an_actor_raises_every_plan_version(staff_client, parts):
    before = {plan.pk: version(plan) for plan in Plan.objects.all()}

    admin_change(staff_client, parts["actor"], name="Nome dall'amministrazione")

    assert all(version(plan) > before[plan.pk] for plan in Plan.objects.all())


def test_admin_change_of_an_objectives_meta_objectives_only_raises_its_plan_version_once(
    staff_client, parts, metas
):
    first, second = metas
    objective = parts["objectives"][0]
    before, other_before = version(parts["plan"]), version(parts["other_plan"])

    admin_change(staff_client, objective, meta_objectives=[str(first.pk), str(second.pk)])

    assert set(objective.meta_objectives.all()) == {first, second}
    assert version(parts["plan"]) == before + 1
    assert version(parts["other_plan"]) == other_before


def test_admin_change_of_a_plan_raises_its_version(staff_client, parts):
    before = version(parts["plan"])

    admin_change(staff_client, parts["plan"], title_it="Piano rinominato")

    assert version(parts["plan"]) > before


def test_admin_delete_of_a_project_raises_its_plan_version(staff_client, parts):
    project = parts["projects"][1]
    before = version(parts["plan"])

    response = staff_client.post(f"/admin/plans/project/{project.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Project.objects.filter(pk=project.pk).exists()
    assert version(parts["plan"]) > before


def test_admin_bulk_delete_raises_each_plan_shown_once_in_one_update(staff_client, parts):
    other_plan = parts["other_plan"]
    other_project = ProjectFactory(direction=DirectionFactory(area=AreaFactory(plan=other_plan)))
    doomed = [*parts["projects"], other_project]
    before = {plan.pk: version(plan) for plan in (parts["plan"], other_plan)}
    untouched = PlanFactory()
    untouched_before = version(untouched)

    with CaptureQueriesContext(connection) as queries:
        response = staff_client.post(
            "/admin/plans/project/",
            {
                "action": "delete_selected",
                "_selected_action": [project.pk for project in doomed],
                "post": "yes",
            },
        )

    assert response.status_code == 302
    assert not Project.objects.filter(pk__in=[project.pk for project in doomed]).exists()
    assert version(parts["plan"]) == before[parts["plan"].pk] + 1
    assert version(other_plan) == before[other_plan.pk] + 1
    assert version(untouched) == untouched_before
    raises = [q for q in queries.captured_queries if q["sql"].startswith('UPDATE "plans_plan"')]
    assert len(raises) == 1
