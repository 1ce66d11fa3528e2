"""Tests of ordito.analysis.topsis: the published example, pymcdm, properties, bad input."""

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from pymcdm import normalizations as pymcdm_normalizations
from pymcdm.methods import TOPSIS

from ordito.analysis import topsis as topsis_module
from ordito.analysis.errors import AnalysisInputError
from ordito.analysis.normalization import normalize
from ordito.analysis.ranking import ranking_order
from ordito.analysis.topsis import topsis
from tests.analysis.doctests import assert_examples_hold
from tests.analysis.strategies import (
    permutations_of,
    problems,
    problems_with_a_dominated_alternative,
)

# Hwang & Yoon (1981), Multiple Attribute Decision Making, the fighter aircraft example of the
# TOPSIS section (p. 133): four aircraft, six criteria (maximum speed, ferry range, maximum
# payload, purchasing cost (a cost), reliability, manoeuvrability), weights
# 0.2, 0.1, 0.1, 0.1, 0.2, 0.3, vector normalisation. The book gives the relative closeness
# C* = 0.643, 0.268, 0.613, 0.312 and the order A1 > A3 > A4 > A2. (Exact arithmetic gives
# 0.6433, 0.2684, 0.6135, 0.3123: the book rounds its intermediate tables to 4 decimals.)
AIRCRAFT = {
    "matrix": [
        [2.0, 1500, 20000, 5.5, 5, 9],
        [2.5, 2700, 18000, 6.5, 3, 5],
        [1.8, 2000, 21000, 4.5, 7, 7],
        [2.2, 1800, 20000, 5.0, 5, 5],
    ],
    "weights": [0.2, 0.1, 0.1, 0.1, 0.2, 0.3],
    "directions": ["max", "max", "max", "min", "max", "max"],
    "alternatives": ["A1", "A2", "A3", "A4"],
    "criteria": ["speed", "range", "payload", "cost", "reliability", "manoeuvrability"],
}


def test_topsis_reproduces_hwang_and_yoon_fighter_aircraft():
    result = topsis(**AIRCRAFT)
    assert result.scores.tolist() == pytest.approx([0.643, 0.268, 0.613, 0.312], abs=1e-3)
    assert result.ranking == ("A1", "A3", "A4", "A2")


def test_topsis_identical_alternatives_all_score_one_half():
    # Ideal and anti-ideal coincide, D+ + D- = 0 for everyone: closeness 0.5, all tied.
    result = topsis(
        [[3, 8], [3, 8], [3, 8]],
        weights=[1, 1],
        directions=["max", "min"],
        alternatives=["a", "b", "c"],
        criteria=["x", "y"],
    )
    assert result.scores.tolist() == [0.5, 0.5, 0.5]
    assert result.ranking == ("a", "b", "c")


def test_topsis_all_zero_criterion_contributes_nothing():
    with_zero = topsis(
        [[0, 1], [0, 3], [0, 2]],
        weights=[1, 1],
        directions=["max", "max"],
        alternatives=["a", "b", "c"],
        criteria=["zero", "gain"],
    )
    alone = topsis(
        [[1], [3], [2]],
        weights=[1],
        directions=["max"],
        alternatives=["a", "b", "c"],
        criteria=["gain"],
    )
    np.testing.assert_allclose(with_zero.scores, alone.scores, rtol=0, atol=1e-12)


def test_topsis_to_dict_has_exactly_the_cli_keys_and_is_json():
    data = topsis(**AIRCRAFT).to_dict()
    assert list(data) == ["alternatives", "scores", "ranking"]
    assert list(data["scores"]) == ["A1", "A2", "A3", "A4"]
    assert all(type(value) is float for value in data["scores"].values())
    assert data["ranking"] == ["A1", "A3", "A4", "A2"]
    assert json.loads(json.dumps(data, allow_nan=False)) == data


def test_topsis_result_is_read_only():
    with pytest.raises(ValueError):
        topsis(**AIRCRAFT).scores[0] = 0.0


def test_topsis_docstring_example_holds():
    assert_examples_hold(topsis_module)


# pymcdm 1.4.0 implements TOPSIS with a normalisation function per call. Its
# vector_normalization maps a cost column to 1 - x/||x|| and its minmax_normalization maps a
# constant column to 1 (ours to 0): both only shift or reflect whole columns, which leaves every
# distance, so every closeness, unchanged. validation=False skips its dominance warnings.


