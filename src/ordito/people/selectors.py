"""Reads of people that pages, the API and the command line share."""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, QuerySet
from django.utils import timezone

from ordito.actors.models import Actor
from ordito.people.models import (
    Affiliation,
    ApiToken,
    Category,
    Notification,
    NotificationSetting,
    PlanRole,
)
from ordito.people.notifications import notification_kinds
from ordito.people.roles import STAFF
from ordito.people.tokens import token_digest, token_is_well_formed
from ordito.plans.models import Plan
from ordito.plans.selectors import actors_of_plan, plans_of_actor


def plan_roles_of(*, user: AbstractBaseUser) -> QuerySet[PlanRole]:
    """The roles `user` holds, with their plans, by plan and role."""
    return PlanRole.objects.filter(user=user).select_related("plan").order_by("plan__slug", "role")


def api_tokens_of(*, user: AbstractBaseUser) -> QuerySet[ApiToken]:
    """`user`'s tokens that have not expired, the newest first."""
    return ApiToken.objects.filter(user=user, expires_at__gt=timezone.now()).order_by(
        "-created_at", "-pk"
    )


def api_token_user(*, token: str) -> AbstractBaseUser | None:
    """The active account a token belongs to, in one query; None for a malformed, unknown,
    expired or revoked token, or one whose account is disabled."""
    if not token_is_well_formed(token):
        return None
    row = (
        ApiToken.objects.filter(
            digest=token_digest(token), expires_at__gt=timezone.now(), user__is_active=True
        )
        .select_related("user")
        .first()
    )
    return None if row is None else row.user


def account_by_email(*, email: str) -> AbstractBaseUser | None:
    """The one active account with this e-mail address (case-insensitive), or None."""
    accounts = list(
        get_user_model()._default_manager.filter(email__iexact=email.strip(), is_active=True)[:2]
    )
    return accounts[0] if len(accounts) == 1 else None


def notification_deliveries(*, users: Iterable[AbstractBaseUser]) -> dict[int, dict[str, str]]:
    """How each of `users` receives each kind of notification: their choice, else the kind's
    default; one query for all of them."""
    users = list(users)
    defaults = {kind.name: kind.default_delivery for kind in notification_kinds()}
    chosen: dict[int, dict[str, str]] = {user.pk: dict(defaults) for user in users}
    for user_id, kind, delivery in NotificationSetting.objects.filter(user__in=users).values_list(
        "user_id", "kind", "delivery"
    ):
        chosen[user_id][kind] = delivery
    return chosen


def notifications_of(*, user: AbstractBaseUser) -> QuerySet[Notification]:
    """`user`'s notifications, the newest first."""
    return Notification.objects.filter(user=user).order_by("-created_at", "-pk")


def notifications_unread_count(*, user: AbstractBaseUser) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def plan_roles_in(*, plan) -> QuerySet[PlanRole]:
    """Who holds which role in `plan`, with their accounts and profiles, by role and e-mail."""
    return (
        PlanRole.objects.filter(plan=plan)
        .select_related("user__person")
        .order_by("role", "user__email", "pk")
    )


def holds_role_anywhere(*, user: AbstractBaseUser, role: str) -> bool:
    """Whether `user` holds `role` in any plan (one query)."""
    return PlanRole.objects.filter(user=user, role=role).exists()


def plan_staff_of(*, plans: Iterable[Plan]) -> QuerySet[PlanRole]:
    """The staff roles held in `plans`, with their accounts and plans, by plan and account."""
    return (
        PlanRole.objects.filter(plan__in=list(plans), role=STAFF, user__is_active=True)
        .select_related("user", "plan")
        .order_by("plan__slug", "user_id")
    )


def is_staff_where_actor_takes_part(*, user: AbstractBaseUser, actor: Actor | int) -> bool:
    """Whether `user` is staff of a plan `actor` takes part in (one query)."""
    return PlanRole.objects.filter(
        user=user, role=STAFF, plan__in=plans_of_actor(actor=actor)
    ).exists()


# Categories of participants


def categories_of_plan(*, plan: Plan) -> QuerySet[Category]:
    """`plan`'s categories in their order, each with how many people chose it (`people_count`)."""
    return (
        Category.objects.filter(plan=plan)
        .annotate(people_count=Count("people"))
        .order_by("order", "pk")
    )


def categories_to_choose() -> QuerySet[Category]:
    """Every plan's categories, with their plans, plan by plan (newest plan first) in each plan's
    order: what a person chooses from on their profile."""
    return Category.objects.select_related("plan").order_by(
        "-plan__period_start", "plan__slug", "order", "pk"
    )


def categories_of(*, user: AbstractBaseUser) -> QuerySet[Category]:
    """The categories `user` belongs to, with their plans, plan by plan in each plan's order."""
    return (
        Category.objects.filter(people__user=user)
        .select_related("plan")
        .order_by("-plan__period_start", "plan__slug", "order", "pk")
    )


# Affiliations with actors


def affiliations_of(*, user: AbstractBaseUser) -> QuerySet[Affiliation]:
    """`user`'s affiliations, whatever their status, with their actors, by actor."""
    return (
        Affiliation.objects.filter(user=user)
        .select_related("actor")
        .order_by("actor__name", "actor__key", "pk")
    )


def affiliations_in(*, plan: Plan, status: str) -> QuerySet[Affiliation]:
    """The affiliations with `status` of the actors taking part in `plan`, with their actors and
    the people's accounts and profiles, the oldest request first."""
    return (
        Affiliation.objects.filter(status=status, actor__in=actors_of_plan(plan=plan))
        .select_related("actor", "user__person")
        .order_by("requested_at", "pk")
    )


def actor_contacts(*, actor: Actor | int) -> QuerySet:
    """The active accounts of `actor`'s confirmed representatives, with their profiles, in the
    order they joined: whom later apps ask about the actor's projects."""
    return (
        get_user_model()
        ._default_manager.filter(
            affiliations__actor=actor,
            affiliations__status=Affiliation.Status.CONFIRMED,
            is_active=True,
        )
        .select_related("person")
        .order_by("pk")
    )


def actors_represented(*, user: AbstractBaseUser) -> QuerySet[Actor]:
    """The actors `user` represents (confirmed affiliations), by name."""
    return Actor.objects.filter(
        affiliations__user=user, affiliations__status=Affiliation.Status.CONFIRMED
    ).order_by("name", "key")
