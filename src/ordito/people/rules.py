"""Who may do what, as named predicates (django-rules) that views, the API and the admin all ask
through Django's permission API: `user.has_perm("plans.change_plan", plan)`.

Roles are held per plan (people/roles.py); a superuser holds every role on every plan.

`PLAN_PERMISSIONS` says which roles grant each permission in a plan. The predicates are built from
it, and so is the other reading that lists need, "in which plans does this person hold it?"
(`plans_permitting`, which people registers with core/plan_access.py for the admin's scoping):
one table, two readings that cannot disagree.
"""

import rules
from django.db.models import QuerySet

from ordito.people.models import PlanRole
from ordito.people.roles import ANALYST, MODERATOR, STAFF
from ordito.people.selectors import is_staff_where_actor_takes_part

PLAN_PERMISSIONS: dict[str, tuple[str, ...]] = {
    # The plan's content and process: its staff.
    "plans.change_plan": (STAFF,),
    # Who holds which role in a plan: its staff.
    "people.manage_plan_roles": (STAFF,),
    # What participants write: the plan's moderators (and staff, who run the process).
    "people.moderate_plan": (MODERATOR, STAFF),
    # The analysis data of a plan: its analysts (and staff).
    "people.change_plan_analyses": (ANALYST, STAFF),
    # A plan's categories of participants: its staff.
    "people.manage_plan_categories": (STAFF,),
    # The page of requests to represent the actors taking part in a plan: its staff.
    "people.review_plan_affiliations": (STAFF,),
}


def holds(*roles: str) -> rules.Predicate:
    """A predicate true for a person who holds one of `roles` in the plan asked about."""

    @rules.predicate(name=f"holds_{'_or_'.join(roles)}")
    def holds_role(user, plan) -> bool:
        if plan is None or not user.is_authenticated:
            return False
        return PlanRole.objects.filter(user=user, plan=plan, role__in=roles).exists()

    return holds_role


def holds_anywhere(role: str) -> rules.Predicate:
    """A predicate true for a person who holds `role` in at least one plan."""

    @rules.predicate(name=f"holds_{role}_anywhere")
    def holds_role_anywhere(user) -> bool:
        if not user.is_authenticated:
            return False
        return PlanRole.objects.filter(user=user, role=role).exists()

    return holds_role_anywhere


@rules.predicate
def is_active_superuser(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_superuser


# Named for the other apps' rules (process/rules.py), which combine them with their own.
is_plan_staff = is_active_superuser | holds(STAFF)
is_plan_moderator = is_active_superuser | holds(MODERATOR)

for permission, granting_roles in PLAN_PERMISSIONS.items():
    rules.add_perm(permission, is_active_superuser | holds(*granting_roles))

# The admin: the staff of some plan, who then see only their plans' content (core/admin.py).
rules.add_perm("people.use_admin", is_active_superuser | holds_anywhere(STAFF))
# A plan itself is created and deleted by superusers: its staff change it, and a new plan
# starts with nobody holding a role in it.
rules.add_perm("plans.add_plan", is_active_superuser)
rules.add_perm("plans.delete_plan", is_active_superuser)


def plans_permitting(user, permission: str) -> QuerySet | None:
    """The plans where `user` holds `permission`, as a lazy queryset of their primary keys;
    None for an active superuser (every plan). A permission not in `PLAN_PERMISSIONS` is held
    in no plan."""
    if is_active_superuser(user):
        return None
    if not user.is_authenticated:
        return PlanRole.objects.none().values("plan")
    granting_roles = PLAN_PERMISSIONS.get(permission, ())
    return PlanRole.objects.filter(user=user, role__in=granting_roles).values("plan")


@rules.predicate
def is_staff_where_the_actor_takes_part(user, affiliation) -> bool:
    if affiliation is None or not user.is_authenticated:
        return False
    return is_staff_where_actor_takes_part(user=user, actor=affiliation.actor_id)


@rules.predicate
def is_own_affiliation(user, affiliation) -> bool:
    return affiliation is not None and affiliation.user_id == user.pk


# Confirming or declining a request to represent an actor: the staff of any plan where the actor
# takes part (plans/taking_part.py), whichever plan's page they decide from; never the person
# who asks, so that someone else vouches for them.
rules.add_perm(
    "people.decide_affiliation",
    (is_active_superuser | is_staff_where_the_actor_takes_part) & ~is_own_affiliation,
)
