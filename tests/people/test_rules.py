"""Who may do what: each permission asked for each role, on the plan held and on another plan."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ordito.people import rules, services
from ordito.plans.models import Plan
from tests.people.factories import UserFactory
from tests.plans.factories import PlanFactory

pytestmark = pytest.mark.django_db

PERMISSIONS = (
    "plans.change_plan",
    "people.manage_plan_roles",
    "people.moderate_plan",
    "people.change_plan_analyses",
)
# What each role may do in its own plan; nobody may do anything in another plan.
ALLOWED = {
    "staff": set(PERMISSIONS),
    "moderator": {"people.moderate_plan"},
    "analyst": {"people.change_plan_analyses"},
    None: set(),
}


@pytest.mark.parametrize("role", list(ALLOWED))
@pytest.mark.parametrize("permission", PERMISSIONS)
def test_role_allows_exactly_its_permissions_in_its_own_plan_only(role, permission):
    plan, other_plan, user = PlanFactory(), PlanFactory(), UserFactory()
    if role is not None:
        services.plan_role_grant(plan=plan, user=user, role=role, by=None)
    assert user.has_perm(permission, plan) is (permission in ALLOWED[role])
    assert user.has_perm(permission, other_plan) is False


@pytest.mark.parametrize("permission", PERMISSIONS)
def test_superuser_holds_every_role_on_every_plan_while_active(permission):
    plan, superuser = PlanFactory(), UserFactory(is_superuser=True)
    assert superuser.has_perm(permission, plan)
    superuser.is_active = False
    assert not superuser.has_perm(permission, plan)


@pytest.mark.parametrize("permission", PERMISSIONS)
def test_anonymous_and_missing_plan_may_do_nothing(permission):
    plan, staff = PlanFactory(), UserFactory()
    services.plan_role_grant(plan=plan, user=staff, role="staff", by=None)
    assert not AnonymousUser().has_perm(permission, plan)
    assert not staff.has_perm(permission, None)


def test_a_revoked_role_allows_nothing_more():
    plan, user = PlanFactory(), UserFactory()
    services.plan_role_grant(plan=plan, user=user, role="staff", by=None)
    services.plan_role_revoke(plan=plan, user=user, role="staff", by=None)
    assert not user.has_perm("plans.change_plan", plan)


# The admin lists what a person may change with the other reading of the same rules: the plans
# where they hold a permission, as a query (people.rules.plans_permitting).


def plans_listed(user, permission) -> set | None:
    plans = rules.plans_permitting(user, permission)
    return None if plans is None else set(Plan.objects.filter(pk__in=plans))


@pytest.mark.parametrize("roles", [(), ("staff",), ("moderator",), ("analyst", "moderator")])
@pytest.mark.parametrize("permission", PERMISSIONS)
def test_the_plans_listed_are_the_plans_the_predicates_allow(roles, permission):
    first, second, third, user = PlanFactory(), PlanFactory(), PlanFactory(), UserFactory()
    for role, plan in zip(roles, (first, second), strict=False):
        services.plan_role_grant(plan=plan, user=user, role=role, by=None)
    allowed = {plan for plan in (first, second, third) if user.has_perm(permission, plan)}
    assert plans_listed(user, permission) == allowed


def test_the_admins_rules():
    plan, staff, moderator = PlanFactory(), UserFactory(), UserFactory()
    services.plan_role_grant(plan=plan, user=staff, role="staff", by=None)
    services.plan_role_grant(plan=plan, user=moderator, role="moderator", by=None)
    superuser = UserFactory(is_superuser=True)
    assert staff.has_perm("people.use_admin") and superuser.has_perm("people.use_admin")
    assert not moderator.has_perm("people.use_admin")
    assert not AnonymousUser().has_perm("people.use_admin")
    for permission in ("plans.add_plan", "plans.delete_plan"):
        assert superuser.has_perm(permission) and not staff.has_perm(permission, plan)
    assert plans_listed(superuser, "plans.change_plan") is None  # every plan
    assert plans_listed(AnonymousUser(), "plans.change_plan") == set()
    assert plans_listed(staff, "no.such_permission") == set()
