from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessConfig(AppConfig):
    """The participatory process: phases, milestones, commissions, meetings, the assembly."""

    name = "ordito.process"
    verbose_name = _("Process")  # the heading of its models in the admin

    def ready(self) -> None:

        from ordito.people.my_area import my_area_section_register
        from ordito.people.roles import role_register
        from ordito.plans.panels import plan_panel_register
        from ordito.process import (
            personal_parts,
            registrations,
            rules,  # noqa: F401  (registers the permissions)
            selectors,
            versions,
        )
        from ordito.process.models import CommissionMembership
        from ordito.process.views.calendars import my_area_section

        versions.register()
        plan_paths_register()
        personal_parts.register()
        registrations.notification_kinds_register()
        registrations.personal_data_parts_register()
        my_area_section_register(
            "process-registrations",
            template="process/registrations/my_area_section.html",
            context=my_area_section,
        )
        plan_panel_register(
            name="process",
            template="process/includes/plan_panel.html",
            context=lambda plan: {"motions": list(selectors.motions_approved(plan=plan))},
        )
        role_register(
            CommissionMembership.Role.COORDINATOR.value,
            label=_("Commission coordinator"),
            description=_("Coordinates a commission: its meetings, minutes and drafts."),
        )
        role_register(
            CommissionMembership.Role.MEMBER.value,
            label=_("Commission member"),
            description=_("Works in a commission's space: its meetings and drafts."),
        )


def plan_paths_register() -> None:
    """How each row of the process reaches its plan, for the admin's scoping (core/plan_access.py)."""
    from ordito.core.plan_access import plan_path_register
    from ordito.process import models

    for part in (models.Phase, models.Milestone, models.Commission, models.Meeting):
        plan_path_register(part, "plan")
    for of_commission in (models.CommissionMembership, models.CommissionDocument):
        plan_path_register(of_commission, "commission__plan")
    plan_path_register(models.DocumentVersion, "document__commission__plan")
    for of_meeting in (
        models.MeetingDocument,
        models.ConferenceSession,
        models.Motion,
        models.Registration,
    ):
        plan_path_register(of_meeting, "meeting__plan")
