"""The plans' services: every rule refused with a message on the field at fault, nothing half-written."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from ordito.plans import services
from ordito.plans.models import Contribution, Dependency, Plan, Project, ProjectRole
from tests.actors.factories import ActorFactory
from tests.plans.factories import (
    DirectionFactory,
    MetaObjectiveFactory,
    ObjectiveFactory,
    PlanFactory,
    ProjectFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def message_of(error: ValidationError, field: str) -> str:
    return " ".join(error.message_dict[field])


def test_plan_save_creates_then_updates_only_when_changed():
    values = {
        "title_it": "Piano",
        "territory_it": "Torino",
        "period_start": 2006,
        "period_end": 2015,
    }
    plan, written = services.plan_save(by=None, slug="piano", values=values)
    assert written and plan.pk
    _, written_again = services.plan_save(by=None, slug="piano", values=values)
    assert not written_again
    assert plan.history.count() == 1


def test_plan_save_period_reversed_is_refused():
    with pytest.raises(ValidationError) as caught:
        services.plan_save(
            by=None,
            slug="piano",
            values={"title_it": "P", "territory_it": "T", "period_start": 2015, "period_end": 2006},
        )
    assert "last year" in str(caught.value)
    assert not Plan.objects.exists()


def test_plan_save_unknown_field_is_named():
    with pytest.raises(ValidationError) as caught:
        services.plan_save(by=None, slug="piano", values={"titel_it": "P"})
    assert "titel_it" in caught.value.message_dict


def test_plan_save_previous_loop_is_refused():
    first = PlanFactory(slug="primo")
    second = PlanFactory(slug="secondo", previous=first)
    with pytest.raises(ValidationError) as caught:
        services.plan_save(by=None, slug="primo", values={"previous": second})
    assert message_of(caught.value, "previous") == (
        "This choice would make the plans' lineage a loop: primo → secondo → primo "
        "(each follows the next)."
    )
    first.refresh_from_db()
    assert first.previous is None


def test_direction_save_area_of_another_plan_is_refused():
    direction = DirectionFactory()
    other_area = DirectionFactory().area
    with pytest.raises(ValidationError) as caught:
        services.direction_save(
            by=None, plan=direction.plan, code="NEW", values={"title_it": "X", "area": other_area}
        )
    assert "same plan" in message_of(caught.value, "area")


def test_objective_save_meta_objective_of_another_plan_is_refused():
    objective = ObjectiveFactory()
    foreign_meta = MetaObjectiveFactory()
    with pytest.raises(ValidationError) as caught:
        services.objective_save(
            by=None,
            plan=objective.plan,
            code=objective.code,
            values={},
            meta_objectives=[foreign_meta],
        )
    assert "meta_objectives" in caught.value.message_dict
    assert not objective.meta_objectives.exists()


def test_project_save_bad_code_and_negative_budget_name_their_fields():
    direction = DirectionFactory()
    with pytest.raises(ValidationError) as caught:
        services.project_save(
            by=None,
            plan=direction.plan,
            code=" bad code!",
            values={"title_it": "X", "direction": direction, "budget_eur": -5},
        )
    assert {"code", "budget_eur"} <= set(caught.value.message_dict)
    assert not Project.objects.exists()


def test_project_save_hostile_title_is_stored_as_text():
    direction = DirectionFactory()
    project, _ = services.project_save(
        by=None,
        plan=direction.plan,
        code="P1",
        values={"title_it": "<script>alert(1)</script>", "direction": direction},
    )
    project.refresh_from_db()
    assert project.title_it == "<script>alert(1)</script>"


def test_project_save_oversized_title_is_refused():
    direction = DirectionFactory()
    with pytest.raises(ValidationError) as caught:
        services.project_save(
            by=None, plan=direction.plan, code="P1", values={"title_it": "x" * 10_000}
        )
    assert "title_it" in caught.value.message_dict


def test_project_save_carried_over_from_must_be_in_previous_plan():
    old = ProjectFactory()
    new_direction = DirectionFactory(area__plan__previous=None)
    with pytest.raises(ValidationError) as caught:
        services.project_save(
            by=None,
            plan=new_direction.plan,
            code="P1",
            values={"title_it": "X", "carried_over_from": old},
        )
    assert "previous plan" in message_of(caught.value, "carried_over_from")


def test_project_save_records_the_author_in_history():
    user = get_user_model().objects.create_user("staff")
    direction = DirectionFactory()
    project, _ = services.project_save(
        by=user, plan=direction.plan, code="P1", values={"title_it": "X", "title_en": "Y"}
    )
    record = project.history.get()
    assert record.history_user == user
    assert (record.title_it, record.title_en) == ("X", "Y")


def test_project_save_example_fields_are_stored_and_written_once():
    direction = DirectionFactory()
    values = {"title_it": "Passante", "example_fields": ["budget_eur", "planned_start"]}

    project, written = services.project_save(by=None, plan=direction.plan, code="P1", values=values)
    _, written_again = services.project_save(by=None, plan=direction.plan, code="P1", values=values)

    project.refresh_from_db()
    assert (written, written_again) == (True, False)
    assert project.example_fields == ["budget_eur", "planned_start"]
    assert not project.is_example
    assert project.history.get().example_fields == ["budget_eur", "planned_start"]


BAD_EXAMPLE_FIELDS = [
    pytest.param(
        ["budget"],
        '"budget" is not a field of a project whose value can be marked as an example; use '
        "kind, description, status, municipality, latitude, longitude, budget_eur, "
        "planned_start, planned_end, actual_start, actual_end, carried_over_from.",
        id="unknown-name",
    ),
    pytest.param(
        ["title_it"],
        '"title_it" is not a field of a project whose value can be marked as an example; use '
        "kind, description, status, municipality, latitude, longitude, budget_eur, "
        "planned_start, planned_end, actual_start, actual_end, carried_over_from.",
        id="identifying-field",
    ),
    pytest.param(["status", "budget_eur", "status"], '"status" is listed twice.', id="duplicate"),
    pytest.param("budget_eur", "Give a list of field names.", id="not-a-list"),
    pytest.param({"budget_eur": True}, "Give a list of field names.", id="a-mapping"),
    pytest.param(
        ["<script>" + "x" * 10_000],
        '"<script>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" is not a field of a project whose value can '
        "be marked as an example; use kind, description, status, municipality, latitude, "
        "longitude, budget_eur, planned_start, planned_end, actual_start, actual_end, "
        "carried_over_from.",
        id="hostile-oversized-name",
    ),
]


@pytest.mark.parametrize(("example_fields", "message"), BAD_EXAMPLE_FIELDS)
def test_project_save_bad_example_fields_are_refused_naming_example_fields(example_fields, message):
    direction = DirectionFactory()
    with pytest.raises(ValidationError) as caught:
        services.project_save(
            by=None,
            plan=direction.plan,
            code="P1",
            values={"title_it": "X", "example_fields": example_fields},
        )
    assert message_of(caught.value, "example_fields") == message
    assert not Project.objects.exists()


def test_link_services_store_is_example_and_update_it():
    project = ProjectFactory()
    prerequisite = ProjectFactory(direction=project.direction)
    objective = ObjectiveFactory(direction=project.direction)
    actor = ActorFactory()

    contribution, _ = services.contribution_set(
        by=None, project=project, objective=objective, strength=2, is_example=True
    )
    dependency, _ = services.dependency_add(
        by=None, project=project, depends_on=prerequisite, is_example=True
    )
    role, _ = services.project_role_add(
        by=None, actor=actor, project=project, role="promoter", is_example=True
    )
    assert (contribution.is_example, dependency.is_example, role.is_example) == (True, True, True)

    _, written = services.project_role_add(by=None, actor=actor, project=project, role="promoter")
    services.contribution_set(by=None, project=project, objective=objective, strength=2)
    services.dependency_add(by=None, project=project, depends_on=prerequisite)

    assert written
    assert not ProjectRole.objects.get().is_example
    assert not Contribution.objects.get().is_example
    assert not Dependency.objects.get().is_example
    assert ProjectRole.history.count() == 2


def test_contribution_set_strength_zero_or_out_of_range_is_refused():
    project = ProjectFactory()
    objective = ObjectiveFactory(direction=project.direction)
    for strength in (0, 4, -4):
        with pytest.raises(ValidationError) as caught:
            services.contribution_set(
                by=None, project=project, objective=objective, strength=strength
            )
        assert caught.value.message_dict
    assert not Contribution.objects.exists()


def test_contribution_set_objective_of_another_plan_is_refused():
    project = ProjectFactory()
    foreign = ObjectiveFactory()
    with pytest.raises(ValidationError) as caught:
        services.contribution_set(by=None, project=project, objective=foreign, strength=2)
    assert "same plan" in message_of(caught.value, "objective")


def test_contribution_set_updates_strength():
    project = ProjectFactory()
    objective = ObjectiveFactory(direction=project.direction)
    services.contribution_set(by=None, project=project, objective=objective, strength=2)
    services.contribution_set(by=None, project=project, objective=objective, strength=-1)
    assert Contribution.objects.get().strength == -1


def test_dependency_add_on_itself_is_refused():
    project = ProjectFactory()
    with pytest.raises(ValidationError) as caught:
        services.dependency_add(by=None, project=project, depends_on=project)
    assert message_of(caught.value, "depends_on") == "A project cannot depend on itself."


def test_dependency_add_closing_a_cycle_is_refused_naming_the_projects():
    a = ProjectFactory(code="A")
    b = ProjectFactory(code="B", direction=a.direction)
    c = ProjectFactory(code="C", direction=a.direction)
    services.dependency_add(by=None, project=b, depends_on=a)
    services.dependency_add(by=None, project=c, depends_on=b)
    with pytest.raises(ValidationError) as caught:
        services.dependency_add(by=None, project=a, depends_on=c)
    assert message_of(caught.value, "depends_on") == (
        "This dependency would close a cycle: A → C → B → A (each depends on the next)."
    )
    assert Dependency.objects.count() == 2


def test_dependency_add_across_plans_is_refused():
    a = ProjectFactory()
    b = ProjectFactory()
    with pytest.raises(ValidationError) as caught:
        services.dependency_add(by=None, project=a, depends_on=b)
    assert "same plan" in message_of(caught.value, "depends_on")


def test_dependency_add_negative_lag_is_refused():
    a = ProjectFactory()
    b = ProjectFactory(direction=a.direction)
    with pytest.raises(ValidationError) as caught:
        services.dependency_add(by=None, project=a, depends_on=b, lag_days=-3)
    assert "lag_days" in caught.value.message_dict


def test_objective_influence_set_rules():
    source = ObjectiveFactory()
    target = ObjectiveFactory(direction=source.direction)
    plan = source.plan
    influence, _ = services.objective_influence_set(
        by=None, plan=plan, source=source, target=target, strength=0, is_potential=True
    )
    assert influence.is_potential
    with pytest.raises(ValidationError) as caught:
        services.objective_influence_set(
            by=None, plan=plan, source=source, target=source, strength=1
        )
    assert message_of(caught.value, "target") == "An objective cannot influence itself."
    with pytest.raises(ValidationError) as caught:
        services.objective_influence_set(
            by=None, plan=plan, source=source, target=target, strength=2, is_potential=True
        )
    assert "strength" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.objective_influence_set(
            by=None, plan=plan, source=source, target=target, strength=4
        )
    assert "strength" in caught.value.message_dict
    foreign = ObjectiveFactory()
    with pytest.raises(ValidationError) as caught:
        services.objective_influence_set(
            by=None, plan=plan, source=source, target=foreign, strength=1
        )
    assert "same plan" in message_of(caught.value, "target")
