"""The admin of a plan's people: who holds which role in it, and its categories of participants.

Both are scoped by plan like the plan's content (core/admin.py): a plan's staff see and manage
only the roles (`people.manage_plan_roles`) and the categories (`plans.change_plan`) of their own
plans; superusers see every plan. A role is given by the person's e-mail address and taken away
through the services, as on the site's roles page (`people:plan_roles`), so the person is told
and the history names who did it; a role held is never edited in place, only given or taken.
Accounts and profiles are not here: they are Django's user admin, for superusers only.
"""

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from ordito.core.admin import PlanContentAdmin
from ordito.people import selectors, services
from ordito.people.models import Category, PlanRole
from ordito.people.roles import roles
from ordito.plans.admin import PlanStaffAdmin


class PlanRoleForm(forms.ModelForm):
    """Give a role in a plan to the person with this e-mail address (as on the site)."""

    email = forms.EmailField(label=_("E-mail address of the person"), max_length=254)
    role = forms.ChoiceField(label=_("Role"))

    class Meta:
        model = PlanRole
        fields = ["plan"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.name, role.label) for role in roles()]
        self.account = None

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        self.account = selectors.account_by_email(email=email)
        if self.account is None:
            raise forms.ValidationError(_("No active account has this e-mail address."))
        return email


class RoleFilter(admin.SimpleListFilter):
    """The registered roles (people/roles.py), not the values found in every plan's rows."""

    title = _("role")
    parameter_name = "role"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        return [(role.name, role.label) for role in roles()]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(role=self.value()) if self.value() else queryset


@admin.register(PlanRole)
class PlanRoleAdmin(PlanContentAdmin, SimpleHistoryAdmin):
    plan_permission = "people.manage_plan_roles"
    form = PlanRoleForm
    list_display = ["user__email", "role_label", "plan", "granted_by__email", "granted_at"]
    list_filter = ["plan", RoleFilter]
    list_select_related = ["user", "plan", "granted_by"]
    search_fields = ["user__email"]
    readonly_fields = ["user", "role_label", "granted_by", "granted_at"]

    def get_fields(self, request: HttpRequest, obj=None) -> list[str]:
        if obj is None:
            return ["plan", "email", "role"]
        return ["plan", "user", "role_label", "granted_by", "granted_at"]

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return self.readonly_fields if obj is None else ["plan", *self.readonly_fields]

    @admin.display(description=_("role"))
    def role_label(self, held: PlanRole) -> str:
        return held.role_label

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # a role is given or taken, never edited

    def save_model(self, request: HttpRequest, obj: PlanRole, form: PlanRoleForm, change) -> None:
        held, _created = services.plan_role_grant(
            plan=form.cleaned_data["plan"],
            user=form.account,
            role=form.cleaned_data["role"],
            by=request.user,
        )
        # The admin logs and links the row it was given: make it the one held.
        obj.pk, obj.user, obj.role = held.pk, held.user, held.role
        obj.granted_by, obj.granted_at = held.granted_by, held.granted_at

    def delete_model(self, request: HttpRequest, obj: PlanRole) -> None:
        services.plan_role_revoke(plan=obj.plan, user=obj.user, role=obj.role, by=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for held in queryset.select_related("plan", "user"):
            self.delete_model(request, held)


@admin.register(Category)
class CategoryAdmin(PlanStaffAdmin, TranslationAdmin):
    list_display = ["label", "key", "plan", "order"]
    list_filter = ["plan"]
    list_select_related = ["plan"]
    search_fields = ["label_it", "label_en", "key"]
