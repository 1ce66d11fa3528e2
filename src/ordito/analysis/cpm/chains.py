"""Runs of tasks that follow each other with no other link, contracted before the passes.

An edge u -> v is a chain link when u has no other successor and v no other predecessor: v then
starts exactly when u finishes, plus the lag, whatever the rest of the plan does. A maximal run
of such links (the phases of one project, one after another) behaves in both passes as a single
task whose duration is the run's durations and lags added up: only its first task waits for
others, and only its last is waited for. The passes run on the network of runs, and each task's
dates follow from its run's: its earliest start is the run's plus what comes before it in the
run, its latest finish the run's minus what comes after it.

A run's members are found, and what comes before each added up, by pointer jumping (Wyllie
1979): every task points at its predecessor in the run, and each round adds the pointed task's
sum and doubles the pointer, so a run of 100,000 tasks takes 17 rounds of array operations, where
the passes would take 100,000 levels. The sums come out added pairwise rather than one by one:
identical for whole numbers (days), within a few units in the last place otherwise.

References
----------
Wyllie, J. C. (1979). The complexity of parallel computations. PhD thesis, Cornell University
(list ranking by pointer jumping).
"""

from dataclasses import dataclass

import numpy as np

# Contracting costs a few array passes over the tasks: below this share of tasks in runs it
# saves less than it costs (measured on 100,000 tasks: 3 % of them in runs made the schedule
# half as slow again; a single chain ran 3 times faster).
SHARE_OF_LINKS_TO_CONTRACT = 0.25


@dataclass(frozen=True, slots=True)
class Runs:
    """The network of runs, and where each task sits in its run."""

    run: np.ndarray  # each task's run
    before: np.ndarray  # durations and lags in the task's run before it starts
    after: np.ndarray  # durations and lags in the task's run after it finishes
    times: np.ndarray  # each run's duration, lags within it included
    src: np.ndarray  # the edges between runs (those that are not chain links), by run
    dst: np.ndarray
    lag: np.ndarray | None
    level: np.ndarray  # each run's level: above those of the runs it waits for


def contract(
    times: np.ndarray, src: np.ndarray, dst: np.ndarray, lag: np.ndarray | None, level: np.ndarray
) -> Runs | None:
    """The runs of an acyclic network whose edges are listed task by task; None when fewer than
    `SHARE_OF_LINKS_TO_CONTRACT` of the tasks follow another in a run.

    `level` gives each task a level above its predecessors'; a run takes its first task's, and
    the levels that remain are renumbered from 0 without gaps.
    """
    n = times.size
    link = (np.bincount(src, minlength=n)[src] == 1) & (np.bincount(dst, minlength=n)[dst] == 1)
    if np.count_nonzero(link) < SHARE_OF_LINKS_TO_CONTRACT * n or not link.any():
        return None
    tails, heads = src[link], dst[link]
    # What a task adds to the run for the task after it: its duration and the link's lag.
    step = times[tails] if lag is None else times[tails] + lag[link]
    pointer = np.full(n, -1)
    pointer[heads] = tails
    before = np.zeros(n)
    before[heads] = step
    # Pointer jumping: `before` sums what lies between a task and the one it points at; the
    # first task of each run ends up pointed at by all the others.
    first = np.arange(n)
    first[heads] = tails
    moving = heads
    while moving.size:
        target = pointer[moving]
        before[moving] += before[target]
        pointer[moving] = pointer[target]
        first[moving] = first[target]
        moving = moving[pointer[moving] >= 0]
    starts = np.flatnonzero(first == np.arange(n))
    run = np.empty(n, dtype=np.int64)
    run[starts] = np.arange(starts.size)
    run = run[first]
    length = np.zeros(starts.size)
    np.maximum.at(length, run, before + times)
    kept = ~link
    # A run's first task is the only one with other predecessors, so the edges left are still
    # listed by run, in order.
    return Runs(
        run=run,
        before=before,
        after=length[run] - before - times,
        times=length,
        src=run[src[kept]],
        dst=run[dst[kept]],
        lag=None if lag is None or not lag[kept].any() else lag[kept],
        level=_renumbered(level[starts]),
    )


def _renumbered(levels: np.ndarray) -> np.ndarray:
    """The same order of levels, numbered 0, 1, 2... without the numbers no one has."""
    used = np.zeros(int(levels.max()) + 1, dtype=bool)
    used[levels] = True
    return (np.cumsum(used) - 1)[levels]
