"""The staff's editing of the monitoring in the admin, scoped by plan (core/admin.py): a plan's
staff see and change only the statuses, settings and updates of the plans they hold
`plans.change_plan` in; monitoring/apps.py says how each row reaches its plan."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ordito.core.admin import PlanContentAdmin
from ordito.monitoring.models import MonitoringSettings, ProgressUpdate, ProjectStatus


class MonitoringStaffAdmin(PlanContentAdmin):
    plan_permission = "plans.change_plan"


@admin.register(MonitoringSettings)
class MonitoringSettingsAdmin(MonitoringStaffAdmin, SimpleHistoryAdmin):
    list_display = ["plan", "weighting"]
    list_select_related = ["plan"]


@admin.register(ProjectStatus)
class ProjectStatusAdmin(MonitoringStaffAdmin, SimpleHistoryAdmin):
    list_display = ["label", "key", "plan", "order"]
    list_filter = ["plan"]
    list_select_related = ["plan"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(MonitoringStaffAdmin, SimpleHistoryAdmin):
    list_display = ["project", "date", "status", "progress", "is_published", "author"]
    list_filter = ["project__plan", "is_published"]
    list_select_related = ["project", "status", "author"]
    raw_id_fields = ["project", "author"]
    readonly_fields = ["version", "published_at"]
