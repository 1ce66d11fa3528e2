from django.apps import AppConfig


class ProcessConfig(AppConfig):
    """The participatory process: phases, milestones, commissions, meetings, the assembly."""

    name = "ordito.process"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

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
