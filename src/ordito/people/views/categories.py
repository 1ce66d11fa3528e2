"""A plan's categories of participants (`/p/<plan>/categories/`): its staff rename, add, remove
and reorder them (a staff page: the second factor is required)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ordito.people import selectors, services
from ordito.people.forms import CategoryAddForm, CategoryForm
from ordito.people.views import form_errors_from
from ordito.plans.views.lookups import plan_or_404

MOVES = {"up": -1, "down": 1}


def category_prefix(category) -> str:
    return f"c{category.pk}"


def categories_page(request: HttpRequest, plan, **context) -> HttpResponse:
    categories = list(selectors.categories_of_plan(plan=plan))
    failed = context.pop("failed", None)  # the category whose form has errors, bound
    rows = [
        (
            category,
            failed
            if failed is not None and failed.prefix == category_prefix(category)
            else CategoryForm(
                prefix=category_prefix(category),
                initial={name: getattr(category, name) for name in CategoryForm().fields},
            ),
        )
        for category in categories
    ]
    context.setdefault("add_form", CategoryAddForm())
    return render(request, "people/plan_categories.html", {"plan": plan, "rows": rows, **context})


@login_required
def plan_categories(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    if not request.user.has_perm("people.manage_plan_categories", plan):
        raise PermissionDenied
    if request.method != "POST":
        return categories_page(request, plan)
    action = request.POST.get("action", "")
    if action == "add":
        return category_add(request, plan)
    category = category_from_post(request, plan)
    if action == "save":
        form = CategoryForm(request.POST, prefix=category_prefix(category))
        if form.is_valid():
            try:
                services.category_rename(
                    category=category, labels=form.cleaned_data, by=request.user
                )
            except ValidationError as error:
                form_errors_from(form, error)
            else:
                messages.success(request, _("The category is renamed."))
                return redirect("people:plan_categories", plan_slug=plan.slug)
        return categories_page(request, plan, failed=form)
    if action in MOVES:
        services.category_move(category=category, offset=MOVES[action], by=request.user)
        return redirect("people:plan_categories", plan_slug=plan.slug)
    if action == "remove":
        if category.people_count and request.POST.get("confirmed") != "yes":
            return categories_page(request, plan, confirm=category)
        count = services.category_delete(category=category, by=request.user)
        messages.success(
            request,
            ngettext(
                "The category is removed; %(count)d person had chosen it.",
                "The category is removed; %(count)d people had chosen it.",
                count,
            )
            % {"count": count},
        )
        return redirect("people:plan_categories", plan_slug=plan.slug)
    raise Http404  # no such action


def category_from_post(request: HttpRequest, plan):
    """The category of this plan named by the form, with how many people chose it; 404 for an
    id that is not one of them (another plan's, unknown, malformed)."""
    value = request.POST.get("category", "")
    if not (value.isdigit() and len(value) <= 18):
        raise Http404
    category = selectors.categories_of_plan(plan=plan).filter(pk=int(value)).first()
    if category is None:
        raise Http404
    return category


def category_add(request: HttpRequest, plan) -> HttpResponse:
    form = CategoryAddForm(request.POST)
    if form.is_valid():
        values = dict(form.cleaned_data)
        key = values.pop("key")
        try:
            services.category_create(plan=plan, key=key, labels=values, by=request.user)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("The category is added."))
            return redirect("people:plan_categories", plan_slug=plan.slug)
    return categories_page(request, plan, add_form=form)
