"""Opinion groups of 10,000 participants on 500 statements: target under 5 s (issue #3).

Run: .venv/bin/python benchmarks/analysis/bench_opinion.py

Participants belong to one of three hidden camps; each vote follows the camp's position four
times in five and is random otherwise, and 70 % of the votes are missing, as in a consultation
where people vote on a fraction of the statements.
"""

import time

import numpy as np

from ordito.analysis.opinion import opinion_groups

PARTICIPANTS = 10_000
STATEMENTS = 500
REPEATS = 3


def votes(participants: int, statements: int, seed: int = 0) -> np.ndarray:
    """The vote matrix described in the module docstring."""
    rng = np.random.default_rng(seed)
    camp = rng.integers(0, 3, size=participants)
    positions = rng.choice([-1.0, 0.0, 1.0], size=(3, statements))
    noise = rng.choice([-1.0, 0.0, 1.0], size=(participants, statements))
    matrix = np.where(rng.random((participants, statements)) < 0.8, positions[camp], noise)
    matrix[rng.random(matrix.shape) < 0.7] = np.nan
    return matrix


if __name__ == "__main__":
    matrix = votes(PARTICIPANTS, STATEMENTS)
    people = [f"p{i}" for i in range(PARTICIPANTS)]
    items = [f"s{j}" for j in range(STATEMENTS)]
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = opinion_groups(matrix, participants=people, statements=items, seed=0)
        times.append(time.perf_counter() - start)
    print(
        f"opinion: {PARTICIPANTS:,} participants x {STATEMENTS} statements, "
        f"{int(np.isfinite(matrix).sum()):,} votes; {len(result.clustered):,} clustered into "
        f"groups of {[len(g) for g in result.groups]} (silhouette {result.silhouette:.3f}), "
        f"{sum(map(len, result.representative))} representative statements"
    )
    print(
        f"  ordito opinion_groups: best {min(times):.2f} s, worst {max(times):.2f} s "
        f"of {REPEATS} (target: under 5 s)"
    )
