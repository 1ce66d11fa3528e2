from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalysesConfig(AppConfig):
    """The analyses of a plan on its live data: inputs read from the plan, results, pages, API."""

    name = "ordito.analyses"

    def ready(self) -> None:
        from ordito.analyses import rules  # noqa: F401  (registers the permissions)
        from ordito.plans.sections import plan_section_register

        plan_section_register(label=_("Analyses"), url_name="analyses:index")
