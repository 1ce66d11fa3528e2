"""The forward and backward passes of the critical path method (Kelley and Walker 1959).

The forward pass gives each task its earliest start, the latest of its predecessors' finishes
plus their lags (0 without predecessors); the backward pass its latest finish, the earliest of
its successors' latest starts minus their lags (the plan's end without successors).

The tasks are renumbered by level (a task's level is above all its predecessors' levels) and,
within a level, those with successors first. Each level's tasks are then a contiguous range and
their edges another, so a pass over a level is a few numpy calls on slices. When the levels are
narrow (a deep network of few tasks per level) those calls cost more than they save, and a plain
loop over the same layout, task by task, is cheaper. Before all this, runs of tasks that only
follow each other are contracted into single tasks (`chains`), so a long chain is one level.

References
----------
Kelley, J. E. and Walker, M. R. (1959). Critical-path planning and scheduling. Proceedings of the
Eastern Joint Computer Conference, 160-173.
"""

from dataclasses import dataclass

import numpy as np

from ordito.analysis.cpm.chains import contract

# Below this many tasks and edges per level on average, the loop task by task is faster than the
# vectorised passes level by level (measured on 100,000 tasks in parallel chains of 1 to 16).
EDGES_PER_LEVEL_FOR_VECTORS = 12

# numpy sorts integers of 16 bits or fewer by radix sort when asked for a stable sort.
_RADIX_BITS = 16


@dataclass(frozen=True, slots=True)
class _Layout:
    """The network renumbered by level, its edges grouped by task in the new order."""

    rank: np.ndarray  # each task's new index, by input index
    times: np.ndarray  # durations, by new index
    levels: list[int]  # where each level's tasks start, then the number of tasks
    leaves: list[int]  # where each level's tasks without successors start
    into: np.ndarray  # where each task's incoming edges start, then the number of edges
    sources: np.ndarray  # per incoming edge, its predecessor's new index
    arrival_lags: np.ndarray | None  # None when every lag is 0: adding 0 changes no date
    out: np.ndarray  # where each task's outgoing edges start, then the number of edges
    targets: np.ndarray  # per outgoing edge, its successor's new index
    departure_lags: np.ndarray | None


def schedule(
    times: np.ndarray,
    src: np.ndarray,
    dst: np.ndarray,
    lag: np.ndarray | None,
    level: np.ndarray,
    by_source: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
    """Earliest start and finish, latest start and finish (in input order) and the duration.

    The edges are listed by task (`dst`), with their lags (None when all are 0); `by_source`
    lists them by predecessor instead, each predecessor's edges in their order (see
    `stable_order`). Runs of tasks that only follow each other are scheduled as one task
    (`chains`).
    """
    if not times.size:
        return np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0), 0.0
    runs = contract(times, src, dst, lag, level)
    if runs is None:
        return _schedule_tasks(times, src, dst, lag, level, by_source)
    run_start, _, _, run_finish, duration = _schedule_tasks(
        runs.times, runs.src, runs.dst, runs.lag, runs.level, stable_order(runs.src)
    )
    es = run_start[runs.run] + runs.before
    lf = run_finish[runs.run] - runs.after
    return es, es + times, lf - times, lf, duration


