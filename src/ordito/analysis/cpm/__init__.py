"""Critical path method (CPM) over the projects' precedence network.

Each task has a duration and waits for its predecessors to finish, plus an optional lag per
predecessor. The forward pass gives every task's earliest start and finish, the backward pass its
latest start and finish (the plan ends when its last task finishes). Total float is how far a
task can slip without delaying the plan, free float how far it can slip without delaying any
successor's earliest start. Tasks with zero total float are critical.

`graph` checks the input, turns it into edges between task indices, refuses cycles and levels
the tasks; `chains` contracts runs of tasks that only follow each other into single tasks;
`passes` runs the forward and backward passes, level by level.

References
----------
Kelley, J. E. and Walker, M. R. (1959). Critical-path planning and scheduling. Proceedings of the
Eastern Joint Computer Conference, 160-173.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ordito.analysis.arrays import frozen
from ordito.analysis.cpm.graph import precedence_network, task_levels
from ordito.analysis.cpm.passes import schedule, stable_order

__all__ = ["CRITICAL_TOLERANCE", "CpmResult", "cpm"]

# Total float counts as zero within this tolerance, scaled by the plan's duration when the plan
# is longer than 1, so that rounding in long plans with fractional durations is not "float".
CRITICAL_TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True)
class CpmResult:
    """Schedule of every task, in the order the tasks were given."""

    tasks: tuple[str, ...]
    earliest_start: np.ndarray
    earliest_finish: np.ndarray
    latest_start: np.ndarray
    latest_finish: np.ndarray
    total_float: np.ndarray
    free_float: np.ndarray
    critical_path: tuple[str, ...]  # one chain of critical tasks, from the plan's start to its end
    critical: tuple[str, ...]  # every task with zero total float, in input order
    duration: float

    def to_dict(self) -> dict:
        """The JSON object of ``ordito analyze cpm``."""
        columns = zip(
            self.tasks,
            self.earliest_start.tolist(),
            self.earliest_finish.tolist(),
            self.latest_start.tolist(),
            self.latest_finish.tolist(),
            self.total_float.tolist(),
            self.free_float.tolist(),
            strict=True,
        )
        return {
            "duration": float(self.duration),
            "critical_path": list(self.critical_path),
            "critical": list(self.critical),
            "tasks": {
                task: {"es": es, "ef": ef, "ls": ls, "lf": lf, "total_float": tf, "free_float": ff}
                for task, es, ef, ls, lf, tf, ff in columns
            },
        }


def cpm(
    tasks: Sequence[str],
    *,
    durations: ArrayLike,
    predecessors: Sequence[Sequence[str]],
    lags: Sequence[Sequence[float]] | None = None,
) -> CpmResult:
    """Earliest and latest dates, floats and a critical path of a precedence network.

    Parameters
    ----------
    tasks : sequence of str
        Distinct task ids.
    durations : array_like of float
        One finite duration >= 0 per task.
    predecessors : sequence of sequences of str
        Per task, the ids of the tasks that must finish before it starts.
    lags : sequence of sequences of float, optional
        Per task, one finite lag >= 0 per predecessor: the time between that predecessor's
        finish and the task's start. None means no lags.

    Returns
    -------
    CpmResult
        The critical path starts at the first critical task (in input order) without
        predecessors and, at each step, follows the first successor (in input order) that is
        critical and starts exactly when the current task's finish and lag allow. Tasks without
        predecessors start at 0.

    Raises
    ------
    AnalysisInputError
        A duplicate task id, a negative or non-finite duration or lag (leads are not modelled),
        a predecessor that is not a task, lists of the wrong length, or a cycle, whose tasks the
        message names in order ("a → b → a": b waits for a, and a for b).

    Examples
    --------
    >>> result = cpm(["a", "b", "c"], durations=[2, 3, 1], predecessors=[[], ["a"], ["a"]])
    >>> result.duration, result.critical_path, result.free_float.tolist()
    (5.0, ('a', 'b'), [0.0, 0.0, 2.0])
    """
    ids, times, src, dst, lag = precedence_network(tasks, durations, predecessors, lags)
    n = len(ids)
    by_source = stable_order(src)
    level = task_levels(ids, src, dst, by_source)
    es, ef, ls, lf, duration = schedule(times, src, dst, lag, level, by_source)
    # How long each edge's predecessor could slip before the task had to start later.
    slack = es[dst] - (ef[src] if lag is None else ef[src] + lag)
    free = duration - ef
    has_successor = np.zeros(n, dtype=bool)
    has_successor[src] = True
    free[has_successor] = np.inf
    np.minimum.at(free, src, slack)
    total = ls - es
    tolerance = CRITICAL_TOLERANCE * max(1.0, duration)
    is_critical = np.abs(total) <= tolerance
    path = _critical_path(src, dst, by_source, slack, is_critical, tolerance)
    return CpmResult(
        tasks=ids,
        earliest_start=frozen(es),
        earliest_finish=frozen(ef),
        latest_start=frozen(ls),
        latest_finish=frozen(lf),
        total_float=frozen(total),
        free_float=frozen(free),
        critical_path=tuple(ids[i] for i in path),
        critical=tuple(ids[i] for i in np.flatnonzero(is_critical)),
        duration=duration,
    )


def _critical_path(
    src: np.ndarray,
    dst: np.ndarray,
    by_source: np.ndarray,
    slack: np.ndarray,
    is_critical: np.ndarray,
    tolerance: float,
) -> list[int]:
    """One critical chain, choosing by input order at every fork (see `cpm`)."""
    has_predecessor = np.zeros(is_critical.size, dtype=bool)
    has_predecessor[dst] = True
    starts = np.flatnonzero(is_critical & ~has_predecessor)
    if not starts.size:
        return []
    # An edge continues a critical chain when both ends are critical and nothing is lost on it;
    # `by_source` keeps each predecessor's edges in their tasks' input order, so each task's
    # first such edge leads to its first critical successor.
    tight = is_critical[src] & is_critical[dst] & (np.abs(slack) <= tolerance)
    edges = by_source[tight[by_source]]
    heads = src[edges]
    firsts = np.flatnonzero(np.diff(heads, prepend=-1))
    following = np.full(is_critical.size, -1)
    following[heads[firsts]] = dst[edges[firsts]]
    successor = following.tolist()
    path = [int(starts[0])]
    while successor[path[-1]] >= 0:
        path.append(successor[path[-1]])
    return path
