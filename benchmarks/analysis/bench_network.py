"""The actor-project network: 20,000 actors in 5,000 projects (target under 10 s, issue #3),
and one project of 4,000 actors (target under 2 minutes and 3 GB, issue 8).

Run: .venv/bin/python benchmarks/analysis/bench_network.py

Each case prints the best and worst wall time of its repeats, and the peak memory: the peak of
the call's own allocations traced by tracemalloc (numpy reports its arrays to it; one more call,
since tracing slows it), and the peak resident size of the whole process so far (Python, numpy,
the inputs and the results included), from resource.getrusage.

The roles imitate a metropolitan plan: each project has 1 + Poisson(4) role slots; every actor
fills one slot (so all 20,000 are in the network) and the remaining slots go to actors drawn with
Zipf-like popularity (1 / rank), so a few public bodies sit on hundreds of projects; one role in
ten is doubled (the same actor as promoter and funder). With more than 5,000 actors betweenness is
estimated from 1,000 seeded pivots.
"""

import resource
import time
import tracemalloc

import numpy as np

from ordito.analysis.network import actor_project_network

ACTORS = 20_000
PROJECTS = 5_000
REPEATS = 3
ONE_PROJECT_ACTORS = 4_000


def roles(actors: int, projects: int, seed: int = 0) -> tuple[list[tuple[str, str]], dict]:
    """Role pairs (actor, project) and each actor's kind (see the module docstring)."""
    rng = np.random.default_rng(seed)
    slots = np.repeat(np.arange(projects), 1 + rng.poisson(4, size=projects))
    rng.shuffle(slots)
    holder = np.empty(slots.size, dtype=np.int64)
    holder[:actors] = rng.permutation(actors)
    popularity = 1.0 / np.arange(1, actors + 1)
    holder[actors:] = rng.choice(actors, size=slots.size - actors, p=popularity / popularity.sum())
    doubled = rng.random(slots.size) < 0.1
    holder = np.concatenate([holder, holder[doubled]])
    slots = np.concatenate([slots, slots[doubled]])
    edges = [(f"A{a}", f"P{p}") for a, p in zip(holder.tolist(), slots.tolist(), strict=True)]
    kinds = rng.choice(["public", "private", "third sector"], size=actors, p=[0.2, 0.5, 0.3])
    return edges, {f"A{a}": kind for a, kind in enumerate(kinds.tolist())}


def measure(edges: list[tuple[str, str]], kinds: dict | None, repeats: int):
    """Best and worst seconds of `repeats` calls, the traced peak in MiB, and the last result."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = actor_project_network(edges, kinds=kinds, seed=0)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    actor_project_network(edges, kinds=kinds, seed=0)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return min(times), max(times), peak, result


def report(label: str, edges, kinds, repeats: int, target: str) -> None:
    best, worst, peak, result = measure(edges, kinds, repeats)
    links = round(result.degree.sum() * (len(result.actors) - 1) / 2)
    resident = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10  # KiB on Linux
    print(
        f"{label}: {len(result.actors):,} actors, {len(result.projects):,} projects, "
        f"{len(edges):,} roles, {links:,} co-project links, {len(result.communities):,} "
        f"communities, {len(result.brokers):,} brokers, betweenness from "
        f"{result.betweenness_sources:,} sources"
    )
    print(
        f"  actor_project_network: best {best:.2f} s, worst {worst:.2f} s of {repeats}; "
        f"traced peak {peak:,.0f} MiB; process peak {resident:,.0f} MiB so far ({target})"
    )


if __name__ == "__main__":
    edges, kinds = roles(ACTORS, PROJECTS)
    report("network", edges, kinds, REPEATS, "target: under 10 s")
    clique = [(f"A{a}", "P0") for a in range(ONE_PROJECT_ACTORS)]
    report("one project", clique, None, 1, "target: under 2 minutes and 3 GB")
