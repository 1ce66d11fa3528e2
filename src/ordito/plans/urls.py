"""Addresses of the plans' pages; mounted at the root, in Italian at `/` and in English at `/en/`."""

from django.urls import path

import ordito.core.converters  # noqa: F401  (registers <dbid:…>)
from ordito.plans.views import actors, projects, structure

app_name = "plans"
urlpatterns = [
    path("p/<slug:plan_slug>/", structure.plan, name="plan"),
    path("p/<slug:plan_slug>/areas/<dbid:pk>/", structure.area, name="area"),
    path("p/<slug:plan_slug>/directions/<dbid:pk>/", structure.direction, name="direction"),
    path("p/<slug:plan_slug>/objectives/<dbid:pk>/", structure.objective, name="objective"),
    path("p/<slug:plan_slug>/projects/", projects.project_list, name="project_list"),
    path("p/<slug:plan_slug>/projects/<dbid:pk>/", projects.project, name="project"),
    path("p/<slug:plan_slug>/search/", projects.search, name="search"),
    path("actors/", actors.actor_list, name="actor_list"),
    path("actors/<dbid:pk>/", actors.actor, name="actor"),
]
