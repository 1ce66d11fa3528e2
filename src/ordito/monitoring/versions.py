"""How the monitoring's rows reach the plans whose pages show them (core/versions.py)."""

from ordito.core.versions import along, content_register


def register() -> None:
    from ordito.monitoring.models import MonitoringSettings, ProgressUpdate, ProjectStatus

    content_register(MonitoringSettings, along("plan"))
    content_register(ProjectStatus, along("plan"))
    content_register(ProgressUpdate, along("project__plan"))
