"""Where an actor takes part in a plan, as a registry other apps extend.

An actor takes part in a plan when it has a role in one of the plan's projects, a position on one
of its objectives, or an influence on (or from) another actor within it. Apps above `plans` that
record more ways of taking part (an actor registered to a meeting, say) register them in their
`AppConfig.ready` with `taking_part_register`; the selectors `plans_of_actor` and
`actors_of_plan` (plans/selectors/actors.py) then count them too, and so does everything built on
them (who may confirm an actor's representatives, whom a request is announced to).
"""

from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True, slots=True)
class TakingPart:
    """Rows of `model` link the actor at the lookup `actor` to the plan at the lookup `plan`
    (`"actor"` and `"project__plan"` for a role in a project)."""

    model: type[models.Model]
    actor: str
    plan: str


_ways: list[TakingPart] = []


def taking_part_register(model: type[models.Model], *, actor: str, plan: str) -> TakingPart:
    """Count a row of `model` as its actor (lookup `actor`) taking part in its plan (`plan`)."""
    way = TakingPart(model, actor, plan)
    if way in _ways:
        raise ValueError(f"{model.__name__} ({actor} → {plan}) is already registered.")
    _ways.append(way)
    return way


def ways_of_taking_part() -> tuple[TakingPart, ...]:
    return tuple(_ways)


def register() -> None:
    from ordito.plans.models import ActorInfluence, ActorPosition, ProjectRole

    taking_part_register(ProjectRole, actor="actor", plan="project__plan")
    taking_part_register(ActorPosition, actor="actor", plan="objective__plan")
    taking_part_register(ActorInfluence, actor="source", plan="plan")
    taking_part_register(ActorInfluence, actor="target", plan="plan")
