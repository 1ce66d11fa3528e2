"""Critical path method (CPM) over the projects' precedence network.

Each task has a duration and waits for its predecessors to finish, plus an optional lag per
predecessor. The forward pass gives every task's earliest start and finish, the backward pass its
latest start and finish (the plan ends when its last task finishes). Total float is how far a
task can slip without delaying the plan, free float how far it can slip without delaying any
successor's earliest start. Tasks with zero total float are critical.

The passes visit the tasks in topological order. Scipy's strongly connected components (Pearce
2016) refuse cycles and, as Tarjan-style algorithms do, close the components in reverse
topological order; the order is checked on every call, and networkx's topological sort takes
over should a scipy release ever change that. Each task's level (the most edges on a chain leading to it) comes from
scipy's Dijkstra after Johnson's (1977) reweighting. When the levels are wide the passes are
vectorised a level at a time; on a deep, narrow network (a long chain) a plain loop over the
topological order is cheaper.

References
----------
Kelley, J. E. and Walker, M. R. (1959). Critical-path planning and scheduling. Proceedings of the
Eastern Joint Computer Conference, 160-173.
Johnson, D. B. (1977). Efficient algorithms for shortest paths in sparse networks. Journal of the
ACM 24(1), 1-13.
Pearce, D. J. (2016). A space-efficient algorithm for finding strongly connected components.
Information Processing Letters 116(1), 47-52.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from operator import itemgetter

import networkx as nx
import numpy as np
from numpy.typing import ArrayLike
from scipy.sparse import csr_array
from scipy.sparse.csgraph import connected_components, dijkstra

from ordito.analysis.arrays import as_labels, frozen
from ordito.analysis.errors import AnalysisInputError

# Total float counts as zero within this tolerance, scaled by the plan's duration when the plan
# is longer than 1, so that rounding in long plans with fractional durations is not "float".
CRITICAL_TOLERANCE = 1e-9

# The level-by-level passes cost a few numpy calls per level; below this many tasks and edges per
# level on average, a plain loop over the topological order is faster (measured on 100,000 tasks).
EDGES_PER_LEVEL_FOR_VECTORS = 32


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
    ids = as_labels(tasks, argument="tasks", size=len(tasks))
    n = len(ids)
    times = _numbers(durations, argument="durations", size=n, describe=lambda i: f"task {ids[i]!r}")
    src, dst, lag = _precedence_edges(ids, predecessors, lags)
    order, level = _schedule_order(ids, src, dst)
    levels = int(level.max()) + 1 if n else 0
    if levels * EDGES_PER_LEVEL_FOR_VECTORS <= n + src.size:
        es, ef, ls, lf, duration = _passes_by_level(times, src, dst, lag, level, levels)
    else:
        es, ef, ls, lf, duration = _passes_in_order(times, src, dst, lag, order)
    free = duration - ef
    slack = es[dst] - (ef[src] + lag)
    has_successor = np.zeros(n, dtype=bool)
    has_successor[src] = True
    free[has_successor] = np.inf
    np.minimum.at(free, src, slack)
    total = ls - es
    tolerance = CRITICAL_TOLERANCE * max(1.0, duration)
    is_critical = np.abs(total) <= tolerance
    path = _critical_path(src, dst, lag, es, ef, is_critical, tolerance)
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


def _numbers(
    values: ArrayLike, *, argument: str, size: int, describe: Callable[[int], str]
) -> np.ndarray:
    """`values` as `size` finite floats >= 0; the message names the item via `describe(index)`."""
    try:
        array = np.asarray(values, dtype=float)
        shown = None
    except (TypeError, ValueError):
        shown = list(values) if isinstance(values, Iterable) else [values]
        array = np.array([_number_or_nan(value) for value in shown])
    if array.shape != (size,):
        raise AnalysisInputError(
            f"{argument}: expected a list of {size} numbers, got one of shape {array.shape}.",
            argument=argument,
        )
    bad = np.flatnonzero(~np.isfinite(array) | (array < 0))
    if bad.size:
        index = int(bad[0])
        value = f"{array[index]:g}" if shown is None else repr(shown[index])
        raise AnalysisInputError(
            f"{argument}: expected a finite number >= 0 for {describe(index)}, got {value}.",
            argument=argument,
            position=(index,),
        )
    return array


def _number_or_nan(value: object) -> float:
    """`value` as a float, or NaN when it is not a number."""
    try:
        return float(value)  # type: ignore[arg-type]  # whatever float() takes is a number
    except (TypeError, ValueError):
        return np.nan


def _precedence_edges(
    ids: tuple[str, ...],
    predecessors: Sequence[Sequence[str]],
    lags: Sequence[Sequence[float]] | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Edges predecessor -> task as index arrays, in task order, with their lags."""
    n = len(ids)
    counts = _list_lengths(predecessors, argument="predecessors", ids=ids)
    dst = np.repeat(np.arange(n), counts)
    names = list(chain.from_iterable(predecessors))
    index = {label: i for i, label in enumerate(ids)}
    try:
        # itemgetter looks every name up in one C loop, twice as fast as map() here.
        found = itemgetter(*names)(index) if names else ()
        src = np.array(found if len(names) != 1 else (found,), dtype=np.int64)
    except (KeyError, TypeError):
        # Ids that are not strings are compared as text, as the tasks' ids were.
        names = list(map(str, names))
        src = np.fromiter(map(index.get, names, repeat(-1)), dtype=np.int64, count=len(names))
    unknown = np.flatnonzero(src < 0)
    if unknown.size:
        edge = int(unknown[0])
        task = int(dst[edge])
        raise AnalysisInputError(
            f"predecessors: task {ids[task]!r} waits for {names[edge]!r}, which is not a task.",
            argument="predecessors",
            position=(task,),
        )
    if lags is None:
        return src, dst, np.zeros(src.size)
    lag_counts = _list_lengths(lags, argument="lags", ids=ids)
    mismatch = np.flatnonzero(lag_counts != counts)
    if mismatch.size:
        task = int(mismatch[0])
        raise AnalysisInputError(
            f"lags: expected {counts[task]} lag(s) for task {ids[task]!r}, one per predecessor, "
            f"got {lag_counts[task]}.",
            argument="lags",
            position=(task,),
        )
    flat = list(chain.from_iterable(lags))

    def describe(edge: int) -> str:
        return f"predecessor {names[edge]!r} of task {ids[dst[edge]]!r}"

    return src, dst, _numbers(flat, argument="lags", size=src.size, describe=describe)


