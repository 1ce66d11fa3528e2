"""Coherence between a plan's projects and its objectives.

The contributions of projects to objectives are scored on the seven-point scale of Nilsson,
Griggs and Visbeck (2016), from -3 (cancelling) through 0 (consistent, no effect) to +3
(indivisible). A project serves an objective when its strength is non-zero. The checks: the
objectives no project serves; the projects that serve no objective; the objectives served only
negatively (all their non-zero contributions are negative); and conflicts, the objectives that
some projects push forward and others hold back.

Each conflict is reported once per objective, with the projects that contribute positively and
those that contribute negatively: every pair of one positive and one negative project pulls the
objective in opposite directions. Objectives and projects come in the order of the full lists
when they are given, otherwise in order of first appearance in the contributions.

References
----------
Nilsson, M., Griggs, D. and Visbeck, M. (2016). Policy: Map the interactions between Sustainable
Development Goals. Nature 534(7607), 320-322.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ordito.analysis.arrays import as_labels, frozen
from ordito.analysis.errors import AnalysisInputError

STRENGTH_LIMIT = 3


@dataclass(frozen=True, slots=True)
class Conflict:
    """An objective that `positive` projects serve and `negative` projects hinder."""

    objective: str
    positive: tuple[str, ...]
    negative: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CoherenceResult:
    """The coherence checks; `strength` is the project × objective matrix (0 where none given)."""

    projects: tuple[str, ...]
    objectives: tuple[str, ...]
    strength: np.ndarray
    unserved_objectives: tuple[str, ...]
    projects_without_objectives: tuple[str, ...]
    negatively_served_objectives: tuple[str, ...]
    conflicts: tuple[Conflict, ...]

    def to_dict(self) -> dict:
        """The JSON object of ``ordito analyze coherence``."""
        return {
            "unserved_objectives": list(self.unserved_objectives),
            "projects_without_objectives": list(self.projects_without_objectives),
            "negatively_served_objectives": list(self.negatively_served_objectives),
            "conflicts": [
                {
                    "objective": conflict.objective,
                    "positive": list(conflict.positive),
                    "negative": list(conflict.negative),
                }
                for conflict in self.conflicts
            ],
        }


def coherence(
    contributions: Sequence[tuple[str, str, int]],
    *,
    objectives: Sequence[str] | None = None,
    projects: Sequence[str] | None = None,
) -> CoherenceResult:
    """Unserved objectives, idle projects, negatively served objectives and conflicts.

    Parameters
    ----------
    contributions : sequence of (project_id, objective_id, strength)
        Strength an integer from -3 to 3; at most one contribution per project and objective.
    objectives, projects : sequence of str, optional
        The plan's full lists. When given, every contribution must name ids from them, and the
        objectives or projects that no contribution mentions count as unserved or idle.

    Returns
    -------
    CoherenceResult

    Raises
    ------
    AnalysisInputError
        A contribution that is not a triple, an empty id, a strength that is not an integer from
        -3 to 3, a pair given twice, duplicate ids in the full lists, or an id missing from them.

    Examples
    --------
    >>> result = coherence([("tram", "mobility", 3), ("car park", "mobility", -2),
    ...                     ("car park", "air", -1)], objectives=["mobility", "air", "jobs"])
    >>> result.unserved_objectives, result.negatively_served_objectives
    (('jobs',), ('air',))
    >>> result.to_dict()["conflicts"]
    [{'objective': 'mobility', 'positive': ['tram'], 'negative': ['car park']}]
    """
    rows = _contributions(contributions)
    project_ids = _ids(projects, "projects", [row[0] for row in rows], position=0)
    objective_ids = _ids(objectives, "objectives", [row[1] for row in rows], position=1)
    project_index = {project: i for i, project in enumerate(project_ids)}
    objective_index = {objective: i for i, objective in enumerate(objective_ids)}
    strength = np.zeros((len(project_ids), len(objective_ids)), dtype=np.int64)
    given = np.zeros(strength.shape, dtype=bool)
    for position, (project, objective, value) in enumerate(rows):
        cell = project_index[project], objective_index[objective]
        if given[cell]:
            raise AnalysisInputError(
                f"contributions: project {project!r} and objective {objective!r} are given twice "
                f"(the second time at position {position}).",
                argument="contributions",
                position=(position,),
            )
        given[cell] = True
        strength[cell] = value
    serving = strength != 0
    has_positive = (strength > 0).any(axis=0)
    has_negative = (strength < 0).any(axis=0)
    conflicts = tuple(
        Conflict(
            objective=objective_ids[k],
            positive=tuple(project_ids[i] for i in np.flatnonzero(strength[:, k] > 0)),
            negative=tuple(project_ids[i] for i in np.flatnonzero(strength[:, k] < 0)),
        )
        for k in np.flatnonzero(has_positive & has_negative)
    )
    return CoherenceResult(
        projects=project_ids,
        objectives=objective_ids,
        strength=frozen(strength),
        unserved_objectives=_pick(objective_ids, ~serving.any(axis=0)),
        projects_without_objectives=_pick(project_ids, ~serving.any(axis=1)),
        negatively_served_objectives=_pick(objective_ids, has_negative & ~has_positive),
        conflicts=conflicts,
    )


def _contributions(contributions: object) -> list[tuple[str, str, int]]:
    """The contributions as (project, objective, strength) with text ids and integer strengths."""
    if isinstance(contributions, str | bytes) or not isinstance(contributions, Sequence):
        raise AnalysisInputError(
            "contributions: expected a list of (project, objective, strength) triples, "
            f"got {type(contributions).__name__}.",
            argument="contributions",
        )
    rows = []
    for position, row in enumerate(contributions):
        if isinstance(row, str | bytes) or not isinstance(row, Sequence) or len(row) != 3:
            raise AnalysisInputError(
                "contributions: expected a (project, objective, strength) triple at position "
                f"{position}, got {row!r:.60}.",
                argument="contributions",
                position=(position,),
            )
        project, objective = ("" if part is None else str(part) for part in row[:2])
        value = row[2]
        if not project or not objective:
            raise AnalysisInputError(
                f"contributions: expected non-empty project and objective ids at position "
                f"{position}, got {row!r:.60}.",
                argument="contributions",
                position=(position,),
            )
        rows.append((project, objective, _strength(value, position)))
    return rows


def _strength(value: object, position: int) -> int:
    """`value` as an integer from -3 to 3, or raise naming the contribution's position."""
    try:
        number = float(value)  # type: ignore[arg-type]  # anything float() accepts is welcome
    except (TypeError, ValueError):
        number = np.nan
    if (
        isinstance(value, bool)
        or not np.isfinite(number)
        or number != int(number)
        or abs(number) > STRENGTH_LIMIT
    ):
        raise AnalysisInputError(
            f"contributions: expected a strength that is an integer from -{STRENGTH_LIMIT} to "
            f"{STRENGTH_LIMIT} at position {position}, got {value!r}.",
            argument="contributions",
            position=(position,),
        )
    return int(number)


def _ids(
    full: Sequence[str] | None, argument: str, mentioned: list[str], *, position: int
) -> tuple[str, ...]:
    """The full list when given (checking the contributions' ids are in it), else first seen."""
    if full is None:
        return tuple(dict.fromkeys(mentioned))
    if isinstance(full, str | bytes) or not isinstance(full, Sequence):
        raise AnalysisInputError(
            f"{argument}: expected a list of ids, got {type(full).__name__}.", argument=argument
        )
    ids = as_labels(full, argument=argument, size=len(full))
    known = set(ids)
    for row, identifier in enumerate(mentioned):
        if identifier not in known:
            raise AnalysisInputError(
                f"contributions: {argument[:-1]} {identifier!r} at position {row} is not in "
                f"{argument}.",
                argument="contributions",
                position=(row, position),
            )
    return ids


def _pick(ids: tuple[str, ...], mask: np.ndarray) -> tuple[str, ...]:
    """The ids where `mask` holds, in order."""
    return tuple(ids[i] for i in np.flatnonzero(mask))
