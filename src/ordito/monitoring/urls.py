"""Addresses of the monitoring's pages, under each plan's `/p/<plan>/`."""

from django.urls import path

import ordito.core.converters  # noqa: F401  (registers <dbid:…>)
from ordito.monitoring import views

app_name = "monitoring"
PLAN = "p/<slug:plan_slug>/"
urlpatterns = [
    path(PLAN + "monitoring/", views.dashboard, name="dashboard"),
    path(PLAN + "monitoring/projects/<dbid:pk>/", views.project_timeline, name="project"),
    path(PLAN + "monitoring/updates/<dbid:pk>/publish/", views.update_publish, name="publish"),
]
