from django.apps import AppConfig


class ProcessConfig(AppConfig):
    """The participatory process: phases, milestones, commissions, meetings, the assembly."""

    name = "ordito.process"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from ordito.people.roles import role_register
        from ordito.plans.panels import plan_panel_register
        from ordito.process import (
            personal_parts,
            rules,  # noqa: F401  (registers the permissions)
            selectors,
            versions,
        )
        from ordito.process.models import CommissionMembership

        versions.register()
        personal_parts.register()
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
