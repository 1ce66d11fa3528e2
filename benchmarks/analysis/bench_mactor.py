"""Time ordito.analysis.mactor on seeded random inputs: 300 actors × 1,000 objectives.

Issue #3 asks for under 1 s on the project's 2-core machine. Run it as a plain script:

    .venv/bin/python benchmarks/analysis/bench_mactor.py [--actors N] [--objectives M]

MID has about half of its cells valued 1 to 4 and a zero diagonal; the positions are uniform
on -4..4 (float64, as the CLI reads them).
"""

import argparse
import statistics
import time

import numpy as np

from ordito.analysis.mactor import mactor


def actor_inputs(actors: int, objectives: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """A random MID (0–4, zero diagonal) and a random 2MAO (-4..4)."""
    rng = np.random.default_rng(seed)
    mid = rng.choice(5, size=(actors, actors), p=[0.5, 0.2, 0.15, 0.1, 0.05]).astype(float)
    np.fill_diagonal(mid, 0)
    positions = rng.integers(-4, 5, size=(actors, objectives)).astype(float)
    return mid, positions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=300)
    parser.add_argument("--objectives", type=int, default=1_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()

    mid, positions = actor_inputs(options.actors, options.objectives, options.seed)
    actors = [f"A{i}" for i in range(options.actors)]
    objectives = [f"O{k}" for k in range(options.objectives)]
    timings = []
    for _ in range(options.repeats):
        start = time.perf_counter()
        mactor(mid, positions, actors=actors, objectives=objectives)
        timings.append(time.perf_counter() - start)
    print(f"mactor: {options.actors} actors × {options.objectives} objectives")
    print(
        f"  best {min(timings):.3f} s, median {statistics.median(timings):.3f} s, "
        f"worst {max(timings):.3f} s over {options.repeats} runs (target: under 1 s)"
    )


if __name__ == "__main__":
    main()