@st.composite
def random_problems(draw):
    rows = draw(st.integers(2, 12))
    columns = draw(st.integers(1, 5))
    # Values with three decimals from -1000 to 1000, as typed in a spreadsheet.
    values = st.integers(-(10**6), 10**6).map(lambda thousandths: thousandths / 1000)
    matrix = draw(arrays(np.float64, (rows, columns), elements=values))
    weights = draw(arrays(np.float64, columns, elements=st.floats(0.01, 10)))
    types = draw(arrays(np.int64, columns, elements=st.sampled_from([1, -1])))
    return matrix, weights, types


def ours(matrix, weights, types, normalization):
    return topsis(
        matrix,
        weights=weights,
        directions=["max" if t == 1 else "min" for t in types],
        alternatives=[f"a{i}" for i in range(matrix.shape[0])],
        criteria=[f"c{j}" for j in range(matrix.shape[1])],
        normalization=normalization,
    )


@given(random_problems())
def test_topsis_vector_matches_pymcdm(case):
    matrix, weights, types = case
    if np.any(np.all(matrix == 0, axis=0)) or np.all(np.ptp(matrix, axis=0) == 0):
        # pymcdm divides 0 by 0 on an all-zero column, and when every alternative is the same
        # (where we give 0.5, tested above).
        return
    reference = TOPSIS(pymcdm_normalizations.vector_normalization)(
        matrix, weights / weights.sum(), types, validation=False
    )
    np.testing.assert_allclose(
        ours(matrix, weights, types, "vector").scores, reference, rtol=0, atol=1e-9
    )


@given(random_problems())
def test_topsis_minmax_matches_pymcdm(case):
    matrix, weights, types = case
    if np.all(np.ptp(matrix, axis=0) == 0):
        return  # every alternative identical: pymcdm gives 0/0, we give 0.5 (tested above)
    reference = TOPSIS(pymcdm_normalizations.minmax_normalization)(
        matrix, weights / weights.sum(), types, validation=False
    )
    np.testing.assert_allclose(
        ours(matrix, weights, types, "minmax").scores, reference, rtol=0, atol=1e-9
    )


def textbook_topsis(matrix, weights, is_benefit, normalization):
    """TOPSIS step by step as its docstring states it, on the shared normalisation: the oracle
    for the library's fused computation."""
    weighted = normalize(
        np.asarray(matrix, dtype=float),
        is_benefit=is_benefit,
        method=normalization,
        criteria=[f"c{j}" for j in range(len(weights))],
    ) * (weights / weights.sum())
    to_ideal = np.sqrt(((weighted - weighted.max(axis=0)) ** 2).sum(axis=1))
    to_anti_ideal = np.sqrt(((weighted - weighted.min(axis=0)) ** 2).sum(axis=1))
    total = to_ideal + to_anti_ideal
    return np.where(total > 0, to_anti_ideal / np.where(total > 0, total, 1.0), 0.5)


@given(random_problems(), st.sampled_from(["vector", "minmax"]))
def test_topsis_equals_the_textbook_steps_to_1e12(case, normalization_name):
    # Zero and constant criteria included: they must contribute nothing either way.
    matrix, weights, types = case
    expected = textbook_topsis(matrix, weights, types == 1, normalization_name)
    np.testing.assert_allclose(
        ours(matrix, weights, types, normalization_name).scores, expected, rtol=0, atol=1e-12
    )


@given(problems(), st.sampled_from(["vector", "minmax"]))
def test_topsis_ranking_follows_the_shared_tie_rule(problem, normalization_name):
    # Each alternative twice: every score tied with its copy, ranked in input order.
    doubled = np.repeat(problem.matrix, 2, axis=0)
    labels = [f"{name}/{copy}" for name in problem.alternatives for copy in (1, 2)]
    arguments = {**problem.arguments(), "alternatives": labels}
    for matrix, names in ((problem.matrix, problem.alternatives), (doubled, labels)):
        arguments["alternatives"] = names
        result = topsis(matrix, **arguments, normalization=normalization_name)
        assert result.ranking == tuple(names[i] for i in ranking_order(result.scores))


