"""Reads of plans that pages, the API and the exporter share, split by concern.

Each selector names the related rows its callers use, so a page costs a constant number of
queries whatever the size of the plan.
"""

from ordito.plans.selectors import contents
from ordito.plans.selectors.actors import (
    ActorFilters,
    actor_get,
    actor_list,
    actor_roles,
    actors_of_plan,
    actors_taking_part,
    plans_of_actor,
)
from ordito.plans.selectors.projects import (
    PROJECT_SORTS,
    ProjectFilters,
    localized_title,
    project_filter_choices,
    project_get,
    project_list,
    project_row,
    project_sort,
)
from ordito.plans.selectors.structure import (
    area_get,
    direction_get,
    objective_contributions,
    objective_get,
    plan_counts,
    plan_current,
    plan_get,
    plan_latest_changes,
    plan_list,
    plan_search,
    plan_tree,
    text_matches,
)

__all__ = [
    "PROJECT_SORTS",
    "ActorFilters",
    "ProjectFilters",
    "actor_get",
    "actor_list",
    "actor_roles",
    "actors_of_plan",
    "actors_taking_part",
    "area_get",
    "contents",
    "direction_get",
    "localized_title",
    "objective_contributions",
    "objective_get",
    "plan_counts",
    "plan_current",
    "plan_get",
    "plan_latest_changes",
    "plan_list",
    "plan_search",
    "plan_tree",
    "plans_of_actor",
    "project_filter_choices",
    "project_get",
    "project_list",
    "project_row",
    "project_sort",
    "text_matches",
]
