"""Writes of a plan's categories of participants: its staff rename, add, remove and reorder them.

A category's key is what later apps target (a consultation day for `school`), so it is chosen when
the category is made and never changes; its name, in every language of the site, does.
"""

import re
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from ordito.core.languages import LANGUAGE_CODES
from ordito.core.records import Author, recorded_delete, upsert, validated_save
from ordito.people.models import Category
from ordito.people.services import plain_text
from ordito.plans.models import Plan

CATEGORY_KEY_MAX_LENGTH = Category._meta.get_field("key").max_length
CATEGORY_LABEL_MAX_LENGTH = Category._meta.get_field("label").max_length
KEY_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LABEL_FIELDS = tuple(f"label_{code}" for code in LANGUAGE_CODES)


def category_labels_clean(labels: Mapping[str, Any]) -> dict[str, str]:
    """The name in every language of the site (`label_it`, `label_en`), each required, one line,
    at most CATEGORY_LABEL_MAX_LENGTH characters; every field at fault is named at once."""
    cleaned, errors = {}, {}
    for field in LABEL_FIELDS:
        try:
            cleaned[field] = plain_text(
                labels.get(field), field=field, max_length=CATEGORY_LABEL_MAX_LENGTH, required=True
            )
        except ValidationError as error:
            errors.update(error.message_dict)
    unknown = sorted(set(labels) - set(LABEL_FIELDS))
    for field in unknown:
        errors[field] = [_("This field does not exist or cannot be set.")]
    if errors:
        raise ValidationError(errors)
    return cleaned


def category_key_clean(key: Any, *, plan: Plan) -> str:
    if not isinstance(key, str):
        raise ValidationError({"key": _("Enter text.")})
    key = key.strip()
    if not key:
        raise ValidationError({"key": _("This field cannot be empty.")})
    if len(key) > CATEGORY_KEY_MAX_LENGTH:
        raise ValidationError(
            {"key": _("Use at most %(limit)d characters.") % {"limit": CATEGORY_KEY_MAX_LENGTH}}
        )
    if not KEY_PATTERN.fullmatch(key):
        raise ValidationError(
            {"key": _("Use lowercase letters, digits and single hyphens between them.")}
        )
    if Category.objects.filter(plan=plan, key=key).exists():
        raise ValidationError({"key": _("This plan already has a category with this key.")})
    return key


@transaction.atomic
def category_create(*, plan: Plan, key: Any, labels: Mapping[str, Any], by: Author) -> Category:
    """A new category of participants in `plan`, placed after the others."""
    # Lock the plan so that two staff members adding at once get distinct places and keys.
    Plan.objects.select_for_update().get(pk=plan.pk)
    errors = {}
    try:
        key = category_key_clean(key, plan=plan)
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        labels = category_labels_clean(labels)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    last = Category.objects.filter(plan=plan).aggregate(last=Max("order"))["last"] or 0
    return validated_save(Category(plan=plan, key=key, order=last + 1, **labels), by=by)


@transaction.atomic
def category_rename(*, category: Category, labels: Mapping[str, Any], by: Author) -> Category:
    """Change the name of `category` in every language of the site."""
    category, _written = upsert(
        Category,
        by=by,
        lookup={"pk": category.pk},
        values=category_labels_clean(labels),
        allowed=LABEL_FIELDS,
    )
    return category


@transaction.atomic
def category_delete(*, category: Category, by: Author) -> int:
    """Remove `category`, and with it from the profile of everyone who had chosen it; return how
    many people had."""
    chosen_by = category.people.count()
    recorded_delete(Category, by=by, pk=category.pk)
    return chosen_by


@transaction.atomic
def category_move(*, category: Category, offset: int, by: Author) -> bool:
    """Move `category` one place up (`offset` -1) or down (+1) among its plan's; return whether
    it moved (the first cannot go up, the last cannot go down)."""
    if offset not in (-1, 1):
        raise ValidationError({"offset": _("Move one place up or down.")})
    Plan.objects.select_for_update().get(pk=category.plan_id)
    siblings = list(Category.objects.filter(plan_id=category.plan_id).order_by("order", "pk"))
    place = next(n for n, row in enumerate(siblings) if row.pk == category.pk)
    target = place + offset
    if not 0 <= target < len(siblings):
        return False
    siblings[place], siblings[target] = siblings[target], siblings[place]
    # Renumber them all: orders may have gaps or ties (a plan's defaults and additions).
    for order, row in enumerate(siblings, start=1):
        row.order = order
    Category.objects.bulk_update(siblings, ["order"])
    return True