@pytest.mark.parametrize("normalization_name", ["vector", "minmax"])
@pytest.mark.parametrize("magnitude", [1e-300, 1e300])
def test_topsis_extreme_magnitudes_neither_overflow_nor_underflow(magnitude, normalization_name):
    # Multiplying a criterion by a positive constant changes no normalised value.
    matrix = np.array(AIRCRAFT["matrix"])
    scaled = matrix * magnitude
    expected = topsis(**{**AIRCRAFT, "normalization": normalization_name}).scores
    result = topsis(**{**AIRCRAFT, "matrix": scaled, "normalization": normalization_name})
    np.testing.assert_allclose(result.scores, expected, rtol=0, atol=1e-12)


@pytest.mark.parametrize("order", ["C", "F"])
def test_topsis_leaves_the_callers_matrix_unchanged(order):
    matrix = np.array(AIRCRAFT["matrix"], dtype=float, order=order)
    before = matrix.copy()
    topsis(**{**AIRCRAFT, "matrix": matrix})
    np.testing.assert_array_equal(matrix, before)


# Bad input: the shared checks are tested in test_weighted_sum; here, that TOPSIS applies them.


@pytest.mark.parametrize("normalization_name", ["sum", "none"])
def test_topsis_other_normalisations_are_refused(normalization_name):
    with pytest.raises(AnalysisInputError, match="expected one of vector, minmax") as caught:
        topsis(**AIRCRAFT, normalization=normalization_name)
    assert caught.value.argument == "normalization"


@pytest.mark.parametrize(
    ("change", "argument", "position"),
    [
        ({"weights": [0.2, 0.1, 0.1, -0.1, 0.2, 0.3]}, "weights", (3,)),
        ({"weights": [0] * 6}, "weights", None),
        ({"directions": ["max"] * 5 + ["best"]}, "directions", (5,)),
        ({"alternatives": ["A1", "A1", "A3", "A4"]}, "alternatives", (1,)),
        ({"matrix": [[1, 2], [3, 4], [5, 6], [7, 8]]}, "criteria", None),
        ({"matrix": [[*row[:5], float("nan")] for row in AIRCRAFT["matrix"]]}, "matrix", (0, 5)),
        ({"matrix": [*AIRCRAFT["matrix"][:3], [1, 2, 3, 4, float("inf"), 6]]}, "matrix", (3, 4)),
        ({"matrix": AIRCRAFT["matrix"][0]}, "matrix", None),
        ({"criteria": ["speed"] * 6}, "criteria", (1,)),
    ],
)
def test_topsis_bad_input_names_the_argument(change, argument, position):
    with pytest.raises(AnalysisInputError) as caught:
        topsis(**{**AIRCRAFT, **change})
    assert caught.value.argument == argument
    assert caught.value.position == position


def test_topsis_ids_that_are_not_strings_become_strings():
    result = topsis(**{**AIRCRAFT, "alternatives": [1, 2, 3, 4]})
    assert result.alternatives == ("1", "2", "3", "4")
    assert result.ranking == ("1", "3", "4", "2")


# Properties.


@given(problems(), st.sampled_from(["vector", "minmax"]))
def test_topsis_closeness_lies_between_zero_and_one(problem, normalization_name):
    scores = topsis(problem.matrix, **problem.arguments(), normalization=normalization_name).scores
    assert np.all((scores >= 0) & (scores <= 1))


@given(problems_with_a_dominated_alternative(), st.sampled_from(["vector", "minmax"]))
def test_topsis_never_ranks_a_dominated_alternative_first(case, normalization_name):
    problem, dominated = case
    result = topsis(problem.matrix, **problem.arguments(), normalization=normalization_name)
    assert result.ranking[0] != problem.alternatives[dominated]


@given(problems(), st.floats(1e-3, 1e3), st.sampled_from(["vector", "minmax"]))
def test_topsis_scaling_all_weights_changes_no_ranking(problem, factor, normalization_name):
    before = topsis(problem.matrix, **problem.arguments(), normalization=normalization_name)
    scaled = {**problem.arguments(), "weights": problem.weights * factor}
    after = topsis(problem.matrix, **scaled, normalization=normalization_name)
    assert after.ranking == before.ranking
    np.testing.assert_allclose(after.scores, before.scores, rtol=0, atol=1e-12)


@given(problems().flatmap(lambda p: st.tuples(st.just(p), permutations_of(len(p.alternatives)))))
def test_topsis_permuting_alternatives_permutes_the_scores(case):
    problem, order = case
    before = topsis(problem.matrix, **problem.arguments())
    permuted = problem.permuted(order)
    after = topsis(permuted.matrix, **permuted.arguments())
    np.testing.assert_allclose(after.scores, before.scores[order], rtol=0, atol=1e-12)
