"""TOPSIS and PROMETHEE II on 2,000 alternatives x 12 criteria against pymcdm 1.4.0, same run.

Run: .venv/bin/python benchmarks/analysis/bench_mcda.py

The targets: at least 10x pymcdm's default call on the same input, with the same results (issue
#3), and for TOPSIS faster than even pymcdm's bare computation (issue #8). Both libraries get the
same random matrix (uniform 0-100, half the criteria to minimise) and the same weights (divided
by their sum for pymcdm, which expects them so).

- ordito: the library call as the command line makes it: input checks, labels, scores and the
  ranking (ties broken by input order).
- pymcdm: its default call, which validates the problem (it looks for dominated alternatives),
  followed by its `rank` for a ranking like ours; and its bare computation (`validation=False`,
  no ranking).

TOPSIS takes about a millisecond, so its three calls are interleaved (each round calls all three
in turn, so a burst of load on a shared machine slows all of them) over TOPSIS_ROUNDS rounds after
a warm-up; the best and the median are reported. PROMETHEE's times are the best of REPEATS calls.

The scores must agree within 1e-9. pymcdm has no Gaussian preference function: ordito's is timed
alone.
"""

import statistics
import time
import warnings

import numpy as np
from pymcdm import normalizations
from pymcdm.methods import PROMETHEE_II, TOPSIS

from ordito.analysis.promethee import promethee_ii
from ordito.analysis.topsis import topsis

ALTERNATIVES = 2_000
CRITERIA = 12
REPEATS = 7
TOPSIS_ROUNDS = 300


def best_of(function, repeats: int = REPEATS) -> tuple[float, object]:
    """Smallest wall time of `repeats` calls after one warm-up call, and the last value."""
    value = function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        value = function()
        times.append(time.perf_counter() - start)
    return min(times), value


def interleaved(*functions, rounds: int) -> list[tuple[list[float], object]]:
    """Per function, its wall times over `rounds` rounds (each calling every function once, in
    turn, after one warm-up round) and its last value."""
    values = [function() for function in functions]
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(rounds):
        for k, function in enumerate(functions):
            start = time.perf_counter()
            values[k] = function()
            times[k].append(time.perf_counter() - start)
    return list(zip(times, values, strict=True))


def problem(seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)
    directions = ["max", "min"] * (CRITERIA // 2)
    return {
        "matrix": rng.uniform(0, 100, size=(ALTERNATIVES, CRITERIA)),
        "weights": rng.uniform(1, 10, size=CRITERIA),
        "directions": directions,
        "alternatives": [f"A{i}" for i in range(ALTERNATIVES)],
        "criteria": [f"C{j}" for j in range(CRITERIA)],
    }


def report(name: str, ours: float, validated: float, bare: float, difference: float) -> None:
    print(f"{name}")
    print(f"  ordito (checks, scores, ranking):       {ours * 1e3:8.2f} ms")
    print(
        f"  pymcdm default call + rank:             {validated * 1e3:8.2f} ms "
        f"({validated / ours:5.1f}x ordito)"
    )
    print(
        f"  pymcdm validation=False, no ranking:    {bare * 1e3:8.2f} ms "
        f"({bare / ours:5.1f}x ordito)"
    )
    print(f"  largest score difference: {difference:.1e}")
    assert difference < 1e-9, difference


def bench_topsis(case: dict) -> None:
    types = np.where(np.array(case["directions"]) == "max", 1, -1)
    shares = case["weights"] / case["weights"].sum()
    for normalization, function in (
        ("vector", normalizations.vector_normalization),
        ("minmax", normalizations.minmax_normalization),
    ):
        method = TOPSIS(function)
        (ours, result), (validated, _), (bare, reference) = interleaved(
            lambda n=normalization: topsis(**case, normalization=n),
            lambda m=method: m.rank(m(case["matrix"], shares, types)),
            lambda m=method: m(case["matrix"], shares, types, validation=False),
            rounds=TOPSIS_ROUNDS,
        )
        difference = float(np.abs(result.scores - reference).max())
        print(f"TOPSIS, {normalization} normalisation, {TOPSIS_ROUNDS} interleaved rounds")
        for name, spent in (
            ("ordito (checks, scores, ranking):    ", ours),
            ("pymcdm default call + rank:          ", validated),
            ("pymcdm validation=False, no ranking: ", bare),
        ):
            best, median = min(spent), statistics.median(spent)
            print(
                f"  {name} best {best * 1e3:7.3f} ms ({best / min(ours):5.2f}x ordito), "
                f"median {median * 1e3:7.3f} ms ({median / statistics.median(ours):5.2f}x ordito)"
            )
        print(f"  largest score difference: {difference:.1e}")
        assert difference < 1e-9, difference


def bench_promethee(case: dict) -> None:
    types = np.where(np.array(case["directions"]) == "max", 1, -1)
    shares = case["weights"] / case["weights"].sum()
    q = np.full(CRITERIA, 5.0)
    p = np.full(CRITERIA, 30.0)
    for function, pymcdm_name, thresholds in (
        ("usual", "usual", {}),
        ("u-shape", "ushape", {"q": q}),
        ("v-shape", "vshape", {"p": p}),
        ("level", "level", {"q": q, "p": p}),
        ("linear", "vshape_2", {"q": q, "p": p}),
    ):
        ours, result = best_of(
            lambda f=function, t=thresholds: promethee_ii(**case, functions=[f] * CRITERIA, **t)
        )

        # pymcdm consumes its thresholds as a generator: build the method for every call.
        def validated_call(name=pymcdm_name, t=thresholds):
            method = PROMETHEE_II(name, **t)
            return method.rank(method(case["matrix"], shares, types))

        def bare_call(name=pymcdm_name, t=thresholds):
            return PROMETHEE_II(name, **t)(case["matrix"], shares, types, validation=False)

        validated, _ = best_of(validated_call, repeats=3)
        bare, reference = best_of(bare_call, repeats=3)
        difference = float(np.abs(result.scores - reference).max())
        report(f"PROMETHEE II, {function}", ours, validated, bare, difference)

    gaussian, _ = best_of(
        lambda: promethee_ii(**case, functions=["gaussian"] * CRITERIA, s=np.full(CRITERIA, 15.0)),
        repeats=3,
    )
    print(f"PROMETHEE II, gaussian (no pymcdm equivalent): ordito {gaussian * 1e3:.1f} ms")


if __name__ == "__main__":
    # pymcdm warns about dominated alternatives in its validation; the timing is what matters.
    warnings.simplefilter("ignore")
    case = problem()
    print(f"{ALTERNATIVES:,} alternatives x {CRITERIA} criteria\n")
    bench_topsis(case)
    bench_promethee(case)
