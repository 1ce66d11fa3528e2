"""What every write of a participant checks first: that they may take part in the plan (an
active account, not suspended), and that they do not write faster than a person does.

Rate limits count the person's own recent rows in the database: exact, shared by every process
and app server, and one indexed query; no cache to configure.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ordito.participation.models import Suspension


class Suspended(PermissionDenied):
    """The person is suspended from taking part in the plan; the message says until when and why."""


class RateLimited(ValidationError):
    """The person wrote too much too quickly; the API answers 429."""


@dataclass(frozen=True, slots=True)
class RateLimit:
    count: int
    window: timedelta


def taking_part_check(*, user: AbstractBaseUser, plan) -> None:
    """Refuse a person who may not write in `plan` (`PermissionDenied`, `Suspended`)."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied(_("Log in to take part."))
    suspension = (
        Suspension.objects.filter(
            plan=plan, user=user, until__gt=timezone.now(), lifted_at__isnull=True
        )
        .order_by("-until")
        .first()
    )
    if suspension is not None:
        raise Suspended(
            _("You are suspended from taking part in this plan until %(until)s: %(reason)s")
            % {
                "until": formats.date_format(
                    timezone.localtime(suspension.until), "DATETIME_FORMAT"
                ),
                "reason": suspension.reason,
            }
        )


def rate_limit_check(*, recent: QuerySet, limit: RateLimit, field: str = "__all__") -> None:
    """Refuse one more write when `recent` (the person's rows, with a `created_at`) already holds
    `limit.count` rows within `limit.window`."""
    since = timezone.now() - limit.window
    if recent.filter(created_at__gte=since).count() >= limit.count:
        raise RateLimited(
            {
                field: _(
                    "You have written a lot in a short time: wait a few minutes, then try again."
                )
            }
        )