def _schedule_tasks(
    times: np.ndarray,
    src: np.ndarray,
    dst: np.ndarray,
    lag: np.ndarray | None,
    level: np.ndarray,
    by_source: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
    """`schedule` of the tasks as they are, each in its level."""
    n = times.size
    layout = _layout(times, src, dst, lag, level, by_source)
    if (len(layout.levels) - 1) * EDGES_PER_LEVEL_FOR_VECTORS <= n + src.size:
        es, ef = _forward_by_level(layout)
        duration = float(ef.max())
        ls, lf = _backward_by_level(layout, duration)
    else:
        es, ef = _forward_in_order(layout)
        duration = float(ef.max())
        ls, lf = _backward_in_order(layout, duration)
    rank = layout.rank
    return es[rank], ef[rank], ls[rank], lf[rank], duration


def stable_order(keys: np.ndarray) -> np.ndarray:
    """Indices that sort the integers `keys` (>= 0), keeping equal keys in their order.

    A least-significant-digit radix sort on 16-bit digits: on 100,000 tasks it is several times
    faster than numpy's stable sort of 64-bit integers, a merge sort.
    """
    mask = (1 << _RADIX_BITS) - 1
    order = np.argsort((keys & mask).astype(np.uint16), kind="stable")
    top = int(keys.max()) if keys.size else 0
    shift = _RADIX_BITS
    while top >> shift:
        digits = ((keys[order] >> shift) & mask).astype(np.uint16)
        order = order[np.argsort(digits, kind="stable")]
        shift += _RADIX_BITS
    return order


def _layout(
    times: np.ndarray,
    src: np.ndarray,
    dst: np.ndarray,
    lag: np.ndarray | None,
    level: np.ndarray,
    by_source: np.ndarray,
) -> _Layout:
    """Renumber the tasks by level, those with successors first, and group the edges by task."""
    n = times.size
    out_degree = np.bincount(src, minlength=n)
    keys = 2 * level + (out_degree == 0)
    order = stable_order(keys)
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    keys = keys[order]
    steps = 2 * np.arange(int(level.max()) + 2)
    levels, leaves = np.searchsorted(keys, steps), np.searchsorted(keys, steps[:-1] + 1)
    into, incoming = _runs(np.bincount(dst, minlength=n), order)
    out, outgoing = _runs(out_degree, order)
    outgoing = by_source[outgoing]
    return _Layout(
        rank=rank,
        times=times[order],
        levels=levels.tolist(),
        leaves=leaves.tolist(),
        into=into,
        sources=rank[src[incoming]],
        arrival_lags=None if lag is None else lag[incoming],
        out=out,
        targets=rank[dst[outgoing]],
        departure_lags=None if lag is None else lag[outgoing],
    )


def _runs(counts: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Regroup edges listed task by task (`counts` each) for the tasks in `order`.

    Returns where each task's edges start in the new grouping (then their number) and, per
    new position, the edge's position in the old one.
    """
    starts = np.concatenate([[0], np.cumsum(counts)])
    moved = counts[order]
    into = np.concatenate([[0], np.cumsum(moved)])
    return into, np.arange(into[-1]) + np.repeat(starts[order] - into[:-1], moved)


def _forward_by_level(layout: _Layout) -> tuple[np.ndarray, np.ndarray]:
    """Earliest starts and finishes, one level at a time; level 0 waits for nothing."""
    levels, times, sources, lags = layout.levels, layout.times, layout.sources, layout.arrival_lags
    runs = _runs_within_levels(layout.into, levels)
    es = np.zeros(times.size)
    ef = es + times
    edges = layout.into[levels].tolist()
    for current in range(1, len(levels) - 1):
        low, high = levels[current], levels[current + 1]
        first, last = edges[current], edges[current + 1]
        reach = ef[sources[first:last]]
        if lags is not None:
            reach += lags[first:last]
        np.maximum.reduceat(reach, runs[low:high], out=es[low:high])
        np.add(es[low:high], times[low:high], out=ef[low:high])
    return es, ef


def _backward_by_level(layout: _Layout, duration: float) -> tuple[np.ndarray, np.ndarray]:
    """Latest starts and finishes, one level at a time from the last.

    Tasks without successors finish at the plan's end; a successor's latest start minus its lag
    is never later than that, so the others need no comparison with it.
    """
    levels, leaves, times = layout.levels, layout.leaves, layout.times
    targets, lags = layout.targets, layout.departure_lags
    runs = _runs_within_levels(layout.out, levels)
    lf = np.full(times.size, duration)
    ls = lf - times
    edges = layout.out[levels].tolist()
    for current in reversed(range(len(levels) - 1)):
        low, high = levels[current], leaves[current]
        if low == high:
            continue
        first, last = edges[current], edges[current + 1]
        need = ls[targets[first:last]]
        if lags is not None:
            need -= lags[first:last]
        np.minimum.reduceat(need, runs[low:high], out=lf[low:high])
        np.subtract(lf[low:high], times[low:high], out=ls[low:high])
    return ls, lf


def _runs_within_levels(starts: np.ndarray, levels: list[int]) -> np.ndarray:
    """Where each task's edges start, counted from the first edge of the task's level."""
    sizes = np.diff(levels)
    return starts[:-1] - np.repeat(starts[levels[:-1]], sizes)


def _forward_in_order(layout: _Layout) -> tuple[np.ndarray, np.ndarray]:
    """Earliest starts and finishes as a plain loop over the tasks."""
    durations = layout.times.tolist()
    into = layout.into.tolist()
    sources = layout.sources.tolist()
    lags = [0.0] * len(sources) if layout.arrival_lags is None else layout.arrival_lags.tolist()
    es = [0.0] * len(durations)
    ef = [0.0] * len(durations)
    for task, length in enumerate(durations):
        start = 0.0
        for edge in range(into[task], into[task + 1]):
            reach = ef[sources[edge]] + lags[edge]
            if reach > start:
                start = reach
        es[task], ef[task] = start, start + length
    return np.array(es), np.array(ef)


def _backward_in_order(layout: _Layout, duration: float) -> tuple[np.ndarray, np.ndarray]:
    """Latest starts and finishes as a plain loop over the tasks, from the last."""
    durations = layout.times.tolist()
    out = layout.out.tolist()
    targets = layout.targets.tolist()
    lags = [0.0] * len(targets) if layout.departure_lags is None else layout.departure_lags.tolist()
    ls = [0.0] * len(durations)
    lf = [0.0] * len(durations)
    for task in reversed(range(len(durations))):
        finish = duration
        for edge in range(out[task], out[task + 1]):
            need = ls[targets[edge]] - lags[edge]
            if need < finish:
                finish = need
        lf[task], ls[task] = finish, finish - durations[task]
    return np.array(ls), np.array(lf)
