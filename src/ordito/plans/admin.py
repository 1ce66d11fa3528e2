"""The staff's editing of plans. Forms validate through the models' `clean()`, which applies the
same rules as the services (plans/integrity.py), so the admin shows the same messages; and every
change raises the content version of the plans it shows on, as the services do (plans/versions.py).
"""

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import BaseFormSet, ModelForm
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from ordito.actors.models import ProjectRole
from ordito.plans.models import (
    Contribution,
    Dependency,
    Direction,
    MetaObjective,
    Objective,
    ObjectiveInfluence,
    Plan,
    Project,
    ThematicArea,
)
from ordito.plans.versions import content_writing, contents_deleting


class ContentVersionAdmin(admin.ModelAdmin):
    """Raises the content version of every plan a saved, deleted or inline row shows on.

    The admin saves through model forms, not through the services, so it raises the version
    itself; each hook runs before the row is written, inside the admin's transaction.
    `save_related` is left alone: the many-to-many links it writes (an objective's
    meta-objectives) belong to the row `save_model` has just saved, whose raise covers them, so
    one change form raises each plan once.
    """

    def save_model(self, request: HttpRequest, obj, form: ModelForm, change: bool) -> None:
        content_writing(obj)
        super().save_model(request, obj, form, change)

    def delete_model(self, request: HttpRequest, obj) -> None:
        content_writing(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        contents_deleting(queryset)
        super().delete_queryset(request, queryset)

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: BaseFormSet, change: bool
    ) -> None:
        deleted = formset.deleted_forms
        for inline_form in formset.forms:
            if inline_form in deleted or inline_form.has_changed():
                content_writing(inline_form.instance)
        super().save_formset(request, form, formset, change)


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
