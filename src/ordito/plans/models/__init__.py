from ordito.plans.models.projects import Contribution, Dependency, Project
from ordito.plans.models.structure import (
    Direction,
    MetaObjective,
    Objective,
    ObjectiveInfluence,
    Plan,
    ThematicArea,
)

__all__ = [
    "Contribution",
    "Dependency",
    "Direction",
    "MetaObjective",
    "Objective",
    "ObjectiveInfluence",
    "Plan",
    "Project",
    "ThematicArea",
]
