"""The precedence network of a CPM plan: checked input, edges as index arrays, task levels.

Tasks become indices 0..n-1 in input order and precedences become edges predecessor -> task,
listed task by task. Cycles are refused by scipy's strongly connected components (Pearce 2016),
which, as Tarjan-style algorithms do, close the components in reverse topological order; that
order is checked on every call, and networkx's topological sort takes over should a scipy release
ever change it. Each task's level (the most edges on a chain of predecessors leading to it) comes
from scipy's Dijkstra after Johnson's (1977) reweighting.

References
----------
Johnson, D. B. (1977). Efficient algorithms for shortest paths in sparse networks. Journal of the
ACM 24(1), 1-13.
Pearce, D. J. (2016). A space-efficient algorithm for finding strongly connected components.
Information Processing Letters 116(1), 47-52.
"""

from collections.abc import Callable, Iterable, Sequence
from functools import reduce
from itertools import repeat
from operator import iadd, itemgetter

import networkx as nx
import numpy as np
from numpy.typing import ArrayLike
from scipy.sparse import csr_array
from scipy.sparse.csgraph import connected_components, dijkstra

from ordito.analysis.arrays import label_index
from ordito.analysis.errors import AnalysisInputError


def numbers(
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


def precedence_network(
    tasks: Sequence[str],
    durations: ArrayLike,
    predecessors: Sequence[Sequence[str]],
    lags: Sequence[Sequence[float]] | None,
) -> tuple[tuple[str, ...], np.ndarray, np.ndarray, np.ndarray, np.ndarray | None]:
    """The checked input: task ids, durations, and the edges' predecessors, tasks and lags.

    Edges predecessor -> task are index arrays listed task by task; their lags are None when
    all are 0. The map from ids to positions, megabytes on a large plan, is freed on return,
    before the heavier steps.
    """
    index = label_index(tasks, argument="tasks", size=len(tasks))
    ids = tuple(index)
    times = numbers(
        durations, argument="durations", size=len(ids), describe=lambda i: f"task {ids[i]!r}"
    )
    return ids, times, *_edges(index, ids, predecessors, lags)


def _edges(
    index: dict[str, int],
    ids: tuple[str, ...],
    predecessors: Sequence[Sequence[str]],
    lags: Sequence[Sequence[float]] | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Edges predecessor -> task as index arrays, in task order, with their lags (or None)."""
    counts = _list_lengths(predecessors, argument="predecessors", ids=ids)
    dst = np.repeat(np.arange(len(ids)), counts)
    # Extending one list is faster than list(chain.from_iterable(...)) on 100,000 tasks.
    names: list[object] = reduce(iadd, predecessors, [])
    try:
        # itemgetter looks every name up in one C loop, twice as fast as map() here.
        found = itemgetter(*names)(index) if names else ()
        src = np.fromiter(found if len(names) != 1 else (found,), dtype=np.int64, count=len(names))
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
        return src, dst, None
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
    flat: list[object] = reduce(iadd, lags, [])

    def describe(edge: int) -> str:
        return f"predecessor {names[edge]!r} of task {ids[dst[edge]]!r}"

    lag = numbers(flat, argument="lags", size=src.size, describe=describe)
    return src, dst, lag if lag.any() else None


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


def task_levels(
    ids: tuple[str, ...], src: np.ndarray, dst: np.ndarray, by_source: np.ndarray
) -> np.ndarray:
    """Each task's level, the most edges on a chain ending at it; a cycle is refused with its tasks.

    Tasks without predecessors are at level 0, and tasks without successors one above their
    highest predecessor; neither can be on a cycle. The others, in between, are leveled on one
    graph: those tasks plus a virtual start (index n) standing for all the tasks at level 0.
    Scipy's strongly connected components refuse cycles and give topological positions p; with
    them an edge u -> v weighs 3 (p[v] - p[u]) - 1, or one less from the virtual start, where it
    stands for two edges: at least 1 either way. A chain's reweighted length then telescopes to
    3 (p[end] - p[start]) minus its number of edges, so scipy's Dijkstra finds the longest chain
    in edges as the shortest reweighted one (Johnson 1977), in exact integers.

    `by_source` lists the edges by predecessor, each predecessor's edges in task order (see
    `passes.stable_order`), which gives the graph's compressed rows without a sort.
    """
    n = len(ids)
    first = np.bincount(dst, minlength=n) == 0
    last = np.bincount(src, minlength=n) == 0
    tails, heads = src[by_source], dst[by_source]
    inner = ~first[tails] & ~last[heads]
    tails, heads = tails[inner], heads[inner]
    # Each pair of tasks is one entry: scipy 1.17's strongly connected components can run forever
    # on a repeated entry. A repeated precedence is a neighbour here, as each row is in task order.
    kept = np.concatenate([[True], (tails[1:] != tails[:-1]) | (heads[1:] != heads[:-1])])
    if not kept.all():
        tails, heads = tails[kept], heads[kept]
    fed = np.zeros(n, dtype=bool)
    fed[dst[first[src] & ~last[dst]]] = True
    starts = np.flatnonzero(fed)
    tails = np.concatenate([tails, np.full(starts.size, n)])
    heads = np.concatenate([heads, starts])
    rows = np.concatenate([[0], np.cumsum(np.bincount(tails, minlength=n + 1))])
    graph = csr_array((np.ones(heads.size), heads, rows), shape=(n + 1, n + 1))
    count, labels = connected_components(graph, directed=True, connection="strong")
    if count < n + 1 or np.any(src == dst):
        _refuse_cycle(ids, src, dst, labels[:n])
    # Every node is its own component, labelled 0..n in reverse topological order.
    position = n - labels.astype(np.int64)
    if not np.all(position[tails] < position[heads]):
        fallback = nx.DiGraph()
        fallback.add_nodes_from(range(n + 1))
        fallback.add_edges_from(zip(tails.tolist(), heads.tolist(), strict=True))
        order = np.fromiter(nx.topological_sort(fallback), dtype=np.int64, count=n + 1)
        position[order] = np.arange(n + 1)
    graph.data = (3 * (position[heads] - position[tails]) - 1 - (tails == n)).astype(float)
    distance = dijkstra(graph, indices=n)
    level = np.zeros(n, dtype=np.int64)
    between = np.flatnonzero(~first & ~last)
    reached = distance[between].astype(np.int64)
    level[between] = 3 * (position[between] - position[n]) - reached - 1
    ends = last[dst]
    np.maximum.at(level, dst[ends], level[src[ends]] + 1)
    return level


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
