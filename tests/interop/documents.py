"""A small valid `ordito-plan` document, and the row counts an import must leave alone."""

import copy
from typing import Any

from ordito.actors.models import Actor
from ordito.plans.models import (
    ActorInfluence,
    ActorPosition,
    Contribution,
    Dependency,
    Direction,
    MetaObjective,
    Objective,
    ObjectiveInfluence,
    Plan,
    Project,
    ProjectRole,
    ThematicArea,
)

MODELS = (
    Actor,
    ActorInfluence,
    ActorPosition,
    ProjectRole,
    Contribution,
    Dependency,
    Direction,
    MetaObjective,
    Objective,
    ObjectiveInfluence,
    Plan,
    Project,
    ThematicArea,
)

DOCUMENT: dict[str, Any] = {
    "format": "ordito-plan",
    "version": 1,
    "actors": [
        {
            "key": "comune-torino",
            "name": "Città di Torino",
            "kind": "municipality",
            "municipality": "001272",
            "website": "https://www.comune.torino.it",
            "member_since": "2000-05-09",
        },
        {"key": "gtt", "name": "GTT", "kind": "company", "is_example": True},
    ],
    "plans": [
        {
            "slug": "torino-2000",
            "title": {"it": "Primo piano strategico"},
            "territory": {"it": "Area metropolitana di Torino"},
            "period_start": 2000,
            "period_end": 2005,
            "status": "closed",
            "areas": [
                {
                    "code": "L",
                    "title": {"it": "Linee strategiche"},
                    "directions": [
                        {
                            "code": "1",
                            "title": {"it": "Linea 1"},
                            "objectives": [{"code": "1.1", "title": {"it": "Obiettivo 1.1"}}],
                        }
                    ],
                }
            ],
            "projects": [{"code": "1.1.1", "kind": "action", "title": {"it": "Azione 1.1.1"}}],
        },
        {
            "slug": "torino-2006",
            "title": {"it": "Secondo piano strategico", "en": "Second strategic plan"},
            "territory": {"it": "Area metropolitana di Torino", "en": "Turin metropolitan area"},
            "period_start": 2006,
            "period_end": 2015,
            "vision": {"it": "Torino città della conoscenza", "en": "Turin, city of knowledge"},
            "status": "approved",
            "approved_on": "2006-07-01",
            "previous": "torino-2000",
            "meta_objectives": [{"code": "COMP", "title": {"it": "Competitività"}}],
            "areas": [
                {
                    "code": "TER",
                    "kind": "thematic",
                    "title": {"it": "Territorio", "en": "Territory"},
                    "directions": [
                        {
                            "code": "MOB",
                            "title": {"it": "Mobilità", "en": "Mobility"},
                            "objectives": [
                                {
                                    "code": "MOB 1",
                                    "title": {"it": "Metropolitana"},
                                    "meta_objectives": ["COMP"],
                                },
                                {"code": "MOB 2", "title": {"it": "Ferrovie"}},
                            ],
                        }
                    ],
                }
            ],
            "projects": [
                {
                    "code": "P01",
                    "title": {"it": "Linea 2 della metropolitana", "en": "Metro line 2"},
                    "status": "in_progress",
                    "direction": "MOB",
                    "municipality": "001272",
                    "latitude": 45.0703,
                    "longitude": 7.6869,
                    "budget_eur": "12500000.00",
                    "planned_start": "2007-01-01",
                    "planned_end": "2010-12-31",
                    "carried_over_from": {"plan": "torino-2000", "code": "1.1.1"},
                    "is_example": True,
                    "contributions": [{"objective": "MOB 1", "strength": 3}],
                    "dependencies": [{"project": "P02", "lag_days": 30}],
                    "roles": [
                        {"actor": "comune-torino", "role": "promoter"},
                        {"actor": "gtt", "role": "partner"},
                    ],
                },
                {
                    "code": "P02",
                    "title": {"it": "Passante ferroviario"},
                    "status": "completed",
                    "budget_eur": "950000000.00",
                    "example_fields": ["status", "budget_eur"],
                    "contributions": [{"objective": "MOB 2", "strength": 2, "is_example": True}],
                    "roles": [{"actor": "gtt", "role": "promoter", "is_example": True}],
                },
            ],
            "objective_influences": [
                {"source": "MOB 1", "target": "MOB 2", "strength": 2, "is_example": True},
                {"source": "MOB 2", "target": "MOB 1", "strength": "P"},
            ],
            "actor_influences": [
                {"source": "comune-torino", "target": "gtt", "strength": 3, "is_example": True}
            ],
            "positions": [
                {"actor": "comune-torino", "objective": "MOB 1", "position": 4, "is_example": True}
            ],
        },
    ],
}

# How many records of each kind DOCUMENT holds.
DOCUMENT_COUNTS = {
    "actors": 2,
    "plans": 2,
    "meta_objectives": 1,
    "areas": 2,
    "directions": 2,
    "objectives": 3,
    "projects": 3,
    "contributions": 2,
    "dependencies": 1,
    "roles": 3,
    "objective_influences": 2,
    "actor_influences": 1,
    "positions": 1,
}


def document() -> dict[str, Any]:
    """A fresh copy of DOCUMENT, safe to change."""
    return copy.deepcopy(DOCUMENT)


def row_counts() -> dict[str, int]:
    """Rows and history rows of every model an import writes."""
    counts = {model.__name__: model.objects.count() for model in MODELS}
    counts |= {f"{model.__name__} history": model.history.count() for model in MODELS}
    return counts
