"""Participation in the admin, scoped by plan (core/admin.py, docs/decisions/0006).

A plan's staff edit its boards and read its threads, posts, reports, moderation log and
suspensions, all under `plans.change_plan`: only staff enter the admin (`people.use_admin`), so
moderators work in the site's queue (`participation:queue`), and asking one permission keeps the
admin's sidebar at the queries it cost before. Acting on reports goes through the queue, whose
services record the reason and tell the person, so these pages change nothing there.
"""

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from ordito.core.admin import PlanContentAdmin
from ordito.participation.models import Board, ModerationAction, Post, Report, Suspension, Thread
from ordito.plans.admin import PlanStaffAdmin


@admin.register(Board)
class BoardAdmin(PlanStaffAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["title", "plan", "kind", "direction", "is_open", "order", "is_example"]
    list_filter = ["plan", "kind", "is_open"]
    search_fields = ["title", "slug"]
    fields = ["plan", "slug", "kind", "direction", "title", "description", "is_open", "order",
              "is_example"]  # fmt: skip


class ModerationReadAdmin(PlanContentAdmin):
    """Read-only: acting on what participants wrote goes through the queue's services."""

    plan_permission = "plans.change_plan"

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Thread)
class ThreadAdmin(ModerationReadAdmin):
    list_display = ["title", "board", "author", "created_at", "last_activity_at", "is_hidden"]
    list_filter = ["board", "is_hidden", "is_example"]
    search_fields = ["title"]
    list_select_related = ["board", "author"]


@admin.register(Post)
class PostAdmin(ModerationReadAdmin):
    list_display = ["pk", "thread", "author", "created_at", "edited_at", "is_hidden"]
    list_filter = ["is_hidden", "is_example"]
    search_fields = ["body"]
    list_select_related = ["thread", "author"]
    exclude = ["search_vector"]


@admin.register(Report)
class ReportAdmin(ModerationReadAdmin):
    list_display = ["pk", "plan", "content_type", "object_id", "reporter", "created_at",
                    "resolved_at"]  # fmt: skip
    list_filter = ["plan", "content_type"]
    list_select_related = ["plan", "content_type", "reporter"]


@admin.register(ModerationAction)
class ModerationActionAdmin(ModerationReadAdmin):
    list_display = ["at", "plan", "kind", "person", "by", "reason"]
    list_filter = ["plan", "kind"]
    list_select_related = ["plan", "person", "by"]


@admin.register(Suspension)
class SuspensionAdmin(ModerationReadAdmin):
    list_display = ["user", "plan", "until", "reason", "by", "lifted_at"]
    list_filter = ["plan"]
    list_select_related = ["plan", "user", "by"]
