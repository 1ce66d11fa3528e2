"""The content version: a counter on each plan, raised by every write of what its pages show.

Pages cache what is costly to compute under a key holding the plan's `content_version`, so a write
in any process makes every process miss and compute the pages again; nothing is ever deleted from
the cache. The counter is raised in the writer's transaction, by one
`UPDATE ... SET content_version = content_version + 1`, so it becomes visible together with the
change it announces.

This module knows no app by name. The app that owns the versioned rows (the plans) names their
model with `holder_register`; every app whose rows show on those pages says, in its
`AppConfig.ready`, how a row reaches them, with `content_register`:

    content_register(Contribution, along("project__plan"))   # through its project
    content_register(Municipality, everywhere)                # every plan shows municipalities

The writes raise it through `core.records` (`validated_save`, `recorded_delete`) and
`core.admin.ContentVersionAdmin`; bulk writes call `contents_writing` themselves. A model that
was never registered cannot be written through them (`TypeError`), so a new kind of content
cannot silently skip the version. Writes that go around all of these (bulk loads in tests and
benchmarks) do not raise it; cached entries expire after a few minutes as a safety net.
"""

from collections.abc import Callable, Iterable
from functools import reduce
from operator import or_

from django.db import models
from django.db.models import F, Q, QuerySet

# What a row reaches: a condition on the holder's rows, for the row as stored and as it is about
# to be saved (both count, because the admin can move a row from one plan to another).
Reach = Callable[[models.Model], Q]

VERSION_FIELD = "content_version"

_holder: type[models.Model] | None = None
_reaches: dict[type[models.Model], tuple[Reach, ...]] = {}


def holder_register(model: type[models.Model]) -> None:
    """Name the model whose rows carry the content version (a field `content_version`)."""
    global _holder
    model._meta.get_field(VERSION_FIELD)  # FieldDoesNotExist names the mistake at start-up
    _holder = model


def content_register(model: type[models.Model], *reaches: Reach) -> None:
    """Declare how the rows of `model` reach the holders whose pages show them."""
    if not reaches:
        raise ValueError(f"Say how {model.__name__} reaches the rows that show it.")
    _reaches[model] = reaches


def holder() -> type[models.Model]:
    if _holder is None:
        raise LookupError("No model holds the content version: call holder_register first.")
    return _holder


def along(path: str) -> Reach:
    """The holder a row links to through `path`, a chain of foreign keys (`"project__plan"`).

    The stored row is followed in the database; the row about to be saved is followed from the
    id its first link holds now, so a row moved to another holder raises both.
    """
    first, _, rest = path.partition("__")

    def reach(instance: models.Model) -> Q:
        link = instance._meta.get_field(first)
        target_id = getattr(instance, link.attname)
        if rest:
            onward = link.related_model._default_manager.filter(pk=target_id).values(rest)
            about_to_be = Q(pk__in=onward)
        else:
            about_to_be = Q(pk=target_id)
        if instance.pk is None:
            return about_to_be
        stored = type(instance)._default_manager.filter(pk=instance.pk).values(path)
        return about_to_be | Q(pk__in=stored)

    return reach


def everywhere(instance: models.Model) -> Q:
    """Every holder: the row shows on every plan's pages (an actor's name, a municipality)."""
    return Q()


def nowhere(instance: models.Model) -> Q:
    """No holder: the row shows on no plan's cached pages (a person's tokens). Writing it raises
    no version and costs no query (Django skips an UPDATE that can match no row)."""
    return Q(pk__in=[])


def holders_showing(instance: models.Model) -> QuerySet:
    """The holders whose pages show `instance`; call it before saving or deleting it.

    Raises
    ------
    TypeError
        When the model of `instance` was never registered with `content_register`.
    """
    reaches = _reaches.get(type(instance))
    if reaches is None:
        raise TypeError(
            f"{type(instance).__name__} is not registered content: call content_register "
            "in its app's ready()."
        )
    return holder()._default_manager.filter(reduce(or_, (reach(instance) for reach in reaches)))


def content_changed(holders: QuerySet) -> None:
    """Raise the content version of `holders`, in one UPDATE in the current transaction."""
    holders.update(**{VERSION_FIELD: F(VERSION_FIELD) + 1})


def content_writing(instance: models.Model) -> None:
    """Raise the version of every holder showing `instance`; call it just before writing it.

    Raising first takes the holder's row lock before the row's own, so two writers of one plan
    wait for each other instead of deadlocking. A holder about to be saved takes the raised
    version with it: `save()` writes every column and would otherwise put back the version it
    was read with, which another writer may have raised.
    """
    content_changed(holders_showing(instance))
    if isinstance(instance, holder()) and instance.pk:
        raised = type(instance)._default_manager.filter(pk=instance.pk)
        version = raised.values_list(VERSION_FIELD, flat=True).first()
        if version is not None:
            setattr(instance, VERSION_FIELD, version)


def contents_writing(instances: Iterable[models.Model]) -> None:
    """Raise, in one UPDATE, the version of every holder showing any of `instances`; call it just
    before writing or deleting them together (bulk loads, the admin's bulk delete). Nothing is
    written for no row."""
    touched = [holders_showing(instance) for instance in instances]  # lazy: no query yet
    if touched:
        content_changed(reduce(or_, touched))
