from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    """The monitoring of the plan's projects: statuses, progress updates and their roll-up."""

    name = "ordito.monitoring"
    verbose_name = _("Monitoring")  # the heading of its models in the admin

    def ready(self) -> None:
        from ordito.core.plan_access import plan_path_register
        from ordito.monitoring import (
            models,
            personal_parts,
            rules,  # noqa: F401  (registers the permissions)
            versions,
        )
        from ordito.plans.panels import plan_panel_register

        versions.register()
        personal_parts.register()
        plan_path_register(models.MonitoringSettings, "plan")
        plan_path_register(models.ProjectStatus, "plan")
        plan_path_register(models.ProgressUpdate, "project__plan")
        plan_panel_register(
            name="monitoring",
            template="monitoring/includes/plan_panel.html",
            context=lambda plan: {},
        )
