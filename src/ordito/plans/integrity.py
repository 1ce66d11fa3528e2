"""Rules that join the parts of a plan: every link stays inside one plan, and nothing loops.

Models call these from `clean()`, so the admin's forms show the message on the field at fault;
services call `full_clean()`, so the API and the importer get the same messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

if TYPE_CHECKING:
    from ordito.plans.models import Dependency, Plan

# Lazy, because the models' CheckConstraints read them when the classes are defined, before any
# language is active. The database enforces these rules too; the constraints raise the same text.
PLAN_OWN_PREVIOUS = gettext_lazy("A plan cannot be its own previous plan.")
PROJECT_DEPENDS_ON_ITSELF = gettext_lazy("A project cannot depend on itself.")
OBJECTIVE_INFLUENCES_ITSELF = gettext_lazy("An objective cannot influence itself.")
ACTOR_INFLUENCES_ITSELF = gettext_lazy("An actor cannot influence itself.")


def check_same_plan(*, plan_id: int | None, field: str, other_plan_id: int | None) -> None:
    """Refuse a link from a part of plan `plan_id` to something of another plan."""
    if plan_id is not None and other_plan_id is not None and plan_id != other_plan_id:
        raise ValidationError({field: _("Choose something of the same plan.")})


def check_previous_plan(plan: Plan) -> None:
    """A plan's predecessor is another plan, and following predecessors never comes back to it."""
    if plan.previous_id is None:
        return
    if plan.pk is not None and plan.previous_id == plan.pk:
        raise ValidationError({"previous": PLAN_OWN_PREVIOUS})
    seen = {plan.pk}
    current = plan.previous
    while current is not None:
        if current.pk in seen:
            raise ValidationError(
                {"previous": _("This choice would make the plans' lineage a loop.")}
            )
        seen.add(current.pk)
        current = current.previous


def project_reaches(*, start_id: int, target_id: int) -> bool:
    """True when `start` depends, directly or through other projects, on `target`."""
    from ordito.plans.models import Dependency

    frontier, seen = {start_id}, {start_id}
    while frontier:
        if target_id in frontier:
            return True
        following = set(
            Dependency.objects.filter(project_id__in=frontier).values_list(
                "depends_on_id", flat=True
            )
        )
        frontier = following - seen
        seen |= following
    return False


def check_dependency(dependency: Dependency) -> None:
    """A project depends on another project of its plan, and no chain of dependencies loops."""
    if dependency.project_id is None or dependency.depends_on_id is None:
        return
    if dependency.project_id == dependency.depends_on_id:
        raise ValidationError({"depends_on": PROJECT_DEPENDS_ON_ITSELF})
    check_same_plan(
        plan_id=dependency.project.plan_id,
        field="depends_on",
        other_plan_id=dependency.depends_on.plan_id,
    )
    if project_reaches(start_id=dependency.depends_on_id, target_id=dependency.project_id):
        raise ValidationError(
            {
                "depends_on": _(
                    "This dependency would close a cycle: %(other)s already depends on %(project)s."
                )
                % {"other": dependency.depends_on.code, "project": dependency.project.code}
            }
        )
