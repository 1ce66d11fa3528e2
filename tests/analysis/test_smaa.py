"""Tests of ordito.analysis.smaa: an example solved in closed form, properties, bad input."""

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordito.analysis import smaa as smaa_module
from ordito.analysis.errors import AnalysisInputError
from ordito.analysis.smaa import smaa2
from tests.analysis.doctests import assert_examples_hold
from tests.analysis.strategies import (
    permutations_of,
    problems,
    problems_with_a_dominated_alternative,
)

# Solved in closed form (our example, not a source's): c is dominated by neither a nor b, yet
# no weights make it best, as it lies below the segment from a to b. Two criteria to maximise; minmax gives a = (1, 0), b = (0, 1), c = (0.4, 0.4). With two criteria the
# weights are (w, 1 - w), w uniform on [0, 1]; scores a = w, b = 1 - w, c = 0.4:
#   a is 1st if w > 0.5, 2nd if 0.4 < w < 0.5, 3rd if w < 0.4  -> 0.5, 0.1, 0.4
#   b by symmetry                                               -> 0.5, 0.1, 0.4
#   c is 2nd unless 0.4 < w < 0.6 (then 3rd), never 1st         -> 0,   0.8, 0.2
#   central weights: a E[(w, 1-w) | w > 0.5] = (0.75, 0.25); b (0.25, 0.75); c none.
#   confidence: a and b are first at their central weights (1); c has none.
# Monte Carlo error with 20,000 samples: a share near 0.5 has standard deviation 0.0035, a
# central weight 0.0014; the tolerances are about 5 of them.
THREE = {
    "matrix": [[10, 0], [0, 10], [4, 4]],
    "directions": ["max", "max"],
    "alternatives": ["a", "b", "c"],
    "criteria": ["x", "y"],
}


def test_smaa_closed_form_example():
    result = smaa2(**THREE, samples=20_000, seed=1)
    np.testing.assert_allclose(
        result.rank_acceptability,
        [[0.5, 0.1, 0.4], [0.5, 0.1, 0.4], [0.0, 0.8, 0.2]],
        rtol=0,
        atol=0.02,
    )
    np.testing.assert_allclose(result.central_weights[:2], [[0.75, 0.25], [0.25, 0.75]], atol=0.01)
    assert np.isnan(result.central_weights[2]).all()
    assert result.confidence[:2].tolist() == [1.0, 1.0]
    assert np.isnan(result.confidence[2])
    assert (result.samples, result.seed) == (20_000, 1)


def test_smaa_identical_alternatives_tie_by_input_order():
    # "twin" equals "first" on every criterion: ties go to input order, so "twin" is never first.
    result = smaa2(
        [[5, 1], [5, 1], [1, 5]],
        directions=["max", "max"],
        alternatives=["first", "twin", "other"],
        criteria=["x", "y"],
        samples=1000,
    )
    assert result.rank_acceptability[1, 0] == 0.0
    assert np.isnan(result.confidence[1])
    # "twin" always comes right after "first": its row is the row of "first" shifted by a rank.
    np.testing.assert_array_equal(
        result.rank_acceptability[1, 1:], result.rank_acceptability[0, :-1]
    )
    np.testing.assert_allclose(result.rank_acceptability.sum(axis=0), 1.0)


def test_smaa_identical_alternatives_among_many_tie_by_input_order():
    # Enough alternatives for the sort to leave small-array insertion sort behind.
    rng = np.random.default_rng(2)
    matrix = rng.integers(0, 100, size=(60, 3)).astype(float)
    matrix[45] = matrix[12]
    result = smaa2(
        matrix,
        directions=["max", "min", "max"],
        alternatives=[f"a{i}" for i in range(60)],
        criteria=["x", "y", "z"],
        samples=500,
    )
    acceptability = result.rank_acceptability
    np.testing.assert_array_equal(acceptability[45, 1:], acceptability[12, :-1])
    assert acceptability[45, 0] == 0.0


def test_smaa_scores_within_the_tie_tolerance_tie_by_input_order():
    # "nearly" beats "zero" by 1e-13 under every weight: a tie by the house rule, so "zero",
    # earlier in the input, is always second and "nearly" always third.
    result = smaa2(
        [[0, 0], [1e-13, 1e-13], [1, 1]],
        directions=["max", "max"],
        alternatives=["zero", "nearly", "top"],
        criteria=["x", "y"],
        samples=200,
    )
    assert result.rank_acceptability.tolist() == [[0, 1, 0], [0, 0, 1], [1, 0, 0]]


def test_smaa_single_alternative_is_always_first_at_the_mean_weights():
    result = smaa2(
        [[1, 2, 3]],
        directions=["max", "min", "max"],
        alternatives=["only"],
        criteria=["x", "y", "z"],
        samples=3000,
    )
    assert result.rank_acceptability.tolist() == [[1.0]]
    np.testing.assert_allclose(result.central_weights[0], [1 / 3] * 3, atol=0.02)
    assert result.confidence.tolist() == [1.0]


def test_smaa_sum_normalisation_is_accepted():
    result = smaa2(**THREE, samples=500, normalization="sum")
    np.testing.assert_allclose(result.rank_acceptability.sum(axis=1), 1.0)


def test_smaa_same_seed_same_result_other_seed_other_draws():
    first = smaa2(**THREE, samples=2000, seed=5)
    again = smaa2(**THREE, samples=2000, seed=5)
    other = smaa2(**THREE, samples=2000, seed=6)
    np.testing.assert_array_equal(first.rank_acceptability, again.rank_acceptability)
    np.testing.assert_array_equal(first.central_weights, again.central_weights)
    assert not np.array_equal(first.central_weights, other.central_weights)


