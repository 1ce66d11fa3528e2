"""SMAA-2 on 1,000 alternatives x 10 criteria x 10,000 weight samples: time and peak memory.

Run: .venv/bin/python benchmarks/analysis/bench_smaa.py

The target (issue #3) is under 3 s and 2 GB. No reference library implements SMAA-2 (pymcdm
1.4.0 has none), so the figures stand alone; the run also checks that every rank acceptability
row and column sums to 1.

- time: best of 3 library calls (input checks, normalisation, sampling, ranking, central
  weights and confidence factors);
- memory: the peak of the call's own allocations, traced by tracemalloc (numpy reports its
  arrays to it) in a separate call, since tracing slows the call down; and the peak resident
  size of the whole process (Python, numpy, the inputs and the result included), from
  resource.getrusage.
"""

import resource
import time
import tracemalloc

import numpy as np

from ordito.analysis.smaa import smaa2

ALTERNATIVES = 1_000
CRITERIA = 10
SAMPLES = 10_000
REPEATS = 3


def problem(seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)
    return {
        "matrix": rng.uniform(0, 100, size=(ALTERNATIVES, CRITERIA)),
        "directions": ["max", "min"] * (CRITERIA // 2),
        "alternatives": [f"A{i}" for i in range(ALTERNATIVES)],
        "criteria": [f"C{j}" for j in range(CRITERIA)],
    }


def main() -> None:
    case = problem()
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = smaa2(**case, samples=SAMPLES, seed=0)
        times.append(time.perf_counter() - start)
    acceptability = result.rank_acceptability
    assert np.allclose(acceptability.sum(axis=0), 1) and np.allclose(acceptability.sum(axis=1), 1)

    tracemalloc.start()
    smaa2(**case, samples=SAMPLES, seed=0)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # ru_maxrss is in kilobytes on Linux.
    resident_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    first = int((acceptability[:, 0] > 0).sum())
    print(f"SMAA-2: {ALTERNATIVES:,} alternatives x {CRITERIA} criteria x {SAMPLES:,} samples")
    print(f"  time, best of {REPEATS}:                   {min(times):.2f} s (target < 3 s)")
    print(f"  peak traced allocations of the call: {traced_peak / 2**20:.0f} MiB")
    print(f"  peak resident size of the process:  {resident_peak / 2**20:.0f} MiB (target < 2 GB)")
    print(
        f"  alternatives ever first: {first}; confidence factors of 1: {int(np.nansum(result.confidence))}"
    )


if __name__ == "__main__":
    main()