def _list_lengths(lists: object, *, argument: str, ids: tuple[str, ...]) -> np.ndarray:
    """Length of each of the per-task lists, refusing strings and a wrong number of lists."""
    if isinstance(lists, str | bytes) or not isinstance(lists, Sequence):
        raise AnalysisInputError(
            f"{argument}: expected one list per task, got {type(lists).__name__}.",
            argument=argument,
        )
    if len(lists) != len(ids):
        raise AnalysisInputError(
            f"{argument}: expected {len(ids)} lists, one per task, got {len(lists)}.",
            argument=argument,
        )
    if any(
        issubclass(kind, str | bytes) or not hasattr(kind, "__len__")
        for kind in set(map(type, lists))
    ):
        task, entry = next(
            (task, entry)
            for task, entry in enumerate(lists)
            if isinstance(entry, str | bytes) or not hasattr(entry, "__len__")
        )
        raise AnalysisInputError(
            f"{argument}: expected a list for task {ids[task]!r}, got {entry!r:.60}.",
            argument=argument,
            position=(task,),
        )
    return np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))


def _schedule_order(
    ids: tuple[str, ...], src: np.ndarray, dst: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Tasks in topological order, and each task's level; a cycle is refused with its tasks.

    One graph serves both steps: the tasks plus a virtual start (index n) before every task
    without predecessors. The level of a task is the most edges on a chain ending at it, from
    scipy's Dijkstra without a Python loop: with topological positions p, the weight
    2 (p[v] - p[u]) - 1 of an edge u -> v is at least 1, and a chain's reweighted length
    telescopes to 2 (p[end] - p[start]) minus its number of edges, so the shortest reweighted
    chain from the virtual start is the longest one in edges (Johnson 1977), in exact integers.
    """
    n = len(ids)
    starts = np.flatnonzero(np.bincount(dst, minlength=n) == 0)
    rows = np.concatenate([src, np.full(starts.size, n)])
    columns = np.concatenate([dst, starts])
    # Building the graph sums repeated edges: only its pattern matters until the reweighting.
    graph = csr_array((np.ones(rows.size), (rows, columns)), shape=(n + 1, n + 1))
    count, labels = connected_components(graph, directed=True, connection="strong")
    if count < n + 1 or np.any(src == dst):
        _refuse_cycle(ids, src, dst, labels[:n])
    order = np.argsort(-labels, kind="stable")
    position = np.empty(n + 1, dtype=np.int64)
    position[order] = np.arange(n + 1)
    if not np.all(position[rows] < position[columns]):
        fallback = nx.DiGraph()
        fallback.add_nodes_from(range(n + 1))
        fallback.add_edges_from(zip(rows.tolist(), columns.tolist(), strict=True))
        order = np.fromiter(nx.topological_sort(fallback), dtype=np.int64, count=n + 1)
        position[order] = np.arange(n + 1)
    tails = np.repeat(np.arange(n + 1), np.diff(graph.indptr))
    graph.data = (2 * (position[graph.indices] - position[tails]) - 1).astype(float)
    distance = dijkstra(graph, indices=n)[:n]
    level = 2 * (position[:n] - position[n]) - distance.astype(np.int64) - 1
    return order[order != n], level


def _refuse_cycle(
    ids: tuple[str, ...], src: np.ndarray, dst: np.ndarray, labels: np.ndarray
) -> None:
    """Raise naming one cycle, from its first task in input order: "a → b → a"."""
    sizes = np.bincount(labels)
    cyclic = sizes[labels] > 1
    cyclic[src[src == dst]] = True
    successors: dict[int, list[int]] = {}
    for u, v in zip(src.tolist(), dst.tolist(), strict=True):
        if labels[u] == labels[v]:
            successors.setdefault(u, []).append(v)
    task = int(np.flatnonzero(cyclic)[0])
    seen: dict[int, int] = {}
    walk = []
    while task not in seen:
        seen[task] = len(walk)
        walk.append(task)
        task = min(successors[task])
    cycle = walk[seen[task] :]
    first = cycle.index(min(cycle))
    cycle = cycle[first:] + cycle[:first]
    names = " → ".join(ids[i] for i in [*cycle, cycle[0]])
    raise AnalysisInputError(
        f"predecessors: the tasks wait for each other in a cycle: {names}.",
        argument="predecessors",
        position=(cycle[0],),
    )


def _passes_by_level(
    times: np.ndarray,
    src: np.ndarray,
    dst: np.ndarray,
    lag: np.ndarray,
    level: np.ndarray,
    levels: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
    """Forward and backward passes, one vectorised step per level."""
    by_level = np.argsort(level, kind="stable")
    members = np.split(by_level, np.searchsorted(level[by_level], np.arange(1, levels)))
    es = np.zeros(times.size)
    ef = times.copy()
    incoming = np.lexsort((dst, level[dst]))
    cuts, owners, starts = _runs_by_level(dst[incoming], level[dst[incoming]], levels)
    sources, lags = np.split(src[incoming], cuts), np.split(lag[incoming], cuts)
    for current in range(1, levels):
        reach = ef[sources[current]] + lags[current]
        es[owners[current]] = np.maximum.reduceat(reach, starts[current])
        tasks = members[current]
        ef[tasks] = es[tasks] + times[tasks]
    duration = float(ef.max()) if ef.size else 0.0
    lf = np.full(times.size, duration)
    ls = lf - times
    outgoing = np.lexsort((src, level[src]))
    cuts, owners, starts = _runs_by_level(src[outgoing], level[src[outgoing]], levels)
    targets, lags = np.split(dst[outgoing], cuts), np.split(lag[outgoing], cuts)
    for current in range(levels - 2, -1, -1):
        latest = np.minimum.reduceat(ls[targets[current]] - lags[current], starts[current])
        lf[owners[current]] = np.minimum(duration, latest)
        tasks = members[current]
        ls[tasks] = lf[tasks] - times[tasks]
    return es, ef, ls, lf, duration


def _runs_by_level(
    owners: np.ndarray, edge_levels: np.ndarray, levels: int
) -> tuple[np.ndarray, list[np.ndarray], list[np.ndarray]]:
    """Cut edges sorted by (level, owning task) into levels, and each level into one run per task.

    Returns where the levels start among the edges (for np.split), and per level the task owning
    each run and where the runs start within the level (for ufunc.reduceat).
    """
    cuts = np.searchsorted(edge_levels, np.arange(1, levels))
    runs = np.flatnonzero(np.diff(owners, prepend=-1))
    run_cuts = np.searchsorted(runs, cuts)
    firsts = np.concatenate([[0], cuts])
    starts = [part - first for part, first in zip(np.split(runs, run_cuts), firsts, strict=True)]
    return cuts, np.split(owners[runs], run_cuts), starts


def _passes_in_order(
    times: np.ndarray, src: np.ndarray, dst: np.ndarray, lag: np.ndarray, order: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
    """Forward and backward passes as plain loops over the topological order."""
    n = times.size
    durations = times.tolist()
    into = np.searchsorted(dst, np.arange(n + 1)).tolist()  # edges are sorted by task
    sources, lags = src.tolist(), lag.tolist()
    es, ef = [0.0] * n, [0.0] * n
    for task in order.tolist():
        start = 0.0
        for edge in range(into[task], into[task + 1]):
            reach = ef[sources[edge]] + lags[edge]
            if reach > start:
                start = reach
        es[task], ef[task] = start, start + durations[task]
    duration = max(ef, default=0.0)
    by_source = np.argsort(src, kind="stable")
    out = np.searchsorted(src[by_source], np.arange(n + 1)).tolist()
    targets, out_lags = dst[by_source].tolist(), lag[by_source].tolist()
    ls, lf = [0.0] * n, [0.0] * n
    for task in reversed(order.tolist()):
        finish = duration
        for edge in range(out[task], out[task + 1]):
            need = ls[targets[edge]] - out_lags[edge]
            if need < finish:
                finish = need
        lf[task], ls[task] = finish, finish - durations[task]
    return np.array(es), np.array(ef), np.array(ls), np.array(lf), duration


def _critical_path(
    src: np.ndarray,
    dst: np.ndarray,
    lag: np.ndarray,
    es: np.ndarray,
    ef: np.ndarray,
    is_critical: np.ndarray,
    tolerance: float,
) -> list[int]:
    """One critical chain, choosing by input order at every fork (see `cpm`)."""
    has_predecessor = np.zeros(es.size, dtype=bool)
    has_predecessor[dst] = True
    starts = np.flatnonzero(is_critical & ~has_predecessor)
    if not starts.size:
        return []
    # An edge continues a critical chain when both ends are critical and nothing is lost on it;
    # edges sorted by predecessor keep their tasks' input order, so each task's first such edge
    # leads to its first critical successor.
    tight = is_critical[src] & is_critical[dst] & (np.abs(es[dst] - (ef[src] + lag)) <= tolerance)
    edges = np.argsort(src, kind="stable")
    edges = edges[tight[edges]]
    tasks, first = np.unique(src[edges], return_index=True)
    following = np.full(es.size, -1)
    following[tasks] = dst[edges[first]]
    successor = following.tolist()
    path = [int(starts[0])]
    while successor[path[-1]] >= 0:
        path.append(successor[path[-1]])
    return path
