"""Moderation: reports, and what a plan's moderators do (hide, restore, warn, suspend).

Every kind of content that can be reported says here how it reaches its plan, who wrote it and
how it is hidden (`MODERATED`); proposals and statements use the same calls as posts.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ordito.participation.models import (
    ModerationAction,
    Post,
    Proposal,
    Report,
    Statement,
    Suspension,
    Thread,
)
from ordito.participation.models.moderation import REASON_MAX_LENGTH
from ordito.participation.registrations import MODERATION
from ordito.participation.services.taking_part import RateLimit, rate_limit_check
from ordito.participation.services.text import body_clean
from ordito.people.services import notify
from ordito.plans.models import Plan

REPORT_RATE = RateLimit(count=20, window=timedelta(hours=1))
SUSPENSION_DAYS_MAX = 365


@dataclass(frozen=True, slots=True)
class Moderated:
    plan: str  # the path from a row to its plan's id
    hidden: dict[str, Any]  # the fields that hide it
    shown: dict[str, Any]  # and that show it again


MODERATED: dict[type[models.Model], Moderated] = {
    Thread: Moderated("board__plan", {"is_hidden": True}, {"is_hidden": False}),
    Post: Moderated("thread__board__plan", {"is_hidden": True}, {"is_hidden": False}),
    Proposal: Moderated("plan", {"is_hidden": True}, {"is_hidden": False}),
    Statement: Moderated(
        "consultation__plan",
        {"status": Statement.Status.HIDDEN},
        {"status": Statement.Status.SHOWN},
    ),
}


def moderated(content: models.Model) -> Moderated:
    kind = MODERATED.get(type(content))
    if kind is None:
        raise TypeError(f"{type(content).__name__} cannot be moderated.")
    return kind


def plan_id_of(content: models.Model) -> int:
    path = moderated(content).plan
    return type(content)._default_manager.filter(pk=content.pk).values_list(path, flat=True)[0]


def moderator_check(*, by: AbstractBaseUser, plan_id: int) -> None:
    if not by.has_perm("people.moderate_plan", Plan.objects.get(pk=plan_id)):
        raise PermissionDenied(_("Only the plan's moderators can do this."))


def reason_clean(reason: Any) -> str:
    return body_clean(reason, field="reason", max_length=REASON_MAX_LENGTH)


@transaction.atomic
def report_create(*, content: models.Model, reporter: AbstractBaseUser, reason: Any) -> Report:
    """Tell the plan's moderators that `content` breaks the rules; reporting the same content
    twice while the first report is open is refused on `reason`."""
    if not reporter.is_authenticated or not reporter.is_active:
        raise PermissionDenied(_("Log in to report."))
    plan_id = plan_id_of(content)
    reason = reason_clean(reason)
    content_type = ContentType.objects.get_for_model(content)
    already = Report.objects.filter(
        content_type=content_type,
        object_id=content.pk,
        reporter=reporter,
        resolved_at__isnull=True,
    )
    if already.exists():
        raise ValidationError({"reason": _("You have already reported this.")})
    rate_limit_check(recent=Report.objects.filter(reporter=reporter), limit=REPORT_RATE)
    return Report.objects.create(
        plan_id=plan_id,
        content_type=content_type,
        object_id=content.pk,
        reporter=reporter,
        reason=reason,
    )


def author_of(content: models.Model) -> AbstractBaseUser | None:
    return getattr(content, "author", None)


def action_record(
    *,
    plan_id: int,
    kind: str,
    by: AbstractBaseUser,
    reason: str,
    content: models.Model | None = None,
    person: AbstractBaseUser | None = None,
) -> ModerationAction:
    """Log what a moderator did, resolve the open reports of `content`, and tell the person."""
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(content) if content is not None else None
    if content is not None:
        Report.objects.filter(
            content_type=content_type, object_id=content.pk, resolved_at__isnull=True
        ).update(resolved_at=now, resolved_by=by)
    action = ModerationAction.objects.create(
        plan_id=plan_id,
        kind=kind,
        content_type=content_type,
        object_id=content.pk if content is not None else None,
        person=person,
        by=by,
        reason=reason,
    )
    if person is not None:
        person_tell(action=action)
    return action


def person_tell(*, action: ModerationAction) -> None:
    plan_slug = Plan.objects.filter(pk=action.plan_id).values_list("slug", flat=True)[0]

    def message() -> str:
        label = ModerationAction.Kind(action.kind).label
        return _("Moderation (%(action)s): %(reason)s") % {"action": label, "reason": action.reason}

    def link() -> str:
        return reverse("participation:my_moderation", kwargs={"plan_slug": plan_slug})

    notify(user=action.person, kind=MODERATION, message=message, link=link, about=action)


def visibility_set(
    *, content: models.Model, by: AbstractBaseUser, reason: Any, hide: bool
) -> ModerationAction:
    kind = moderated(content)
    plan_id = plan_id_of(content)
    moderator_check(by=by, plan_id=plan_id)
    reason = reason_clean(reason)
    fields = kind.hidden if hide else kind.shown
    type(content)._default_manager.filter(pk=content.pk).update(**fields)
    for name, value in fields.items():
        setattr(content, name, value)
    return action_record(
        plan_id=plan_id,
        kind=ModerationAction.Kind.HIDE if hide else ModerationAction.Kind.RESTORE,
        by=by,
        reason=reason,
        content=content,
        person=author_of(content),
    )


@transaction.atomic
def content_hide(*, content: models.Model, by: AbstractBaseUser, reason: Any) -> ModerationAction:
    """Hide `content` from every list, search, count and answer; its author is told why."""
    return visibility_set(content=content, by=by, reason=reason, hide=True)


@transaction.atomic
def content_restore(
    *, content: models.Model, by: AbstractBaseUser, reason: Any
) -> ModerationAction:
    """Show `content` again; its author is told why."""
    return visibility_set(content=content, by=by, reason=reason, hide=False)


@transaction.atomic
def report_dismiss(*, report: Report, by: AbstractBaseUser, reason: Any) -> ModerationAction:
    """Close `report` (and the other open reports of the same content) without acting."""
    moderator_check(by=by, plan_id=report.plan_id)
    return action_record(
        plan_id=report.plan_id,
        kind=ModerationAction.Kind.DISMISS,
        by=by,
        reason=reason_clean(reason),
        content=report.content,
    )


@transaction.atomic
def person_warn(*, plan, person: AbstractBaseUser, by: AbstractBaseUser, reason: Any):
    """Warn `person`, with the reason, which they are shown."""
    moderator_check(by=by, plan_id=plan.pk)
    return action_record(
        plan_id=plan.pk,
        kind=ModerationAction.Kind.WARN,
        by=by,
        reason=reason_clean(reason),
        person=person,
    )


@transaction.atomic
def person_suspend(
    *, plan, person: AbstractBaseUser, by: AbstractBaseUser, reason: Any, days: Any
) -> Suspension:
    """Suspend `person` from writing in `plan` for `days` days, with the reason, shown to them."""
    moderator_check(by=by, plan_id=plan.pk)
    reason = reason_clean(reason)
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= SUSPENSION_DAYS_MAX:
        raise ValidationError(
            {"days": _("Enter a number of days from 1 to %(max)d.") % {"max": SUSPENSION_DAYS_MAX}}
        )
    if person.pk == by.pk:
        raise ValidationError({"person": _("You cannot suspend yourself.")})
    suspension = Suspension.objects.create(
        plan=plan, user=person, until=timezone.now() + timedelta(days=days), reason=reason, by=by
    )
    action_record(
        plan_id=plan.pk, kind=ModerationAction.Kind.SUSPEND, by=by, reason=reason, person=person
    )
    return suspension
