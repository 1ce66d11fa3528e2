"""The content version of a plan: a counter raised by every write of what the plan's pages show.

Pages cache what is costly to compute under a key holding the plan's `content_version`, so a write
in any process makes every process miss and compute the pages again; nothing is ever deleted from
the cache. The counter is raised in the writer's transaction, by one
`UPDATE ... SET content_version = content_version + 1`, so it becomes visible together with the
change it announces.

The services raise it through `plans.records` (`validated_save`, `recorded_delete`), the admin
through `plans.admin.ContentVersionAdmin`; a service that writes links after the row (an
objective's meta-objectives) calls `content_writing` itself. Municipalities, whose names every
plan's pages show, are below the plans: the territory announces their writes with a signal, and
`municipalities_writing_received` raises every plan. Writes that go around all of these (bulk
loads in tests and benchmarks) do not raise it; cached entries expire after a few minutes as a
safety net.
"""

from collections.abc import Iterable
from functools import reduce
from operator import or_

from django.db import models
from django.db.models import F, Q, QuerySet

from ordito.actors.models import Actor, ActorPosition, ProjectRole
from ordito.plans.models import Contribution, Dependency, Objective, Plan, Project

# Rows that belong to a plan through another row: the model it goes through and the link's name.
INDIRECT_LINKS: dict[type[models.Model], tuple[type[models.Model], str]] = {
    Contribution: (Project, "project"),
    Dependency: (Project, "project"),
    ProjectRole: (Project, "project"),
    ActorPosition: (Objective, "objective"),
}


def plans_touched_by(instance: models.Model) -> QuerySet[Plan]:
    """The plans whose pages show `instance`, as it is stored and as it is about to be saved.

    Both count because the admin can move a row: a project moved to another plan leaves one
    plan's pages and enters the other's. Call it before saving or deleting `instance`.

    Raises
    ------
    TypeError
        When `instance` is not plan content (no plan, no link to a project or an objective), so
        that a new kind of content cannot silently skip the version.
    """
    if isinstance(instance, Actor):
        # Actors' names appear on every plan's pages (promoters, filters).
        return Plan.objects.all()
    if isinstance(instance, Plan):
        if instance.pk is None:
            return Plan.objects.none()
        # A plan's successors name it beside the projects they carry over from it.
        return Plan.objects.filter(Q(pk=instance.pk) | Q(previous=instance.pk))
    link = INDIRECT_LINKS.get(type(instance))
    if link is not None:
        through, name = link
        owner = through._default_manager.filter(pk=getattr(instance, f"{name}_id"))
        about_to_be, stored_path = Q(pk__in=owner.values("plan_id")), f"{name}__plan_id"
    elif hasattr(instance, "plan_id"):
        about_to_be, stored_path = Q(pk=instance.plan_id), "plan_id"
    else:
        raise TypeError(f"{type(instance).__name__} is not plan content: it has no plan.")
    if instance.pk is None:
        return Plan.objects.filter(about_to_be)
    stored = type(instance)._default_manager.filter(pk=instance.pk).values(stored_path)
    touched = about_to_be | Q(pk__in=stored)
    if isinstance(instance, Project):
        # The projects that carry it over, in later plans, show its code and title.
        touched |= Q(pk__in=Project.objects.filter(carried_over_from=instance.pk).values("plan_id"))
    return Plan.objects.filter(touched)


def content_changed(plans: QuerySet[Plan]) -> None:
    """Raise the content version of `plans`, in one UPDATE in the current transaction."""
    plans.update(content_version=F("content_version") + 1)


def content_writing(instance: models.Model) -> None:
    """Raise the version of every plan showing `instance`; call it just before writing it.

    Raising first takes the plan's row lock before the row's own, in the same order as
    `dependency_add`, so two writers of one plan wait for each other instead of deadlocking.
    A plan about to be saved takes the raised version with it: `save()` writes every column and
    would otherwise put back the version it was read with, which another writer may have raised.
    """
    content_changed(plans_touched_by(instance))
    if isinstance(instance, Plan) and instance.pk:
        raised = Plan.objects.filter(pk=instance.pk).values_list("content_version", flat=True)
        version = raised.first()
        if version is not None:
            instance.content_version = version


def contents_deleting(instances: Iterable[models.Model]) -> None:
    """Raise, in one UPDATE, the version of every plan showing any of `instances`; call it just
    before deleting them together (the admin's bulk delete). Nothing is written for no row."""
    touched = [plans_touched_by(instance) for instance in instances]  # lazy: no query yet
    if touched:
        content_changed(reduce(or_, touched))


def municipalities_writing_received(**kwargs: object) -> None:
    """Raise every plan's version: municipalities' names show on projects' and actors' pages and
    in the project list's filters (connected to `territory.signals.municipalities_writing`)."""
    content_changed(Plan.objects.all())
