"""The admin is scoped by plan: the staff of plan A see, choose and change only plan A's content,
whatever they type in the address bar or forge in a POST; superusers see every plan."""

import json

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ordito.actors.models import Actor
from ordito.core.admin import PlanContentAdmin, PlanScope
from ordito.core.plan_access import plan_path
from ordito.people.services import plan_role_grant
from ordito.plans.models import Contribution, Objective, Plan, Project
from tests.admin_pages import change_url, form_data, plan_with_content, staff_of
from tests.plans.factories import DirectionFactory, PlanFactory, ProjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

NOT_A_CHOICE = "Select a valid choice. That choice is not one of the available choices."

# Each changelist of plan content, with the path from its rows to their plan (written out here,
# not read from the code under test).
CHANGELISTS = {
    "plans.plan": "pk",
    "plans.thematicarea": "plan",
    "plans.direction": "plan",
    "plans.objective": "plan",
    "plans.project": "plan",
    "plans.objectiveinfluence": "plan",
    "plans.actorinfluence": "plan",
    "plans.actorposition": "objective__plan",
}
REGISTERED = [name.split(".")[1] for name in CHANGELISTS]

# Queries of the project changelist for a plan's staff, whatever the number of projects: the
# session, the user, the second factor (two: staff? an authenticator?), Django's model and group
# permissions (asked once by `has_perm`), the rule `people.use_admin`, `plans.change_plan` in
# some plan, the choices of the plan and area filters, two counts, the sidebar's
# `people.manage_plan_roles` in some plan, and the rows.
PROJECT_CHANGELIST_QUERIES = 14


@pytest.fixture
def plan_a():
    return plan_with_content("A")


@pytest.fixture
def plan_b():
    return plan_with_content("B")


def listed(response) -> set:
    assert response.status_code == 200, response.status_code
    return set(response.context["cl"].result_list)


def rows_of(name: str, *plans: Plan) -> set:
    lookup = f"{CHANGELISTS[name]}__in"
    return set(apps.get_model(name).objects.filter(**{lookup: [plan.pk for plan in plans]}))


@pytest.mark.parametrize("name", CHANGELISTS)
def test_changelist_of_a_plans_staff_shows_only_their_plans_rows(client, plan_a, plan_b, name):
    staff_of(plan_a.plan, client)
    response = client.get(f"/en/admin/{name.replace('.', '/')}/")
    shown = listed(response)
    assert shown == rows_of(name, plan_a.plan)
    assert shown and not shown & rows_of(name, plan_b.plan)
    # Neither a row nor a filter's choice names plan B.
    assert "Plan B" not in response.content.decode()


@pytest.mark.parametrize("name", CHANGELISTS)
def test_changelist_of_a_superuser_shows_every_plan(staff_client, plan_a, plan_b, name):
    shown = listed(staff_client.get(f"/en/admin/{name.replace('.', '/')}/"))
    assert shown == rows_of(name, plan_a.plan, plan_b.plan)


def test_staff_of_two_plans_see_both(client, plan_a, plan_b):
    user = staff_of(plan_a.plan, client)
    plan_role_grant(plan=plan_b.plan, user=user, role="staff", by=None)
    shown = listed(client.get("/en/admin/plans/objective/"))
    assert shown == rows_of("plans.objective", plan_a.plan, plan_b.plan)


def test_filters_list_only_the_staffs_plans(client, plan_a, plan_b):
    """Staff of plans A and C: Django hides a filter with a single choice, so two plans."""
    plan_c = plan_with_content("C")
    user = staff_of(plan_a.plan, client)
    plan_role_grant(plan=plan_c.plan, user=user, role="staff", by=None)
    response = client.get("/en/admin/plans/project/")
    filters = {str(spec.title): spec for spec in response.context["cl"].filter_specs}
    assert [label for _pk, label in filters["plan"].lookup_choices] == ["Plan A", "Plan C"]
    assert {label for _pk, label in filters["area"].lookup_choices} == {
        str(plan_a.rows["thematicarea"]),
        str(plan_c.rows["thematicarea"]),
    }
    response = client.get(f"/en/admin/plans/project/?plan__id__exact={plan_b.plan.pk}")
    assert listed(response) == set()
    response = client.get(f"/en/admin/plans/project/?plan__id__exact={plan_c.plan.pk}")
    assert listed(response) == rows_of("plans.project", plan_c.plan)


