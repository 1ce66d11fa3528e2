"""Every write to actors: the actors themselves, their roles, influences and positions."""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ordito.actors.models import Actor, ActorInfluence, ActorPosition, ProjectRole
from ordito.plans.models import Objective, Plan, Project
from ordito.plans.records import recorded_delete
from ordito.plans.services import translated, upsert

User = AbstractBaseUser | None

ACTOR_FIELDS = (
    "name",
    "kind",
    "sector",
    "municipality",
    "website",
    *translated("description"),
    "member_since",
    "member_until",
    "is_example",
)


@transaction.atomic
def actor_save(*, by: User, key: str, values: Mapping[str, Any]) -> tuple[Actor, bool]:
    """Create or update the actor `key`."""
    return upsert(Actor, by=by, lookup={"key": key}, values=values, allowed=ACTOR_FIELDS)


@transaction.atomic
def project_role_add(
    *, by: User, actor: Actor, project: Project, role: str
) -> tuple[ProjectRole, bool]:
    """Give `actor` a role (promoter, partner, funder, implementer) in `project`."""
    return upsert(
        ProjectRole,
        by=by,
        lookup={"actor": actor, "project": project, "role": role},
        values={},
        allowed=(),
    )


@transaction.atomic
def actor_influence_set(
    *, by: User, plan: Plan, source: Actor, target: Actor, strength: int, is_example: bool = False
) -> tuple[ActorInfluence, bool]:
    """Set how strongly `source` influences `target` in `plan` (0–4)."""
    if source.pk == target.pk:
        raise ValidationError({"target": _("An actor cannot influence itself.")})
    return upsert(
        ActorInfluence,
        by=by,
        lookup={"plan": plan, "source": source, "target": target},
        values={"strength": strength, "is_example": is_example},
        allowed=("strength", "is_example"),
    )


@transaction.atomic
def actor_position_set(
    *, by: User, actor: Actor, objective: Objective, position: int, is_example: bool = False
) -> tuple[ActorPosition, bool]:
    """Set `actor`'s position on `objective` (−4..+4)."""
    return upsert(
        ActorPosition,
        by=by,
        lookup={"actor": actor, "objective": objective},
        values={"position": position, "is_example": is_example},
        allowed=("position", "is_example"),
    )


@transaction.atomic
def project_role_remove(*, by: User, actor: Actor, project: Project, role: str) -> bool:
    """Take `role` in `project` away from `actor`; return whether there was one to take."""
    return recorded_delete(ProjectRole, by=by, actor=actor, project=project, role=role)
