"""Who enters the admin, and what a plan's staff may do there with the plan's people: the roles
held in their plans and their categories of participants, and nothing of another plan's."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from ordito.people.models import Category, Notification, PlanRole
from ordito.people.services import plan_role_grant
from ordito.plans.models import Objective, Project
from tests.admin_pages import change_url, plan_with_content, staff_of, with_second_factor
from tests.people.factories import PersonFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

NOT_A_CHOICE = "Select a valid choice. That choice is not one of the available choices."
SET_UP = "/en/accounts/2fa/totp/activate/"


@pytest.fixture
def plan_a():
    return plan_with_content("A")


@pytest.fixture
def plan_b():
    return plan_with_content("B")


def listed(response) -> set:
    assert response.status_code == 200, response.status_code
    return set(response.context["cl"].result_list)


# Who enters.


@pytest.mark.parametrize("address", ["/en/admin/", "/en/admin/plans/project/"])
def test_plan_staff_with_a_second_factor_enter_the_admin(client, plan_a, address):
    staff_of(plan_a.plan, client)
    response = client.get(address)
    assert response.status_code == 200
    assert "Ordito administration" in response.content.decode()


@pytest.mark.parametrize("address", ["/en/admin/", "/en/admin/plans/objective/"])
def test_plan_staff_without_a_second_factor_are_sent_to_set_it_up(client, plan_a, address):
    staff_of(plan_a.plan, client, second_factor=False)
    response = client.get(address)
    assert response.status_code == 302
    assert response["Location"] == SET_UP


@pytest.mark.parametrize("role", ["moderator", "analyst"])
def test_a_moderator_or_analyst_cannot_enter(client, plan_a, role):
    user = staff_of(plan_a.plan, client, role=role)
    assert PlanRole.objects.get(user=user).role == role
    for address in ("/en/admin/", "/en/admin/plans/project/"):
        response = client.get(address, follow=True)
        assert response.redirect_chain[0][0].startswith("/en/admin/login/")
        assert response.status_code == 403
        assert "A-P0" not in response.content.decode()


def test_a_person_with_no_role_gets_the_login_then_is_refused(client, plan_a):
    person = PersonFactory()
    with_second_factor(person.user)
    client.force_login(person.user)
    response = client.get("/en/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/en/admin/login/?next=/en/admin/"
    assert client.get(response["Location"]).status_code == 403


def test_is_staff_alone_no_longer_opens_the_admin(client, plan_a):
    """Entering is the rule people.use_admin: a plan's staff or a superuser, not a flag."""
    person = PersonFactory(user__is_staff=True)
    with_second_factor(person.user)
    client.force_login(person.user)
    assert client.get("/en/admin/", follow=True).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get("/en/admin/plans/project/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/en/accounts/login/")


def test_a_plans_staff_lose_the_admin_with_their_role(client, plan_a):
    user = staff_of(plan_a.plan, client)
    assert client.get("/en/admin/").status_code == 200
    PlanRole.objects.filter(user=user).delete()
    assert client.get("/en/admin/").status_code == 302


# Roles.


def test_the_roles_changelist_shows_only_the_staffs_plans(client, plan_a, plan_b):
    other_staff = PersonFactory().user
    plan_role_grant(plan=plan_b.plan, user=other_staff, role="staff", by=None)
    me = staff_of(plan_a.plan, client)
    moderator = PersonFactory().user
    plan_role_grant(plan=plan_a.plan, user=moderator, role="moderator", by=None)
    response = client.get("/en/admin/people/planrole/")
    assert listed(response) == set(PlanRole.objects.filter(plan=plan_a.plan))
    assert {(held.user, held.role) for held in listed(response)} == {
        (me, "staff"),
        (moderator, "moderator"),
    }
    assert other_staff.email not in response.content.decode()


def test_superuser_sees_every_plans_roles(staff_client, plan_a, plan_b):
    plan_role_grant(plan=plan_a.plan, user=PersonFactory().user, role="staff", by=None)
    plan_role_grant(plan=plan_b.plan, user=PersonFactory().user, role="analyst", by=None)
    assert listed(staff_client.get("/en/admin/people/planrole/")) == set(PlanRole.objects.all())


def test_staff_give_a_role_in_their_plan_by_email(client, plan_a):
    me = staff_of(plan_a.plan, client)
    ana = PersonFactory(user__email="ana@example.org").user
    response = client.post(
        "/en/admin/people/planrole/add/",
        {"plan": str(plan_a.plan.pk), "email": "ANA@example.org", "role": "analyst"},
    )
    assert response.status_code == 302
    held = PlanRole.objects.get(user=ana)
    assert (held.plan, held.role, held.granted_by) == (plan_a.plan, "analyst", me)
    assert Notification.objects.filter(user=ana).count() == 1  # through the service


