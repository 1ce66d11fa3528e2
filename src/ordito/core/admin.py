"""The bases of the admin pages: content that keeps its version right, content scoped to the
plans a person works on, and the registries every plan shares."""

from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet
from django.forms import BaseFormSet, ModelForm
from django.http import HttpRequest

from ordito.core.plan_access import plan_id_of, plan_of, plan_path, plans_permitting, scoped
from ordito.core.versions import content_writing, contents_writing


class ContentVersionAdmin(admin.ModelAdmin):
    """Raises the content version of every plan a saved, deleted or inline row shows on.

    The admin saves through model forms, not through the services, so it raises the version
    itself (core/versions.py); each hook runs before the row is written, inside the admin's
    transaction. `save_related` is left alone: the many-to-many links it writes (an objective's
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
        contents_writing(queryset)
        super().delete_queryset(request, queryset)

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: BaseFormSet, change: bool
    ) -> None:
        deleted = formset.deleted_forms
        for inline_form in formset.forms:
            if inline_form in deleted or inline_form.has_changed():
                content_writing(inline_form.instance)
        super().save_formset(request, form, formset, change)


class PlanScope:
    """What the admin of plan content and its inlines share: a person sees, chooses and changes
    only the rows of the plans where they hold `plan_permission` (core/plan_access.py).

    - Rows: `get_queryset` keeps the rows of those plans, so a changelist lists only them and
      another plan's row, opened by its address, "does not exist".
    - Choices: every foreign key and many-to-many field whose model belongs to a plan offers
      only the rows of those plans, so a forged POST naming another plan's row is a form error.
    - Permissions: for one row, `user.has_perm(plan_permission, plan)` on the row's plan (for an
      inline, the plan of the row it is shown in); with no row (the changelist, the add form,
      the index), whether the person holds the permission in some plan. Django's own model
      permissions play no part: the staff of a plan hold none.

    Both answers are kept on the request, so a page asks the database once per plan however
    many times the admin asks.
    """

    plan_permission: str  # the rule that lets a person change a plan's rows: "plans.change_plan"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)  # type: ignore[misc]  # a mixin of ModelAdmin
        if plan_path(queryset.model) is None:
            # Left unscoped, it would show every plan's rows: refuse instead.
            raise TypeError(
                f"{queryset.model.__name__} belongs to no plan: call plan_path_register."
            )
        return scoped(queryset, user=request.user, permission=self.plan_permission)

    def get_field_queryset(self, db, db_field, request: HttpRequest) -> QuerySet | None:
        queryset = super().get_field_queryset(db, db_field, request)  # type: ignore[misc]
        model = db_field.remote_field.model
        if plan_path(model) is None:
            return queryset
        if queryset is None:
            queryset = model._default_manager.using(db)
        return scoped(queryset, user=request.user, permission=self.plan_permission)

    def works_somewhere(self, request: HttpRequest) -> bool:
        """Whether the person holds `plan_permission` in at least one plan (one query)."""
        known = request.__dict__.setdefault("_plans_permitting", {})
        if self.plan_permission not in known:
            plans = plans_permitting(user=request.user, permission=self.plan_permission)
            known[self.plan_permission] = plans is None or plans.exists()
        return known[self.plan_permission]

    def works_on(self, request: HttpRequest, row) -> bool:
        """Whether the person holds `plan_permission` in the plan of `row`."""
        if row is None:
            return self.works_somewhere(request)
        plan_id = plan_id_of(row)
        if plan_id is None:
            return False
        known = request.__dict__.setdefault("_plan_permissions", {})
        key = (self.plan_permission, plan_id)
        if key not in known:
            known[key] = request.user.has_perm(self.plan_permission, plan_of(row))
        return known[key]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.works_somewhere(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.works_on(request, obj)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.works_on(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.works_on(request, obj)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        # A ModelAdmin asks with no row; an inline with the row it is shown in.
        return self.works_on(request, obj)


class PlanContentAdmin(PlanScope, ContentVersionAdmin):
    """The admin of a model whose rows belong to a plan (`plan_path_register`).

    Its list filters on related rows (`"plan"`, `"direction__area"`) list only the rows that the
    person's changelist shows, so a filter never names another plan's areas.
    """

    def get_list_filter(self, request: HttpRequest):
        return [self._scoped_filter(entry) for entry in super().get_list_filter(request)]

    def _scoped_filter(self, entry):
        if not isinstance(entry, str):
            return entry
        try:
            field = get_fields_from_path(self.model, entry)[-1]
        except FieldDoesNotExist:
            return entry
        if field.is_relation:
            return (entry, admin.RelatedOnlyFieldListFilter)
        return entry


class PlanContentInline(PlanScope):
    """Mixed into an inline of plan content, before Django's inline class."""


class SharedRegistryAdmin(admin.ModelAdmin):
    """The admin of a registry every plan shares (actors, municipalities).

    Whoever may use the admin reads it, since plan content chooses from it (a project's
    municipality, a promoter); adding, changing and deleting take Django's model permissions,
    which only superusers hold unless one is granted by hand.
    """

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.admin_site.has_permission(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.admin_site.has_permission(request) or super().has_view_permission(request, obj)
