from django.apps import AppConfig


class AnalysesConfig(AppConfig):
    """The analyses of a plan on its live data: inputs read from the plan, results, pages, API."""

    name = "ordito.analyses"

    def ready(self) -> None:
        from ordito.analyses import rules  # noqa: F401  (registers the permissions)
        from ordito.plans.panels import plan_panel_register

        plan_panel_register(
            name="analyses", template="analyses/includes/plan_panel.html", context=lambda plan: {}
        )
