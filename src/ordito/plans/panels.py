"""Panels that higher apps add to a plan's page, without `plans` importing them (decision 0004).

An app registers, in its `AppConfig.ready`, a template and a function giving that template's
context for a plan; the plan's page renders each registered panel, in the order registered,
inside a cached fragment keyed by the plan's content version. The context is computed lazily, so a
page served from the cache runs none of its queries. The app must register the rows its panel
shows with `core.versions.content_register`, so that writing them refreshes the panel.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import SimpleLazyObject

from ordito.plans.models import Plan


@dataclass(frozen=True, slots=True)
class PlanPanel:
    name: str
    template: str
    context: Callable[[Plan], Mapping[str, Any]]


_panels: dict[str, PlanPanel] = {}


def plan_panel_register(
    *, name: str, template: str, context: Callable[[Plan], Mapping[str, Any]]
) -> None:
    """Show `template` on every plan's page, with `context(plan)` as its `panel` variable."""
    if name in _panels:
        raise ValueError(f"The plan panel {name!r} is already registered.")
    _panels[name] = PlanPanel(name=name, template=template, context=context)


def plan_panels(plan: Plan) -> list[dict[str, Any]]:
    """The registered panels for `plan`: name, template and a lazily computed context."""
    return [
        {
            "name": panel.name,
            "template": panel.template,
            "context": SimpleLazyObject(lambda panel=panel: panel.context(plan)),
        }
        for panel in _panels.values()
    ]
