"""Which rows of plan content a person may work on: those of the plans where they hold a permission.

django-rules answers "may this person change this plan?" one plan at a time; a list (the admin's
changelists, its choices, its filters) needs the other reading, "which plans may this person
change?", as a query. This module knows no app by name and holds both halves as registries:

- the app that holds the roles (people) says, in its `AppConfig.ready`, which plans a person holds
  a permission in, with `plans_permitting_register`; it builds that query from the same table of
  roles as its predicates (people/rules.py), so the two readings cannot drift apart;
- every app whose models hold plan content says how a row reaches its plan, with
  `plan_path_register(Contribution, "project__plan")` (`"pk"` for the plan itself).

`core.admin.PlanContentAdmin` then scopes its rows, its choices and its filters with `scoped`, and
asks `user.has_perm(permission, plan_of(row))` for a single row.
"""

from collections.abc import Callable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.db.models import QuerySet

User = AbstractBaseUser | AnonymousUser
# The plans where `user` holds `permission`: a queryset of their primary keys (a subquery, not
# run on its own), or None when the person holds it in every plan (a superuser).
PlansPermitting = Callable[[User, str], QuerySet | None]

PLAN = "pk"  # the path from the plan to itself

_plans_permitting: PlansPermitting | None = None
_paths: dict[type[models.Model], str] = {}


def plans_permitting_register(function: PlansPermitting) -> None:
    """Name the function that answers which plans a person holds a permission in."""
    global _plans_permitting
    _plans_permitting = function


def plan_path_register(model: type[models.Model], path: str) -> None:
    """Declare that the rows of `model` belong to the plan reached through `path`, a chain of
    foreign keys (`"project__plan"`), or `PLAN` for the plan itself."""
    if path != PLAN:
        model._meta.get_field(path.split("__", 1)[0])  # FieldDoesNotExist names it at start-up
    _paths[model] = path


def plan_path(model: type[models.Model]) -> str | None:
    """How the rows of `model` reach their plan, or None for a model that belongs to no plan."""
    return _paths.get(model)


def plans_permitting(*, user: User, permission: str) -> QuerySet | None:
    """The primary keys of the plans where `user` holds `permission` (a lazy queryset), or None
    for every plan."""
    if _plans_permitting is None:
        raise LookupError("Nobody says who holds which permission: call plans_permitting_register.")
    return _plans_permitting(user, permission)


def scoped(queryset: QuerySet, *, user: User, permission: str) -> QuerySet:
    """`queryset` narrowed to the rows of the plans where `user` holds `permission`; no query
    is run (the plans are a subquery). A model that belongs to no plan is left as it is."""
    path = plan_path(queryset.model)
    if path is None:
        return queryset
    plans = plans_permitting(user=user, permission=permission)
    if plans is None:
        return queryset
    return queryset.filter(**{f"{path}__in": plans})


def _path_of(row: models.Model) -> str:
    path = plan_path(type(row))
    if path is None:
        raise TypeError(f"{type(row).__name__} belongs to no plan: call plan_path_register.")
    return path


def plan_of(row: models.Model) -> models.Model | None:
    """The plan `row` belongs to, following its path (a query per link not yet loaded)."""
    path = _path_of(row)
    if path == PLAN:
        return row
    for name in path.split("__"):
        row = getattr(row, name, None)
        if row is None:
            return None
    return row


def plan_id_of(row: models.Model):
    """The primary key of the plan `row` belongs to; the last link is read from its id, so a
    row that names its plan directly costs no query."""
    path = _path_of(row)
    if path == PLAN:
        return row.pk
    *through, last = path.split("__")
    for name in through:
        row = getattr(row, name, None)
        if row is None:
            return None
    return getattr(row, row._meta.get_field(last).attname)
