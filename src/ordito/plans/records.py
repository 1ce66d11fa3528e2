"""Saving a model through its own validation, with the change recorded in its history.

Every service that writes plan content ends here, so the admin, the API and the importer get the
same checks, the same messages keyed by field, a history entry naming who made the change, and a
new content version for every plan that shows the row (plans/versions.py).
"""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from ordito.plans.versions import content_writing

M = TypeVar("M", bound=models.Model)


def assign(instance: models.Model, values: Mapping[str, Any], *, allowed: Iterable[str]) -> bool:
    """Set `values` on `instance`; return whether anything changed.

    A key outside `allowed` is refused under its own name, so a typo never passes silently.
    """
    allowed = set(allowed)
    unknown = sorted(set(values) - allowed)
    if unknown:
        raise ValidationError(
            {key: _("This field does not exist or cannot be set.") for key in unknown}
        )
    changed = False
    for name, value in values.items():
        field = instance._meta.get_field(name)
        if field.many_to_one:
            # Compare ids: reading an unset relation of a new row would raise.
            current, wanted = getattr(instance, field.attname), getattr(value, "pk", value)
        else:
            current, wanted = getattr(instance, name), value
        if current != wanted or (field.many_to_one and current is None and value is not None):
            setattr(instance, name, value)
            changed = True
    return changed


def validated_save(instance: M, *, by: AbstractBaseUser | None) -> M:
    """Validate `instance` fully (fields, links, constraints), then save it with its author."""
    instance.full_clean()
    instance._history_user = by
    content_writing(instance)
    instance.save()
    return instance


def recorded_delete(
    model: type[models.Model], *, by: AbstractBaseUser | None, **lookup: Any
) -> bool:
    """Delete the row matching `lookup`, with `by` as the history's author; False if none."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return False
    instance._history_user = by
    content_writing(instance)
    instance.delete()
    return True
