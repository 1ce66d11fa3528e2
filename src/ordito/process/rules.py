"""Who may see and do what in the process, as named predicates (django-rules), asked through
Django's permission API: `user.has_perm("process.view_workspace", commission)`.

The plan's staff (`plans.change_plan`) run the process; a commission's members and coordinators
(process.models.CommissionMembership, their roles registered with people.roles) work in its
workspace and see its internal meetings. A superuser holds every permission.
"""

import rules

from ordito.people.rules import is_active_superuser, is_plan_staff
from ordito.process.models import Commission, CommissionMembership, Meeting


@rules.predicate
def is_staff_of_commission_plan(user, commission: Commission | None) -> bool:
    return commission is not None and is_plan_staff(user, commission.plan)


@rules.predicate
def is_commission_member(user, commission: Commission | None) -> bool:
    """A member or coordinator of `commission`."""
    if commission is None or not user.is_authenticated:
        return False
    return CommissionMembership.objects.filter(commission=commission, user=user).exists()


@rules.predicate
def is_commission_coordinator(user, commission: Commission | None) -> bool:
    if commission is None or not user.is_authenticated:
        return False
    return CommissionMembership.objects.filter(
        commission=commission, user=user, role=CommissionMembership.Role.COORDINATOR
    ).exists()


@rules.predicate
def is_public_meeting(user, meeting: Meeting | None) -> bool:
    return meeting is not None and not meeting.is_internal


@rules.predicate
def is_staff_of_meeting_plan(user, meeting: Meeting | None) -> bool:
    return meeting is not None and is_plan_staff(user, meeting.plan)


@rules.predicate
def is_member_of_meeting_commission(user, meeting: Meeting | None) -> bool:
    """A member of one of the commissions whose (internal) meeting this is."""
    if meeting is None or not user.is_authenticated:
        return False
    return CommissionMembership.objects.filter(user=user, commission__meetings=meeting).exists()


can_use_workspace = is_active_superuser | is_staff_of_commission_plan | is_commission_member

# The members' workspace of a commission (drafts, contacts, internal meetings): its members and
# coordinators, and the plan's staff. Everyone else gets a 404, not a 403.
rules.add_perm("process.view_workspace", can_use_workspace)
# Upload a new version of a draft: whoever may use the workspace.
rules.add_perm("process.add_document_version", can_use_workspace)
# A meeting: everyone when public; an internal one, its commissions' members and the staff.
rules.add_perm(
    "process.view_meeting",
    is_public_meeting
    | is_active_superuser
    | is_staff_of_meeting_plan
    | is_member_of_meeting_commission,
)
# Registrations (process/registrations.py): anyone logged in who may see the meeting registers;
# the plan's staff see the list, export it, record attendance and cancel for others.
rules.add_perm(
    "process.register_meeting",
    rules.is_authenticated
    & (
        is_public_meeting
        | is_active_superuser
        | is_staff_of_meeting_plan
        | is_member_of_meeting_commission
    ),
)
rules.add_perm("process.manage_registrations", is_active_superuser | is_staff_of_meeting_plan)
