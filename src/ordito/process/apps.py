from django.apps import AppConfig


class ProcessConfig(AppConfig):
    """The participatory process: phases, milestones, commissions, meetings, the assembly."""

    name = "ordito.process"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from ordito.people.roles import role_register
        from ordito.process import (
            rules,  # noqa: F401  (registers the permissions)
            versions,
        )
        from ordito.process.models import CommissionMembership

        versions.register()
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
