"""Tests of ordito.analysis.promethee: the published example, a naive oracle, pymcdm, properties."""

import json
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from pymcdm.methods import PROMETHEE_II

from ordito.analysis import promethee as promethee_module
from ordito.analysis.errors import AnalysisInputError
from ordito.analysis.promethee import PREFERENCE_FUNCTIONS, promethee_ii
from tests.analysis.doctests import assert_examples_hold
from tests.analysis.strategies import permutations_of, problems

# Brans, Vincke & Mareschal (1986), "How to select and how to rank projects: the PROMETHEE
# method", EJOR 24(2), 228-238, numerical example: six sites for a hydroelectric power station,
# six criteria with one preference function each, equal weights. Input table as in Mareschal's
# own teaching copy (Exercises with Visual PROMETHEE, 2019, table 1): f1 manpower (min, u-shape
# q=10), f2 power (max, v-shape p=30), f3 construction cost (min, linear q=50 p=500), f4
# maintenance cost (min, level q=10 p=60), f5 villages to evacuate (min, usual), f6 safety
# (max, gaussian s=5).
POWER_STATION = {
    "matrix": [
        [80, 90, 600, 54, 8, 5],
        [65, 58, 200, 97, 1, 1],
        [83, 60, 400, 72, 4, 7],
        [40, 80, 1000, 75, 7, 10],
        [52, 72, 600, 20, 3, 8],
        [94, 96, 700, 36, 5, 6],
    ],
    "weights": [1, 1, 1, 1, 1, 1],
    "directions": ["min", "max", "min", "min", "min", "max"],
    "alternatives": ["a1", "a2", "a3", "a4", "a5", "a6"],
    "criteria": ["manpower", "power", "construction", "maintenance", "villages", "safety"],
    "functions": ["u-shape", "v-shape", "linear", "level", "usual", "gaussian"],
    "q": [10, 0, 50, 10, 0, 0],
    "p": [0, 30, 500, 60, 0, 0],
    "s": [0, 0, 0, 0, 0, 5],
}
# The paper's preference index pi(a_i, a_j), rows i, to 3 decimals.
PUBLISHED_PI = np.array(
    [
        [0.000, 0.296, 0.250, 0.268, 0.100, 0.185],
        [0.462, 0.000, 0.389, 0.333, 0.296, 0.500],
        [0.236, 0.180, 0.000, 0.333, 0.056, 0.429],
        [0.399, 0.505, 0.305, 0.000, 0.223, 0.212],
        [0.444, 0.515, 0.487, 0.380, 0.000, 0.448],
        [0.286, 0.399, 0.250, 0.432, 0.133, 0.000],
    ]
)
# The paper's net flows are sums over the other alternatives, not means (so n - 1 = 5 times
# ours), added up from the rounded pi above: each can be off by up to 5 x 0.0005 each way.
PUBLISHED_NET_SUMS = [-0.728, 0.085, -0.447, -0.102, 1.466, -0.274]


def test_promethee_reproduces_the_power_station_example_flows():
    result = promethee_ii(**POWER_STATION)
    # Mean of a row (column) of the published pi: rounding moves it by at most 0.0005.
    assert result.positive_flow.tolist() == pytest.approx(PUBLISHED_PI.sum(axis=1) / 5, abs=5e-4)
    assert result.negative_flow.tolist() == pytest.approx(PUBLISHED_PI.sum(axis=0) / 5, abs=5e-4)
    assert (result.scores * 5).tolist() == pytest.approx(PUBLISHED_NET_SUMS, abs=2.5e-3)


def test_promethee_reproduces_the_power_station_ranking():
    assert promethee_ii(**POWER_STATION).ranking == ("a5", "a2", "a4", "a6", "a3", "a1")


@pytest.mark.parametrize(
    ("weights", "best"),
    [
        # Mareschal (2019), Exercises with Visual PROMETHEE, weight sensitivity of the same
        # example: with power weighted 50 and the others 10, France (a6) comes first; with
        # villages weighted 55 and the others 9, Belgium (a2) comes first.
        ([10, 50, 10, 10, 10, 10], "a6"),
        ([9, 9, 9, 9, 55, 9], "a2"),
    ],
)
def test_promethee_power_station_weight_sensitivity(weights, best):
    assert promethee_ii(**{**POWER_STATION, "weights": weights}).ranking[0] == best


def test_promethee_to_dict_has_exactly_the_cli_keys_and_is_json():
    data = promethee_ii(**POWER_STATION).to_dict()
    assert list(data) == ["alternatives", "scores", "positive_flow", "negative_flow", "ranking"]
    for key in ("scores", "positive_flow", "negative_flow"):
        assert list(data[key]) == POWER_STATION["alternatives"]
        assert all(type(value) is float for value in data[key].values())
    assert data["ranking"] == ["a5", "a2", "a4", "a6", "a3", "a1"]
    assert json.loads(json.dumps(data, allow_nan=False)) == data


def test_promethee_result_is_read_only():
    result = promethee_ii(**POWER_STATION)
    for array in (result.scores, result.positive_flow, result.negative_flow):
        with pytest.raises(ValueError):
            array[0] = 0.0


