"""The actor-project network of 20,000 actors and 5,000 projects: target under 10 s (issue #3).

Run: .venv/bin/python benchmarks/analysis/bench_network.py

The roles imitate a metropolitan plan: each project has 1 + Poisson(4) role slots; every actor
fills one slot (so all 20,000 are in the network) and the remaining slots go to actors drawn with
Zipf-like popularity (1 / rank), so a few public bodies sit on hundreds of projects; one role in
ten is doubled (the same actor as promoter and funder). With more than 5,000 actors betweenness is
estimated from 1,000 seeded pivots.
"""

import time

import numpy as np

from ordito.analysis.network import actor_project_network

ACTORS = 20_000
PROJECTS = 5_000
REPEATS = 3


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


if __name__ == "__main__":
    edges, kinds = roles(ACTORS, PROJECTS)
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = actor_project_network(edges, kinds=kinds, seed=0)
        times.append(time.perf_counter() - start)
    links = round(result.degree.sum() * (len(result.actors) - 1) / 2)
    print(
        f"network: {len(result.actors):,} actors, {len(result.projects):,} projects, "
        f"{len(edges):,} roles, {links:,} co-project links, {len(result.communities):,} "
        f"communities, {len(result.brokers):,} brokers, betweenness from "
        f"{result.betweenness_sources:,} sources"
    )
    print(
        f"  ordito actor_project_network: best {min(times):.2f} s, worst {max(times):.2f} s "
        f"of {REPEATS} (target: under 10 s)"
    )
