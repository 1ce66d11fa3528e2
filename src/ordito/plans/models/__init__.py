from ordito.plans.models.actors import ActorInfluence, ActorPosition, ProjectRole
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
    "ActorInfluence",
    "ActorPosition",
    "Contribution",
    "Dependency",
    "Direction",
    "MetaObjective",
    "Objective",
    "ObjectiveInfluence",
    "Plan",
    "Project",
    "ProjectRole",
    "ThematicArea",
]