def test_promethee_docstring_example_holds():
    assert_examples_hold(promethee_module)


def test_promethee_gaussian_does_not_depend_on_the_block_size(monkeypatch):
    rng = np.random.default_rng(7)
    matrix = rng.normal(size=(50, 2))
    arguments = {
        "weights": [1, 2],
        "directions": ["max", "min"],
        "alternatives": [f"a{i}" for i in range(50)],
        "criteria": ["x", "y"],
        "functions": ["gaussian", "gaussian"],
        "s": [0.5, 2.0],
    }
    whole = promethee_ii(matrix, **arguments)
    monkeypatch.setattr(promethee_module, "PAIRS_PER_BLOCK", 120)  # blocks of 2 rows
    blocked = promethee_ii(matrix, **arguments)
    np.testing.assert_allclose(blocked.scores, whole.scores, rtol=0, atol=1e-15)


# The naive oracle: the definitions of the issue, pair by pair, in plain Python.


def preference(name, d, q, p, s):
    if d <= 0:
        return 0.0
    if name == "usual":
        return 1.0
    if name == "u-shape":
        return 1.0 if d > q else 0.0
    if name == "v-shape":
        return d / p if d <= p else 1.0
    if name == "level":
        return 0.0 if d <= q else 0.5 if d <= p else 1.0
    if name == "linear":
        return 0.0 if d <= q else (d - q) / (p - q) if d <= p else 1.0
    return 1.0 - math.exp(-d * d / (2 * s * s))


def naive_flows(matrix, weights, directions, functions, q, p, s):
    rows, columns = matrix.shape
    shares = np.asarray(weights, dtype=float) / np.sum(weights)
    pi = np.zeros((rows, rows))
    for a in range(rows):
        for b in range(rows):
            for j in range(columns):
                x_a, x_b = float(matrix[a, j]), float(matrix[b, j])
                d = x_a - x_b if directions[j] == "max" else x_b - x_a
                pi[a, b] += shares[j] * preference(functions[j], d, q[j], p[j], s[j])
    return pi.sum(axis=1) / (rows - 1), pi.sum(axis=0) / (rows - 1)


@st.composite
def promethee_problems(draw, *, scale=1.0):
    """A problem with a preference function and valid parameters per criterion.

    Values and thresholds are whole numbers times `scale`: with scale 1 many differences fall
    exactly on q or p; with scale 0.1 they fall near them after binary rounding.
    """
    problem = draw(problems())
    columns = len(problem.criteria)
    functions = draw(
        st.lists(st.sampled_from(PREFERENCE_FUNCTIONS), min_size=columns, max_size=columns)
    )
    q = draw(st.lists(st.integers(0, 30), min_size=columns, max_size=columns))
    widths = draw(st.lists(st.integers(1, 40), min_size=columns, max_size=columns))
    s = draw(st.lists(st.integers(1, 30), min_size=columns, max_size=columns))
    return {
        "matrix": problem.matrix * scale,
        **problem.arguments(),
        "functions": functions,
        "q": [v * scale for v in q],
        "p": [(v + w) * scale for v, w in zip(q, widths, strict=True)],
        "s": [v * scale for v in s],
    }


@given(st.one_of(promethee_problems(), promethee_problems(scale=0.1)))
def test_promethee_matches_the_definitions_pair_by_pair(case):
    result = promethee_ii(**case)
    positive, negative = naive_flows(
        case["matrix"],
        case["weights"],
        case["directions"],
        case["functions"],
        case["q"],
        case["p"],
        case["s"],
    )
    np.testing.assert_allclose(result.positive_flow, positive, rtol=0, atol=1e-12)
    np.testing.assert_allclose(result.negative_flow, negative, rtol=0, atol=1e-12)


@pytest.mark.parametrize(
    ("values", "threshold"),
    [
        # 1.1 - 1.0 = 0.10000000000000009 > 0.1, although 1.0 < 1.1 - 0.1 = 1.0 is false.
        ([1.0, 1.1], 0.1),
        # 0.7000000000000001 - 0.2 = 0.5 is not > 0.5, although 0.2 < 0.70... - 0.5 is true.
        ([0.2, 7 * 0.1], 0.5),
    ],
)
@pytest.mark.parametrize(
    ("function", "at"),
    [
        ("u-shape", "q"),
        ("level", "q"),
        ("linear", "q"),
        ("v-shape", "p"),
        ("level", "p"),
        ("linear", "p"),
    ],
)
def test_promethee_threshold_test_is_the_pairwise_floating_point_one(
    values, threshold, function, at
):
    q, p = (threshold, threshold + 1) if at == "q" else (0.0, threshold)
    case = {
        "matrix": np.array(values)[:, None],
        "weights": [1],
        "directions": ["max"],
        "alternatives": ["low", "high"],
        "criteria": ["x"],
        "functions": [function],
        "q": [q],
        "p": [p],
    }
    positive, negative = naive_flows(case["matrix"], [1], ["max"], [function], [q], [p], [0])
    result = promethee_ii(**case)
    np.testing.assert_allclose(result.positive_flow, positive, rtol=0, atol=1e-15)
    np.testing.assert_allclose(result.negative_flow, negative, rtol=0, atol=1e-15)


