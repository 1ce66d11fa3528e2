"""Who may do what, as named predicates (django-rules) that views, the API and the admin all ask
through Django's permission API: `user.has_perm("plans.change_plan", plan)`.

Roles are held per plan (people/roles.py); a superuser holds every role on every plan.
"""

import rules

from ordito.people.models import PlanRole
from ordito.people.roles import ANALYST, MODERATOR, STAFF
from ordito.people.selectors import is_staff_where_actor_takes_part


def holds(role: str) -> rules.Predicate:
    """A predicate true for a person who holds `role` in the plan asked about."""

    @rules.predicate(name=f"holds_{role}")
    def holds_role(user, plan) -> bool:
        if plan is None or not user.is_authenticated:
            return False
        return PlanRole.objects.filter(user=user, plan=plan, role=role).exists()

    return holds_role


@rules.predicate
def is_active_superuser(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_superuser


is_plan_staff = is_active_superuser | holds(STAFF)
is_plan_moderator = is_active_superuser | holds(MODERATOR)
is_plan_analyst = is_active_superuser | holds(ANALYST)

# The plan's content and process: its staff.
rules.add_perm("plans.change_plan", is_plan_staff)
# Who holds which role in a plan: its staff.
rules.add_perm("people.manage_plan_roles", is_plan_staff)
# What participants write: the plan's moderators (and staff, who run the process).
rules.add_perm("people.moderate_plan", is_plan_moderator | is_plan_staff)
# The analysis data of a plan: its analysts (and staff).
rules.add_perm("people.change_plan_analyses", is_plan_analyst | is_plan_staff)


@rules.predicate
def is_staff_where_the_actor_takes_part(user, affiliation) -> bool:
    if affiliation is None or not user.is_authenticated:
        return False
    return is_staff_where_actor_takes_part(user=user, actor=affiliation.actor_id)


# A plan's categories of participants: its staff.
rules.add_perm("people.manage_plan_categories", is_plan_staff)
# The page of requests to represent the actors taking part in a plan: its staff.
rules.add_perm("people.review_plan_affiliations", is_plan_staff)


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
