"""Addresses of the public site; mounted at the root, in Italian at `/` and in English at `/en/`."""

from django.urls import path, register_converter

from ordito.web import views


class IdConverter:
    """A database id: at most 18 digits, so that no id overflows a 64-bit integer column.

    A longer number is no address here (404) instead of an error from the database.
    """

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "dbid")

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("p/<slug:plan_slug>/", views.plan, name="plan"),
    path("p/<slug:plan_slug>/areas/<dbid:pk>/", views.area, name="area"),
    path("p/<slug:plan_slug>/directions/<dbid:pk>/", views.direction, name="direction"),
    path("p/<slug:plan_slug>/objectives/<dbid:pk>/", views.objective, name="objective"),
    path("p/<slug:plan_slug>/projects/", views.project_list, name="project_list"),
    path("p/<slug:plan_slug>/projects/<dbid:pk>/", views.project, name="project"),
    path("p/<slug:plan_slug>/search/", views.search, name="search"),
    path("actors/", views.actor_list, name="actor_list"),
    path("actors/<dbid:pk>/", views.actor, name="actor"),
]