@pytest.mark.parametrize("name", REGISTERED)
@pytest.mark.parametrize("page", ["change/", "delete/"])
def test_another_plans_row_by_its_address_does_not_exist(client, plan_a, plan_b, name, page):
    """Django's "doesn't exist"; for a plan's delete page, 403 first (only superusers may)."""
    staff_of(plan_a.plan, client)
    row = plan_b.rows[name]
    response = client.get(change_url(row).replace("change/", page), follow=True)
    page_text = response.content.decode()
    if name == "plan" and page == "delete/":
        assert response.status_code == 403
    else:
        assert response.redirect_chain[-1][0] == "/en/admin/"
        assert "doesn’t exist. Perhaps it was deleted?" in page_text
    assert str(row) not in page_text


@pytest.mark.parametrize("name", REGISTERED)
def test_another_plans_history_is_refused(client, plan_a, plan_b, name):
    staff_of(plan_a.plan, client)
    row = plan_b.rows[name]
    response = client.get(change_url(row).replace("change/", "history/"))
    assert response.status_code == 403
    version = row.history.first()
    response = client.get(change_url(row).replace("change/", f"history/{version.history_id}/"))
    assert response.status_code == 403


def test_another_plans_project_cannot_be_deleted(client, plan_a, plan_b):
    staff_of(plan_a.plan, client)
    project = plan_b.rows["project"]
    client.post(change_url(project).replace("change/", "delete/"), {"post": "yes"})
    assert Project.objects.filter(pk=project.pk).exists()