def test_staff_cannot_give_a_role_in_another_plan(client, plan_a, plan_b):
    staff_of(plan_a.plan, client)
    bea = PersonFactory(user__email="bea@example.org").user
    response = client.post(
        "/en/admin/people/planrole/add/",
        {"plan": str(plan_b.plan.pk), "email": "bea@example.org", "role": "staff"},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["plan"] == [NOT_A_CHOICE]
    assert not PlanRole.objects.filter(user=bea).exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "nobody@example.org", "role": "staff"}, "email", "No active account has"),
        ({"email": "not-an-address", "role": "staff"}, "email", "Enter a valid email address."),
        ({"email": "ana@example.org", "role": "emperor"}, "role", "Select a valid choice."),
        ({"email": "a" * 250 + "@example.org", "role": "staff"}, "email", "at most 254"),
        ({"role": "staff"}, "email", "This field is required."),
    ],
)
def test_bad_grants_say_why_and_change_nothing(client, plan_a, data, field, message):
    staff_of(plan_a.plan, client)
    PersonFactory(user__email="ana@example.org")
    before = PlanRole.objects.count()
    response = client.post("/en/admin/people/planrole/add/", {"plan": str(plan_a.plan.pk), **data})
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors[field])
    assert PlanRole.objects.count() == before


def test_staff_take_a_role_away_in_their_plan(client, plan_a):
    staff_of(plan_a.plan, client)
    held, _created = plan_role_grant(
        plan=plan_a.plan, user=PersonFactory().user, role="moderator", by=None
    )
    response = client.post(change_url(held).replace("change/", "delete/"), {"post": "yes"})
    assert response.status_code == 302
    assert not PlanRole.objects.filter(pk=held.pk).exists()


def test_staff_cannot_see_nor_take_a_role_in_another_plan(client, plan_a, plan_b):
    staff_of(plan_a.plan, client)
    held, _created = plan_role_grant(
        plan=plan_b.plan, user=PersonFactory().user, role="staff", by=None
    )
    response = client.get(change_url(held), follow=True)
    assert "doesn’t exist. Perhaps it was deleted?" in response.content.decode()
    client.post(change_url(held).replace("change/", "delete/"), {"post": "yes"})
    client.post(
        "/en/admin/people/planrole/",
        {"action": "delete_selected", "_selected_action": [held.pk], "post": "yes"},
    )
    assert PlanRole.objects.filter(pk=held.pk).exists()


def test_a_role_is_given_or_taken_never_edited(client, plan_a, plan_b):
    staff_of(plan_a.plan, client)
    held, _created = plan_role_grant(
        plan=plan_a.plan, user=PersonFactory().user, role="moderator", by=None
    )
    assert client.get(change_url(held)).status_code == 200  # read only
    response = client.post(change_url(held), {"plan": str(plan_b.plan.pk), "role": "staff"})
    assert response.status_code == 403
    held.refresh_from_db()
    assert (held.plan, held.role) == (plan_a.plan, "moderator")


# Categories of participants.


def test_the_categories_changelist_shows_only_the_staffs_plan(client, plan_a, plan_b):
    staff_of(plan_a.plan, client)
    shown = listed(client.get("/en/admin/people/category/"))
    assert shown == set(Category.objects.filter(plan=plan_a.plan))
    assert len(shown) == 7  # the default list (people/categories.py)


def test_a_category_cannot_be_added_to_another_plan(client, plan_a, plan_b):
    staff_of(plan_a.plan, client)
    data = {"key": "retired", "label_it": "Pensionato", "order": "9"}
    response = client.post("/en/admin/people/category/add/", {**data, "plan": plan_b.plan.pk})
    assert response.context["adminform"].form.errors["plan"] == [NOT_A_CHOICE]
    assert not Category.objects.filter(key="retired").exists()
    response = client.post("/en/admin/people/category/add/", {**data, "plan": plan_a.plan.pk})
    assert response.status_code == 302
    assert Category.objects.get(key="retired").plan == plan_a.plan


# Accounts are for superusers.


def test_plan_staff_cannot_reach_accounts(client, plan_a):
    user = staff_of(plan_a.plan, client)
    for address in ("/en/admin/auth/user/", f"/en/admin/auth/user/{user.pk}/change/"):
        assert client.get(address).status_code == 403
    response = client.post(f"/en/admin/auth/user/{user.pk}/change/", {"is_superuser": "on"})
    assert response.status_code == 403
    assert not get_user_model().objects.get(pk=user.pk).is_superuser


# CSRF.


def test_admin_writes_need_the_csrf_token(plan_a):
    client = Client(enforce_csrf_checks=True)
    staff_of(plan_a.plan, client)
    data = {
        "plan": str(plan_a.plan.pk),
        "direction": str(plan_a.rows["direction"].pk),
        "code": "NEW-1",
        "title_it": "Nuovo",
        "order": "0",
    }
    assert client.post("/en/admin/plans/objective/add/", data).status_code == 403
    assert not Objective.objects.filter(code="NEW-1").exists()
    project = plan_a.rows["project"]
    delete = change_url(project).replace("change/", "delete/")
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Project.objects.filter(pk=project.pk).exists()
    # With the token the form carries, the same post goes through.
    token = client.get("/en/admin/plans/objective/add/").context["csrf_token"]
    response = client.post(
        "/en/admin/plans/objective/add/", {**data, "csrfmiddlewaretoken": str(token)}
    )
    assert response.status_code == 302
    assert Objective.objects.filter(code="NEW-1").exists()
