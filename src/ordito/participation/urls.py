"""Addresses of participation's pages, under a plan: `/p/<plan>/forum/…`, reports and moderation."""

from django.urls import path

import ordito.core.converters  # noqa: F401  (registers <dbid:…>)
from ordito.participation.views import forum, moderation

app_name = "participation"
urlpatterns = [
    path("p/<slug:plan_slug>/forum/", forum.forum, name="forum"),
    path("p/<slug:plan_slug>/forum/search/", forum.search, name="search"),
    path("p/<slug:plan_slug>/forum/boards/<slug:board_slug>/", forum.board, name="board"),
    path("p/<slug:plan_slug>/forum/threads/<dbid:pk>/", forum.thread, name="thread"),
    path(
        "p/<slug:plan_slug>/forum/threads/<dbid:pk>/follow/",
        forum.thread_follow,
        name="thread_follow",
    ),
    path("p/<slug:plan_slug>/forum/posts/<dbid:pk>/edit/", forum.post_edit, name="post_edit"),
    path("p/<slug:plan_slug>/report/<slug:kind>/<dbid:pk>/", moderation.report, name="report"),
    path("p/<slug:plan_slug>/moderation/", moderation.queue, name="queue"),
    path("p/<slug:plan_slug>/moderation/mine/", moderation.my_moderation, name="my_moderation"),
]