def test_bulk_delete_naming_another_plans_project_deletes_only_their_own(client, plan_a, plan_b):
    staff_of(plan_a.plan, client)
    own = ProjectFactory(direction=plan_a.rows["direction"], code="A-SOLO")
    theirs = plan_b.rows["project"]
    response = client.post(
        "/en/admin/plans/project/",
        {"action": "delete_selected", "_selected_action": [own.pk, theirs.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Project.objects.filter(pk=own.pk).exists()
    assert Project.objects.filter(pk=theirs.pk).exists()


def test_another_plans_project_cannot_be_changed_by_a_forged_post(client, plan_a, plan_b):
    staff_of(plan_a.plan, client)
    own = plan_a.rows["project"]
    data = form_data(client.get(change_url(own)))
    theirs = plan_b.rows["project"]
    response = client.post(change_url(theirs), {**data, "title_it": "Preso"})
    assert response.status_code == 302 and response["Location"] == "/en/admin/"
    assert Project.objects.get(pk=theirs.pk).title_it == theirs.title_it


def objective_data(plan: Plan, direction) -> dict:
    return {
        "plan": str(plan.pk),
        "direction": str(direction.pk),
        "code": "NEW-1",
        "title_it": "Nuovo obiettivo",
        "order": "0",
    }


def test_staff_add_an_objective_to_their_plan(client, plan_a):
    staff_of(plan_a.plan, client)
    response = client.post(
        "/en/admin/plans/objective/add/", objective_data(plan_a.plan, plan_a.rows["direction"])
    )
    assert response.status_code == 302
    assert Objective.objects.get(code="NEW-1").plan == plan_a.plan


def test_an_objective_cannot_be_added_to_another_plan_by_a_forged_post(client, plan_a, plan_b):
    staff_of(plan_a.plan, client)
    before = Objective.objects.count()
    response = client.post(
        "/en/admin/plans/objective/add/", objective_data(plan_b.plan, plan_b.rows["direction"])
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["plan"] == [NOT_A_CHOICE]
    assert errors["direction"] == [NOT_A_CHOICE]
    assert Objective.objects.count() == before


def test_the_add_forms_choices_are_the_staffs_plans_rows(client, plan_a, plan_b):
    staff_of(plan_a.plan, client)
    form = client.get("/en/admin/plans/objective/add/").context["adminform"].form
    assert list(form.fields["plan"].queryset) == [plan_a.plan]
    assert set(form.fields["direction"].queryset) == {plan_a.rows["direction"]}
    assert set(form.fields["meta_objectives"].queryset) == {plan_a.rows["metaobjective"]}


def test_a_project_cannot_be_moved_to_another_plan(client, plan_a, plan_b):
    staff_of(plan_a.plan, client)
    project = plan_a.rows["project"]
    data = form_data(client.get(change_url(project)))
    response = client.post(change_url(project), {**data, "plan": str(plan_b.plan.pk)})
    assert response.context["adminform"].form.errors["plan"] == [NOT_A_CHOICE]
    assert Project.objects.get(pk=project.pk).plan == plan_a.plan


def test_an_inline_cannot_link_another_plans_objective(client, plan_a, plan_b):
    staff_of(plan_a.plan, client)
    project = plan_a.rows["project"]
    data = form_data(client.get(change_url(project)))
    data["contributions-0-objective"] = str(plan_b.rows["objective"].pk)
    response = client.post(change_url(project), data)
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.errors[0]["objective"] == [NOT_A_CHOICE]
    assert Contribution.objects.get(project=project).objective == plan_a.rows["objective"]


def test_autocomplete_offers_only_the_staffs_objectives(client, plan_a, plan_b):
    staff_of(plan_a.plan, client)
    response = client.get(
        "/en/admin/autocomplete/",
        {"app_label": "plans", "model_name": "contribution", "field_name": "objective", "term": ""},
    )
    offered = {int(item["id"]) for item in json.loads(response.content)["results"]}
    assert offered == set(Objective.objects.filter(plan=plan_a.plan).values_list("pk", flat=True))


def test_staff_change_their_own_plan(client, plan_a):
    staff_of(plan_a.plan, client)
    plan = plan_a.plan
    data = form_data(client.get(change_url(plan)))
    response = client.post(change_url(plan), {**data, "title_it": "Piano A rinominato"})
    assert response.status_code == 302
    assert Plan.objects.get(pk=plan.pk).title_it == "Piano A rinominato"


def test_staff_cannot_create_nor_delete_a_plan(client, plan_a):
    staff_of(plan_a.plan, client)
    assert client.get("/en/admin/plans/plan/add/").status_code == 403
    before = Plan.objects.count()
    response = client.post(
        "/en/admin/plans/plan/add/",
        {
            "slug": "mine",
            "title_it": "Mio",
            "territory_it": "T",
            "period_start": "2020",
            "period_end": "2030",
            "status": "draft",
        },
    )
    assert response.status_code == 403
    response = client.post(change_url(plan_a.plan).replace("change/", "delete/"), {"post": "yes"})
    assert response.status_code == 403
    assert Plan.objects.count() == before


def test_a_plans_slug_cannot_take_another_plans(client, plan_a, plan_b):
    staff_of(plan_a.plan, client)
    plan = plan_a.plan
    data = form_data(client.get(change_url(plan)))
    response = client.post(change_url(plan), {**data, "slug": plan_b.plan.slug})
    assert response.context["adminform"].form.errors["slug"] == [
        "Plan with this Slug already exists."
    ]
    assert Plan.objects.get(pk=plan.pk).slug == "plan-a"


def test_a_plans_lineage_reaches_its_previous_plan_and_no_other(client, plan_a, plan_b):
    """The staff of a plan need no role in the plan it follows to keep or use that link."""
    earlier = PlanFactory(slug="earlier", title_en="Earlier plan")
    plan = plan_a.plan
    plan.previous = earlier
    plan.save()
    carried = ProjectFactory(plan=earlier, direction=None, code="OLD-1")
    staff_of(plan, client)

    project = plan_a.rows["project"]
    data = form_data(client.get(change_url(project)))
    response = client.post(change_url(project), {**data, "carried_over_from": str(carried.pk)})
    assert response.status_code == 302
    assert Project.objects.get(pk=project.pk).carried_over_from == carried

    data = form_data(client.get(change_url(plan)))
    assert client.post(change_url(plan), data).status_code == 302  # its previous plan is kept
    response = client.post(change_url(plan), {**data, "previous": str(plan_b.plan.pk)})
    assert response.context["adminform"].form.errors["previous"] == [NOT_A_CHOICE]
    assert Plan.objects.get(pk=plan.pk).previous == earlier


def test_actors_and_municipalities_are_read_not_changed_by_plan_staff(client, plan_a):
    staff_of(plan_a.plan, client)
    actor = plan_a.rows["actor"]
    assert actor in listed(client.get("/en/admin/actors/actor/"))
    assert client.get("/en/admin/territory/municipality/").status_code == 200
    page = client.get(change_url(actor))
    assert page.status_code == 200 and "Save" not in page.content.decode()
    response = client.post(change_url(actor), {"name": "Renamed", "key": actor.key})
    assert response.status_code == 403
    assert Actor.objects.get(pk=actor.pk).name == actor.name
    assert client.get("/en/admin/actors/actor/add/").status_code == 403
    assert client.get("/en/admin/territory/municipality/add/").status_code == 403


def test_the_index_shows_plan_staff_what_they_may_use(client, plan_a):
    staff_of(plan_a.plan, client)
    app_list = client.get("/en/admin/").context["app_list"]
    shown = {model["object_name"] for app in app_list for model in app["models"]}
    assert [str(app["name"]) for app in app_list] == [
        "Actors",
        "Monitoring",
        "Participation",
        "People",
        "Plans",
        "Process",
        "Territory",
    ]
    assert {"Plan", "Project", "Objective", "PlanRole", "Category", "Actor", "Meeting"} <= shown
    assert {"User", "Group", "EmailAddress", "Authenticator"}.isdisjoint(shown)
    assert client.get("/en/admin/auth/user/").status_code == 403


def test_project_changelist_costs_a_constant_number_of_queries(client):
    def count(projects: int) -> int:
        plan = plan_with_content(f"Q{projects}", projects=projects).plan
        client.logout()
        staff_of(plan, client)
        client.get("/en/admin/plans/project/")  # warm the content types and the session
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/admin/plans/project/")
        assert len(response.context["cl"].result_list) == projects
        return len(queries)

    assert count(3) == count(60) == PROJECT_CHANGELIST_QUERIES


def test_deleting_an_area_asks_once_per_plan_whatever_its_rows(client):
    """The confirmation asks may-you-delete for each row it would delete, once per plan."""

    def count(directions: int) -> int:
        rows = plan_with_content(f"D{directions}")
        area = rows.rows["thematicarea"]
        for n in range(directions):
            DirectionFactory(area=area, code=f"X-{n}")
        client.logout()
        staff_of(rows.plan, client)
        address = change_url(area).replace("change/", "delete/")
        client.get(address)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(address)
        assert response.status_code == 200
        assert not response.context["perms_lacking"]
        return len(queries)

    assert count(2) == count(30)


def links_to_plan_content(model) -> list[str]:
    """The fields of `model` that point at a plan or at a plan's rows."""
    return [
        field.name
        for field in model._meta.get_fields()
        if field.is_relation
        and field.concrete
        and field.related_model is not None
        and plan_path(field.related_model) is not None
    ]


def test_every_admin_of_plan_content_is_scoped():
    """A new admin of plan content that forgot PlanContentAdmin would show every plan's rows."""
    checked = []
    for model, model_admin in admin.site._registry.items():
        inlines = [inline(model, admin.site) for inline in model_admin.inlines]
        for part, owner in [(model, model_admin), *((i.model, i) for i in inlines)]:
            if plan_path(part) is not None or links_to_plan_content(part):
                assert isinstance(owner, PlanScope), f"{type(owner).__name__} is not scoped"
                assert plan_path(part) is not None, f"{part.__name__} has no path to its plan"
                checked.append(part.__name__)
    assert {"Plan", "Project", "Contribution", "Dependency", "ProjectRole", "Category"} <= set(
        checked
    )


def test_a_scoped_admin_of_a_model_with_no_path_refuses_to_list(rf):
    class Unscoped(PlanContentAdmin):
        plan_permission = "plans.change_plan"

    request = rf.get("/")
    request.user = AnonymousUser()
    with pytest.raises(TypeError, match="Actor belongs to no plan"):
        Unscoped(Actor, admin.site).get_queryset(request)
