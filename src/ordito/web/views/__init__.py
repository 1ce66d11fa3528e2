"""The public site's views, one module per family of pages."""

from ordito.web.views.actors import actor, actor_list
from ordito.web.views.plans import area, direction, home, objective, plan
from ordito.web.views.projects import project, project_list, search

__all__ = [
    "actor",
    "actor_list",
    "area",
    "direction",
    "home",
    "objective",
    "plan",
    "project",
    "project_list",
    "search",
]
