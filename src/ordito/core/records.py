"""Writing a row through its own validation, with the change recorded in its history.

Every service that writes content ends here, so the admin, the API and the importer get the same
checks, the same messages keyed by field, a history entry naming who made the change, and a new
content version for every plan that shows the row (core/versions.py).

Rows are saved by their natural key ("upsert", docs/decisions/0001): the same call creates a row
or updates it, and writes (and records in the history) only when something changed. That is what
lets the admin, the API and the importer share one path, and makes loading a file twice a no-op.
"""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from ordito.core.versions import content_writing

M = TypeVar("M", bound=models.Model)

# Who makes a change: a person, or None for the system (the demo loader, a migration).
Author = AbstractBaseUser | None


def holds(instance: models.Model, values: Mapping[str, Any]) -> bool:
    """Whether `instance` already holds `values`, so that saving them would change nothing.

    Links are compared by primary key (`direction_id`), so that no related row is read; a link
    given by id or by row compares the same.
    """
    for name, value in values.items():
        field = instance._meta.get_field(name)
        if field.many_to_one:
            current, wanted = getattr(instance, field.attname), getattr(value, "pk", value)
            if current is None and value is not None:
                return False  # a new, unsaved row given as the link: setting it is a change
        else:
            current, wanted = getattr(instance, name), value
        if current != wanted:
            return False
    return True


def assign(instance: models.Model, values: Mapping[str, Any], *, allowed: Iterable[str]) -> bool:
    """Set `values` on `instance`; return whether anything changed.

    A key outside `allowed` is refused under its own name, so a typo never passes silently.
    """
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        raise ValidationError(
            {key: _("This field does not exist or cannot be set.") for key in unknown}
        )
    changed = {name: value for name, value in values.items() if not holds(instance, {name: value})}
    for name, value in changed.items():
        setattr(instance, name, value)
    return bool(changed)


def validated_save(instance: M, *, by: Author) -> M:
    """Validate `instance` fully (fields, links, constraints), then save it with its author."""
    instance.full_clean()
    instance._history_user = by
    content_writing(instance)
    instance.save()
    return instance


def upsert(
    model: type[M],
    *,
    by: Author,
    lookup: Mapping[str, Any],
    values: Mapping[str, Any],
    allowed: Iterable[str],
) -> tuple[M, bool]:
    """Create or update the row matching `lookup`; return it and whether it was written."""
    instance = model._default_manager.filter(**lookup).first() or model(**lookup)
    is_new = instance.pk is None
    changed = assign(instance, values, allowed=allowed)
    if is_new or changed:
        validated_save(instance, by=by)
    return instance, is_new or changed


def recorded_delete(model: type[models.Model], *, by: Author, **lookup: Any) -> bool:
    """Delete the row matching `lookup`, with `by` as the history's author; False if none."""
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        return False
    instance._history_user = by
    content_writing(instance)
    instance.delete()
    return True
