"""Who may do what in participation, as named predicates (django-rules).

Moderating is people's `people.moderate_plan` (the plan's moderators and staff); managing boards
and consultations is the staff's `plans.change_plan`. Taking part needs an account that is
active and not suspended in the plan (`participation.take_part`).
"""

import rules
from django.utils import timezone

from ordito.participation.models import Suspension


@rules.predicate
def is_active_account(user) -> bool:
    return user.is_authenticated and user.is_active


@rules.predicate
def is_suspended(user, plan) -> bool:
    if plan is None or not user.is_authenticated:
        return False
    return Suspension.objects.filter(
        plan=plan, user=user, until__gt=timezone.now(), lifted_at__isnull=True
    ).exists()


rules.add_perm("participation.take_part", is_active_account & ~is_suspended)