def test_smaa_result_does_not_depend_on_the_chunk_size(monkeypatch):
    whole = smaa2(**THREE, samples=1000, seed=3)
    monkeypatch.setattr(smaa_module, "SCORES_PER_CHUNK", 21)  # chunks of 7 samples
    chunked = smaa2(**THREE, samples=1000, seed=3)
    np.testing.assert_array_equal(chunked.rank_acceptability, whole.rank_acceptability)
    np.testing.assert_allclose(chunked.central_weights, whole.central_weights, rtol=1e-12)


def test_smaa_to_dict_has_exactly_the_cli_keys_and_is_json():
    data = smaa2(**THREE, samples=2000).to_dict()
    assert list(data) == [
        "alternatives",
        "rank_acceptability",
        "central_weights",
        "confidence",
        "samples",
        "seed",
    ]
    assert data["alternatives"] == ["a", "b", "c"]
    assert list(data["rank_acceptability"]) == ["a", "b", "c"]
    assert all(len(row) == 3 for row in data["rank_acceptability"].values())
    assert all(type(v) is float for row in data["rank_acceptability"].values() for v in row)
    assert list(data["central_weights"]["a"]) == ["x", "y"]
    assert data["central_weights"]["c"] is None
    assert data["confidence"] == {"a": 1.0, "b": 1.0, "c": None}
    assert (data["samples"], data["seed"]) == (2000, 0)
    assert json.loads(json.dumps(data, allow_nan=False)) == data


def test_smaa_result_is_read_only():
    result = smaa2(**THREE, samples=100)
    for array in (result.rank_acceptability, result.central_weights, result.confidence):
        with pytest.raises(ValueError):
            array[0] = 0.0


def test_smaa_docstring_example_holds():
    assert_examples_hold(smaa_module)


# Bad input.


@pytest.mark.parametrize(
    ("change", "argument", "message"),
    [
        ({"samples": 0}, "samples", "whole number from 1 to 1,000,000, got 0"),
        ({"samples": 10.5}, "samples", "whole number from 1 to 1,000,000, got 10.5"),
        ({"samples": 1_000_001}, "samples", "from 1 to 1,000,000, got 1000001"),
        ({"samples": 10**11}, "samples", "from 1 to 1,000,000, got 100000000000"),
        ({"samples": True}, "samples", "got True"),
        ({"seed": -1}, "seed", "whole number >= 0, got -1"),
        ({"seed": "1"}, "seed", "got '1'"),
        ({"normalization": "vector"}, "normalization", "expected one of minmax, sum"),
        ({"directions": ["max", "more"]}, "directions", "criterion 'y', got 'more'"),
        ({"matrix": [[10, 0], [0, -1], [4, 4]], "normalization": "sum"}, "matrix", "got -1"),
        ({"alternatives": ["a", "b", "b"]}, "alternatives", "'b' appears twice"),
    ],
)
def test_smaa_bad_input_names_the_argument(change, argument, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        smaa2(**{**THREE, **change})
    assert caught.value.argument == argument


# Properties (few samples: they hold for every draw, not only on average).


@settings(deadline=None)
@given(problems(max_alternatives=10), st.integers(1, 300), st.integers(0, 2**32))
def test_smaa_rank_acceptabilities_sum_to_one_by_alternative_and_by_rank(problem, samples, seed):
    result = smaa2(
        problem.matrix,
        directions=problem.directions,
        alternatives=problem.alternatives,
        criteria=problem.criteria,
        samples=samples,
        seed=seed,
    )
    np.testing.assert_allclose(result.rank_acceptability.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    np.testing.assert_allclose(result.rank_acceptability.sum(axis=0), 1.0, rtol=0, atol=1e-12)
    first = ~np.isnan(result.confidence)
    np.testing.assert_array_equal(first, result.rank_acceptability[:, 0] > 0)
    np.testing.assert_allclose(result.central_weights[first].sum(axis=1), 1.0, atol=1e-12)
    assert np.all(result.confidence[first] == 1.0)


@settings(deadline=None)
@given(problems_with_a_dominated_alternative(), st.sampled_from(["minmax", "sum"]))
def test_smaa_dominated_alternative_has_zero_first_rank_acceptability(case, normalization_name):
    problem, dominated = case
    result = smaa2(
        problem.matrix,
        directions=problem.directions,
        alternatives=problem.alternatives,
        criteria=problem.criteria,
        samples=300,
        normalization=normalization_name,
    )
    assert result.rank_acceptability[dominated, 0] == 0.0
    assert np.isnan(result.confidence[dominated])


@settings(deadline=None)
@given(
    problems(max_alternatives=6)
    .filter(lambda p: len(np.unique(p.matrix, axis=0)) == len(p.matrix))
    .flatmap(lambda p: st.tuples(st.just(p), permutations_of(len(p.alternatives))))
)
def test_smaa_permuting_alternatives_permutes_the_results(case):
    problem, order = case
    arguments = {"directions": problem.directions, "criteria": problem.criteria, "samples": 300}
    before = smaa2(problem.matrix, alternatives=problem.alternatives, **arguments)
    permuted = problem.permuted(order)
    after = smaa2(permuted.matrix, alternatives=permuted.alternatives, **arguments)
    np.testing.assert_array_equal(after.rank_acceptability, before.rank_acceptability[order])
    np.testing.assert_allclose(after.central_weights, before.central_weights[order], atol=1e-12)
    np.testing.assert_array_equal(after.confidence, before.confidence[order])
