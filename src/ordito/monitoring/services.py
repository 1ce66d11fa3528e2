"""Every write of the monitoring: the plan's statuses and settings, and progress updates.

Each service validates what it accepts, runs in one transaction and writes through
core.records, so that the model's validation, the history and the plan's content version come
with it. Who may write is asked of the rules (monitoring/rules.py) here too, so the site, the
admin and the API cannot disagree.
"""

import datetime
from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ordito.core.records import Author, validated_save
from ordito.monitoring.models import MonitoringSettings, ProgressUpdate, ProjectStatus
from ordito.plans.models import Plan, Project

# The default list; a plan's staff rename and extend it in the admin, the keys stay.
DEFAULT_STATUSES = (
    ("proposed", gettext_lazy("Proposed")),
    ("approved", gettext_lazy("Approved")),
    ("in_progress", gettext_lazy("In progress")),
    ("completed", gettext_lazy("Completed")),
    ("suspended", gettext_lazy("Suspended")),
    ("abandoned", gettext_lazy("Abandoned")),
)


@transaction.atomic
def statuses_ensure(*, plan: Plan, by: Author) -> list[ProjectStatus]:
    """Give `plan` the default statuses if it has none yet; return its list, in order."""
    if not ProjectStatus.objects.filter(plan=plan).exists():
        for order, (key, label) in enumerate(DEFAULT_STATUSES):
            validated_save(ProjectStatus(plan=plan, key=key, label=str(label), order=order), by=by)
    return list(ProjectStatus.objects.filter(plan=plan).order_by("order", "key"))


@transaction.atomic
def weighting_set(*, plan: Plan, weighting: str, by: Author) -> MonitoringSettings:
    """Choose how the plan's progress rolls up: by budget or equally."""
    found = MonitoringSettings.objects.filter(plan=plan).first()
    row = found or MonitoringSettings(plan=plan)
    row.weighting = weighting
    return validated_save(row, by=by)


@transaction.atomic
def update_record(
    *,
    project: Project,
    by: AbstractBaseUser,
    date: datetime.date,
    status: str,
    progress: int,
    text: str,
    next_steps: str = "",
    problems: str = "",
    spent_eur: Decimal | None = None,
    publish: bool = False,
) -> ProgressUpdate:
    """Record what happened in `project` by `date`, reported by one of its actor contacts or the
    plan's staff; the staff may publish it at once. `status` is the key of one of the plan's
    statuses."""
    if not by.has_perm("monitoring.report_progress", project):
        raise PermissionDenied(_("You may not report on this project."))
    if publish and not by.has_perm("monitoring.publish_progress", project):
        raise PermissionDenied(_("Only the plan's staff publish updates."))
    errors = {}
    if date is not None and date > timezone.localdate():
        errors["date"] = _("The date cannot be in the future.")
    status_row = ProjectStatus.objects.filter(plan_id=project.plan_id, key=status).first()
    if status_row is None:
        errors["status"] = _("Choose one of the plan's statuses.")
    if errors:
        raise ValidationError(errors)
    update = ProgressUpdate(
        project=project,
        date=date,
        status=status_row,
        progress=progress,
        text=text,
        next_steps=next_steps,
        problems=problems,
        spent_eur=spent_eur,
        author=by,
        is_published=publish,
        published_at=timezone.now() if publish else None,
    )
    return validated_save(update, by=by)


@transaction.atomic
def update_publish(*, update: ProgressUpdate, version: int, by: AbstractBaseUser) -> ProgressUpdate:
    """Publish `update` as the staff read it at `version`; a stale version is refused, so that a
    change made meanwhile is not published unseen."""
    if not by.has_perm("monitoring.publish_progress", update.project):
        raise PermissionDenied(_("Only the plan's staff publish updates."))
    current = ProgressUpdate.objects.select_for_update().get(pk=update.pk)
    if current.version != version:
        raise ValidationError(
            {
                "version": _(
                    "Someone changed this update meanwhile; read it again before publishing."
                )
            }
        )
    current.is_published = True
    current.published_at = timezone.now()
    current.version += 1
    return validated_save(current, by=by)
