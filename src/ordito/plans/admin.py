"""The staff's editing of plans. Forms validate through the models' `clean()`, which applies the
same rules as the services (plans/integrity.py), so the admin shows the same messages; and every
change raises the content version of the plans it shows on, as the services do (core/versions.py).

Every page is scoped by plan (core/admin.py): a plan's staff see, choose and change only the rows
of the plans where they hold `plans.change_plan`; superusers see every plan. Only superusers add
or delete a plan (people/rules.py).
"""

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from ordito.core.admin import PlanContentAdmin, PlanContentInline
from ordito.core.plan_access import PLAN, plan_path, plans_permitting
from ordito.plans.models import (
    ActorInfluence,
    ActorPosition,
    Contribution,
    Dependency,
    Direction,
    MetaObjective,
    Objective,
    ObjectiveInfluence,
    Plan,
    Project,
    ProjectRole,
    ThematicArea,
)

CHANGE_PLAN = "plans.change_plan"


class PlanStaffAdmin(PlanContentAdmin):
    """A plan's content, changed by the plan's staff.

    `lineage_fields` name the links that point, by design, back to the plan a plan follows
    (its `previous`, a project's `carried_over_from`): they offer the rows of the person's plans
    and of the plans those follow, since the plan's staff need not hold a role in the previous
    plan. The models' `clean()` still checks the lineage (plans/integrity.py).
    """

    plan_permission = CHANGE_PLAN
    lineage_fields: tuple[str, ...] = ()

    def get_field_queryset(self, db, db_field, request: HttpRequest) -> QuerySet | None:
        if db_field.name not in self.lineage_fields:
            return super().get_field_queryset(db, db_field, request)
        model = db_field.remote_field.model
        rows = model._default_manager.using(db)
        plans = plans_permitting(user=request.user, permission=self.plan_permission)
        if plans is None:
            return rows
        path = plan_path(model)
        to_plan = "" if path == PLAN else f"{path}__"
        followed = Q(**{f"{to_plan}pk__in": plans}) | Q(**{f"{to_plan}successors__in": plans})
        return rows.filter(followed).distinct()


class PlanStaffInline(PlanContentInline):
    plan_permission = CHANGE_PLAN


class MetaObjectiveInline(PlanStaffInline, TranslationTabularInline):
    model = MetaObjective
    fields = ["code", "title", "order"]
    extra = 0


class AreaInline(PlanStaffInline, TranslationTabularInline):
    model = ThematicArea
    fields = ["code", "title", "kind", "order", "is_example"]
    extra = 0
    show_change_link = True


@admin.register(Plan)
class PlanAdmin(PlanStaffAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["title", "slug", "period_start", "period_end", "status", "previous"]
    list_filter = ["status"]
    list_select_related = ["previous"]
    search_fields = ["title_it", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title_it"]}
    inlines = [MetaObjectiveInline, AreaInline]
    lineage_fields = ("previous",)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.has_perm("plans.add_plan")

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.has_perm("plans.delete_plan", obj)


class DirectionInline(PlanStaffInline, TranslationTabularInline):
    model = Direction
    fields = ["plan", "code", "title", "order", "is_example"]
    extra = 0
    show_change_link = True


@admin.register(ThematicArea)
class ThematicAreaAdmin(PlanStaffAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["code", "title", "plan", "kind", "order", "is_example"]
    list_filter = ["plan", "kind", "is_example"]
    list_select_related = ["plan"]
    search_fields = ["code", "title_it", "title_en"]
    inlines = [DirectionInline]


class ObjectiveInline(PlanStaffInline, TranslationTabularInline):
    model = Objective
    fields = ["plan", "code", "title", "short_title", "order", "is_example"]
    extra = 0
    show_change_link = True


@admin.register(Direction)
class DirectionAdmin(PlanStaffAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["code", "title", "area", "plan", "order", "is_example"]
    list_filter = ["plan", "area", "is_example"]
    search_fields = ["code", "title_it", "title_en"]
    list_select_related = ["area", "plan"]
    inlines = [ObjectiveInline]


@admin.register(Objective)
class ObjectiveAdmin(PlanStaffAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["code", "title", "direction", "plan", "is_example"]
    list_filter = ["plan", "direction__area", "is_example"]
    search_fields = ["code", "title_it", "title_en", "short_title_it"]
    list_select_related = ["direction", "plan"]
    filter_horizontal = ["meta_objectives"]


class ContributionInline(PlanStaffInline, admin.TabularInline):
    model = Contribution
    extra = 0
    autocomplete_fields = ["objective"]


class DependencyInline(PlanStaffInline, admin.TabularInline):
    model = Dependency
    fk_name = "project"
    extra = 0
    autocomplete_fields = ["depends_on"]


class ProjectRoleInline(PlanStaffInline, admin.TabularInline):
    model = ProjectRole
    extra = 0
    autocomplete_fields = ["actor"]


@admin.register(Project)
class ProjectAdmin(PlanStaffAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["code", "title", "plan", "direction", "status", "municipality", "is_example"]
    list_filter = ["plan", "status", "kind", "direction__area", "is_example"]
    search_fields = ["code", "title_it", "title_en"]
    list_select_related = ["plan", "direction", "municipality"]
    # `carried_over_from` is a plain choice: the autocomplete searches this admin's own rows,
    # which leave out the previous plan's actions the staff of a plan may carry over.
    autocomplete_fields = ["municipality", "direction"]
    lineage_fields = ("carried_over_from",)
    inlines = [ContributionInline, DependencyInline, ProjectRoleInline]


@admin.register(ObjectiveInfluence)
class ObjectiveInfluenceAdmin(PlanStaffAdmin, SimpleHistoryAdmin):
    list_display = ["source", "target", "strength", "is_potential", "plan", "is_example"]
    list_filter = ["plan", "is_potential", "is_example"]
    list_select_related = ["source", "target", "plan"]
    autocomplete_fields = ["source", "target"]


@admin.register(ActorInfluence)
class ActorInfluenceAdmin(PlanStaffAdmin, SimpleHistoryAdmin):
    list_display = ["source", "target", "strength", "plan", "is_example"]
    list_filter = ["plan", "is_example"]
    list_select_related = ["source", "target", "plan"]
    autocomplete_fields = ["source", "target"]


@admin.register(ActorPosition)
class ActorPositionAdmin(PlanStaffAdmin, SimpleHistoryAdmin):
    list_display = ["actor", "objective", "position", "is_example"]
    list_filter = ["objective__plan", "is_example"]
    list_select_related = ["actor", "objective"]
    autocomplete_fields = ["actor", "objective"]
