"""Reads of people that pages, the API and the command line share."""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.utils import timezone

from ordito.people.models import ApiToken, Notification, NotificationSetting, PlanRole
from ordito.people.notifications import notification_kinds
from ordito.people.tokens import token_digest, token_is_well_formed


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