# pymcdm 1.4.0 has PROMETHEE II with one preference function for all criteria (no Gaussian),
# its "vshape_2" being our "linear", and flows averaged over n - 1 as ours.
PYMCDM_NAMES = {
    "usual": "usual",
    "u-shape": "ushape",
    "v-shape": "vshape",
    "level": "level",
    "linear": "vshape_2",
}


@st.composite
def random_float_problems(draw):
    rows = draw(st.integers(2, 15))
    columns = draw(st.integers(1, 4))
    matrix = draw(arrays(np.float64, (rows, columns), elements=st.floats(-1e3, 1e3)))
    weights = draw(arrays(np.float64, columns, elements=st.floats(0.01, 10)))
    types = draw(arrays(np.int64, columns, elements=st.sampled_from([1, -1])))
    q = draw(arrays(np.float64, columns, elements=st.floats(0, 100)))
    p = q + draw(arrays(np.float64, columns, elements=st.floats(0.01, 500)))
    return matrix, weights, types, q, p


@pytest.mark.parametrize("function", list(PYMCDM_NAMES))
@given(case=random_float_problems())
def test_promethee_matches_pymcdm(function, case):
    matrix, weights, types, q, p = case
    reference = PROMETHEE_II(PYMCDM_NAMES[function], p=p, q=q)(
        matrix, weights / weights.sum(), types, validation=False
    )
    result = promethee_ii(
        matrix,
        weights=weights,
        directions=["max" if t == 1 else "min" for t in types],
        alternatives=[f"a{i}" for i in range(matrix.shape[0])],
        criteria=[f"c{j}" for j in range(matrix.shape[1])],
        functions=[function] * matrix.shape[1],
        q=q,
        p=p,
    )
    np.testing.assert_allclose(result.scores, reference, rtol=0, atol=1e-9)


# Bad input.


@pytest.mark.parametrize(
    ("change", "argument", "position", "message"),
    [
        (
            {"functions": ["usual"] * 5 + ["step"]},
            "functions",
            (5,),
            "criterion 'safety', got 'step'",
        ),
        ({"functions": ["usual"]}, "functions", None, "one per criterion"),
        ({"p": [0, 0, 500, 60, 0, 0]}, "p", (1,), "p > 0 for the v-shape criterion 'power'"),
        ({"p": [0, 30, 50, 60, 0, 0]}, "p", (2,), "p > q for the linear criterion 'construction'"),
        ({"p": [0, 30, 500, 5, 0, 0]}, "p", (3,), "p > q for the level criterion 'maintenance'"),
        ({"s": None}, "s", (5,), "s > 0 for the gaussian criterion 'safety', got s = 0"),
        ({"q": [-1, 0, 50, 10, 0, 0]}, "q", (0,), "finite number >= 0 for criterion 'manpower'"),
        ({"q": [10, 0, 50, float("nan"), 0, 0]}, "q", (3,), "got nan"),
        ({"s": [0, 0, 0]}, "s", None, "expected 6 numbers"),
        ({"weights": [1, 1, 1, 1, 1, -1]}, "weights", (5,), "criterion 'safety', got -1"),
        ({"weights": [0] * 6}, "weights", None, "all zero"),
        ({"directions": ["min"] * 5 + ["up"]}, "directions", (5,), "criterion 'safety'"),
        ({"matrix": [[1] * 6], "alternatives": ["a1"]}, "matrix", None, "at least 2 alternative"),
    ],
)
def test_promethee_bad_input_names_the_argument(change, argument, position, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        promethee_ii(**{**POWER_STATION, **change})
    assert caught.value.argument == argument
    assert caught.value.position == position


# Properties.


@given(promethee_problems())
def test_promethee_net_flows_sum_to_zero(case):
    assert abs(promethee_ii(**case).scores.sum()) < 1e-12


@given(promethee_problems(), st.floats(1e-3, 1e3))
def test_promethee_scaling_all_weights_changes_no_ranking(case, factor):
    before = promethee_ii(**case)
    after = promethee_ii(**{**case, "weights": np.asarray(case["weights"]) * factor})
    assert after.ranking == before.ranking
    np.testing.assert_allclose(after.scores, before.scores, rtol=0, atol=1e-12)


@given(
    promethee_problems().flatmap(
        lambda c: st.tuples(st.just(c), permutations_of(len(c["alternatives"])))
    )
)
def test_promethee_permuting_alternatives_permutes_the_flows(case):
    problem, order = case
    before = promethee_ii(**problem)
    permuted = {
        **problem,
        "matrix": problem["matrix"][order],
        "alternatives": [problem["alternatives"][i] for i in order],
    }
    after = promethee_ii(**permuted)
    for field in ("scores", "positive_flow", "negative_flow"):
        np.testing.assert_allclose(
            getattr(after, field), getattr(before, field)[order], rtol=0, atol=1e-12
        )
