"""The staff's editing of plans. Forms validate through the models' `clean()`, which applies the
same rules as the services (plans/integrity.py), so the admin shows the same messages; and every
change raises the content version of the plans it shows on, as the services do (core/versions.py).
"""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from ordito.core.admin import ContentVersionAdmin
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


class MetaObjectiveInline(TranslationTabularInline):
    model = MetaObjective
    fields = ["code", "title", "order"]
    extra = 0


class AreaInline(TranslationTabularInline):
    model = ThematicArea
    fields = ["code", "title", "kind", "order", "is_example"]
    extra = 0
    show_change_link = True


@admin.register(Plan)
class PlanAdmin(ContentVersionAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["title", "slug", "period_start", "period_end", "status", "previous"]
    list_filter = ["status"]
    search_fields = ["title_it", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title_it"]}
    inlines = [MetaObjectiveInline, AreaInline]


class DirectionInline(TranslationTabularInline):
    model = Direction
    fields = ["plan", "code", "title", "order", "is_example"]
    extra = 0
    show_change_link = True


@admin.register(ThematicArea)
class ThematicAreaAdmin(ContentVersionAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["code", "title", "plan", "kind", "order", "is_example"]
    list_filter = ["plan", "kind", "is_example"]
    search_fields = ["code", "title_it", "title_en"]
    inlines = [DirectionInline]


class ObjectiveInline(TranslationTabularInline):
    model = Objective
    fields = ["plan", "code", "title", "short_title", "order", "is_example"]
    extra = 0
    show_change_link = True


@admin.register(Direction)
class DirectionAdmin(ContentVersionAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["code", "title", "area", "plan", "order", "is_example"]
    list_filter = ["plan", "area", "is_example"]
    search_fields = ["code", "title_it", "title_en"]
    list_select_related = ["area", "plan"]
    inlines = [ObjectiveInline]


@admin.register(Objective)
class ObjectiveAdmin(ContentVersionAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["code", "title", "direction", "plan", "is_example"]
    list_filter = ["plan", "direction__area", "is_example"]
    search_fields = ["code", "title_it", "title_en", "short_title_it"]
    list_select_related = ["direction", "plan"]
    filter_horizontal = ["meta_objectives"]


class ContributionInline(admin.TabularInline):
    model = Contribution
    extra = 0
    autocomplete_fields = ["objective"]


class DependencyInline(admin.TabularInline):
    model = Dependency
    fk_name = "project"
    extra = 0
    autocomplete_fields = ["depends_on"]


class ProjectRoleInline(admin.TabularInline):
    model = ProjectRole
    extra = 0
    autocomplete_fields = ["actor"]


@admin.register(Project)
class ProjectAdmin(ContentVersionAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["code", "title", "plan", "direction", "status", "municipality", "is_example"]
    list_filter = ["plan", "status", "kind", "direction__area", "is_example"]
    search_fields = ["code", "title_it", "title_en"]
    list_select_related = ["plan", "direction", "municipality"]
    autocomplete_fields = ["municipality", "carried_over_from", "direction"]
    inlines = [ContributionInline, DependencyInline, ProjectRoleInline]


@admin.register(ObjectiveInfluence)
class ObjectiveInfluenceAdmin(ContentVersionAdmin, SimpleHistoryAdmin):
    list_display = ["source", "target", "strength", "is_potential", "plan", "is_example"]
    list_filter = ["plan", "is_potential", "is_example"]
    list_select_related = ["source", "target", "plan"]
    autocomplete_fields = ["source", "target"]


@admin.register(ActorInfluence)
class ActorInfluenceAdmin(ContentVersionAdmin, SimpleHistoryAdmin):
    list_display = ["source", "target", "strength", "plan", "is_example"]
    list_filter = ["plan", "is_example"]
    list_select_related = ["source", "target", "plan"]
    autocomplete_fields = ["source", "target"]


@admin.register(ActorPosition)
class ActorPositionAdmin(ContentVersionAdmin, SimpleHistoryAdmin):
    list_display = ["actor", "objective", "position", "is_example"]
    list_filter = ["objective__plan", "is_example"]
    list_select_related = ["actor", "objective"]
    autocomplete_fields = ["actor", "objective"]
