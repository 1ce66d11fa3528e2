""" "My area" (`/me/`): the person's profile, roles, tokens and notifications; the staff's page of
a plan's roles. Affiliations with actors and a plan's categories have modules of their own.

Nobody sees another person's area: every page reads the logged-in person's own rows, and an id
that is not theirs is not found (404).
"""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ordito.people import selectors, services
from ordito.people.forms import (
    AccountDeleteForm,
    NotificationSettingsForm,
    ProfileForm,
    RoleGrantForm,
    TokenForm,
)
from ordito.people.my_area import my_area_sections
from ordito.plans.views.lookups import plan_or_404

NOTIFICATIONS_ON_MY_AREA = 5
NOTIFICATIONS_PER_PAGE = 25


def form_errors_from(form, error: ValidationError) -> None:
    """Show a service's refusal on the form's fields (or on the form when it names none)."""
    for field, field_messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, field_messages)


def profile_form(person, data=None) -> ProfileForm:
    """The profile form, with a group of categories per plan (two queries, whatever their
    number)."""
    return ProfileForm(
        data,
        initial={
            "display_name": person.display_name,
            "language": person.language,
            "municipality": person.municipality.istat_code if person.municipality else None,
        },
        categories=selectors.categories_to_choose(),
        chosen=set(person.categories.values_list("pk", flat=True)),
    )


def my_area_page(request: HttpRequest, **context) -> HttpResponse:
    user = request.user
    person = services.person_ensure(user=user)
    if "profile_form" not in context:
        context["profile_form"] = profile_form(person)
    context.setdefault("token_form", TokenForm())
    return render(
        request,
        "people/my_area.html",
        {
            "person": person,
            "roles": selectors.plan_roles_of(user=user),
            "tokens": selectors.api_tokens_of(user=user),
            "notifications": selectors.notifications_of(user=user)[:NOTIFICATIONS_ON_MY_AREA],
            "affiliations": selectors.affiliations_of(user=user),
            "sections": my_area_sections(user),
            **context,
        },
    )


@login_required
def my_area(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return my_area_page(request)
    person = services.person_ensure(user=request.user)
    form = profile_form(person, request.POST)
    if form.is_valid():
        try:
            services.person_update(person=person, values=form.values(), by=request.user)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("people:my_area")
    return my_area_page(request, profile_form=form)


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            token, text = services.api_token_create(
                user=request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            # Shown on this page only: it is never stored, and reloading does not create another.
            return my_area_page(request, new_token=text, new_token_row=token)
    return my_area_page(request, token_form=form)


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    if not services.api_token_revoke(user=request.user, token_id=pk):
        raise Http404
    messages.success(request, _("The token is revoked: it no longer opens the API."))
    return redirect("people:my_area")


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        count = services.notifications_mark_read(user=request.user)
        messages.success(request, _("Marked as read: %(count)d.") % {"count": count})
        return redirect("people:notification_list")
    notifications = selectors.notifications_of(user=request.user)
    page = Paginator(notifications, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "people/notification_list.html", {"page": page})


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    deliveries = selectors.notification_deliveries(users=[request.user])[request.user.pk]
    form = NotificationSettingsForm(request.POST or None, deliveries=deliveries)
    if request.method == "POST" and form.is_valid():
        for kind, delivery in form.cleaned_data.items():
            services.notification_setting_set(user=request.user, kind=kind, delivery=delivery)
        messages.success(request, _("Your choices are saved."))
        return redirect("people:notification_settings")
    return render(request, "people/notification_settings.html", {"form": form})


@login_required
def personal_data_download(request: HttpRequest) -> HttpResponse:
    """Everything Ordito keeps about the person, as a JSON file."""
    data = services.personal_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="ordito-my-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def account_delete(request: HttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=request.user)
        logout(request)
        messages.success(request, _("Your account and your personal data are deleted."))
        return redirect("web:home")
    return render(request, "people/account_delete.html", {"form": form})


@login_required
def plan_roles(request: HttpRequest, plan_slug: str) -> HttpResponse:
    """Who holds which role in a plan: its staff grant and take roles here (a staff page: the
    second factor is required, see settings.ACCOUNTS_STAFF_URL_NAMES)."""
    plan = plan_or_404(plan_slug)
    if not request.user.has_perm("people.manage_plan_roles", plan):
        raise PermissionDenied
    form = RoleGrantForm()
    if request.method == "POST" and "revoke" in request.POST:
        role_id = request.POST["revoke"]
        if not (role_id.isdigit() and len(role_id) <= 18):
            raise Http404
        row = selectors.plan_roles_in(plan=plan).filter(pk=int(role_id)).first()
        if row is None:
            raise Http404  # not a role of this plan
        services.plan_role_revoke(plan=plan, user=row.user, role=row.role, by=request.user)
        messages.success(request, _("The role is taken away."))
        return redirect("people:plan_roles", plan_slug=plan.slug)
    if request.method == "POST":
        form = RoleGrantForm(request.POST)
        if form.is_valid():
            user = selectors.account_by_email(email=form.cleaned_data["email"])
            if user is None:
                form.add_error("email", _("No active account has this e-mail address."))
            else:
                try:
                    services.plan_role_grant(
                        plan=plan, user=user, role=form.cleaned_data["role"], by=request.user
                    )
                except ValidationError as error:
                    form_errors_from(form, error)
                else:
                    messages.success(request, _("The role is given."))
                    return redirect("people:plan_roles", plan_slug=plan.slug)
    context = {"plan": plan, "roles": selectors.plan_roles_in(plan=plan), "form": form}
    return render(request, "people/plan_roles.html", context)
