"""Tests of ordito.analysis.weighted_sum and of the shared input checks of normalization."""

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ordito.analysis import normalization
from ordito.analysis import weighted_sum as weighted_sum_module
from ordito.analysis.errors import AnalysisInputError
from ordito.analysis.weighted_sum import weighted_sum
from tests.analysis.doctests import assert_examples_hold
from tests.analysis.strategies import (
    permutations_of,
    problems,
    problems_with_a_dominated_alternative,
)

# Worked by hand. Criteria: quality (max, weight 2), cost (min, weight 1), weights -> 2/3, 1/3.
#            quality  cost     minmax quality  minmax cost     score
#   a        10       300      0               (400-300)/300   1/9
#   b        20       100      1/2             1               2/3
#   c        30       400      1               0               2/3
# b and c tie (within 1e-12): input order puts b first.
# With the sum normalisation: quality 10/60, 20/60, 30/60; cost (1/x) / (1/300+1/100+1/400):
#   1/x = 1/300, 1/100, 1/400, total 0.0158333..., shares 0.210526, 0.631579, 0.157895.
#   scores: a 2/3*1/6 + 1/3*0.210526 = 0.181287; b 2/3*1/3 + 1/3*0.631579 = 0.432749;
#           c 2/3*1/2 + 1/3*0.157895 = 0.385965.
HAND = {
    "matrix": [[10, 300], [20, 100], [30, 400]],
    "weights": [2, 1],
    "directions": ["max", "min"],
    "alternatives": ["a", "b", "c"],
    "criteria": ["quality", "cost"],
}


def test_weighted_sum_hand_example_minmax_ties_broken_by_input_order():
    result = weighted_sum(**HAND)
    assert result.scores.tolist() == pytest.approx([1 / 9, 2 / 3, 2 / 3], abs=1e-12)
    assert result.ranking == ("b", "c", "a")


def test_weighted_sum_hand_example_sum_normalisation():
    result = weighted_sum(**HAND, normalization="sum")
    assert result.scores.tolist() == pytest.approx([0.181287, 0.432749, 0.385965], abs=1e-6)
    assert result.ranking == ("b", "c", "a")


def test_weighted_sum_constant_criterion_contributes_nothing():
    # Criterion "same" is 5 everywhere: under minmax it is 0 for every alternative, so the
    # scores are those of "gain" alone, times its weight share 1/2.
    result = weighted_sum(
        [[5, 1], [5, 3], [5, 2]],
        weights=[1, 1],
        directions=["max", "max"],
        alternatives=["a", "b", "c"],
        criteria=["same", "gain"],
    )
    assert result.scores.tolist() == pytest.approx([0.0, 0.5, 0.25])
    assert result.ranking == ("b", "c", "a")


def test_weighted_sum_every_criterion_constant_ties_everything_in_input_order():
    result = weighted_sum(
        [[2, 7], [2, 7]],
        weights=[1, 3],
        directions=["max", "min"],
        alternatives=["x", "y"],
        criteria=["p", "q"],
    )
    assert result.scores.tolist() == [0.0, 0.0]
    assert result.ranking == ("x", "y")


def test_weighted_sum_to_dict_has_exactly_the_cli_keys_and_is_json():
    data = weighted_sum(**HAND).to_dict()
    assert list(data) == ["alternatives", "scores", "ranking"]
    assert data["alternatives"] == ["a", "b", "c"]
    assert list(data["scores"]) == ["a", "b", "c"]
    assert all(type(value) is float for value in data["scores"].values())
    assert data["ranking"] == ["b", "c", "a"]
    assert json.loads(json.dumps(data, allow_nan=False)) == data


def test_weighted_sum_result_is_read_only():
    result = weighted_sum(**HAND)
    with pytest.raises(ValueError):
        result.scores[0] = 1.0
    with pytest.raises(AttributeError):
        result.ranking = ()  # type: ignore[misc]  # frozen dataclass: assignment must fail


def test_weighted_sum_docstring_examples_hold():
    for module in (weighted_sum_module, normalization):
        assert_examples_hold(module)


# Bad input. The shared checks live in ordito.analysis.normalization and are tested here once;
# test_topsis, test_promethee and test_smaa check that each method applies them.


@pytest.mark.parametrize(
    ("weights", "position", "message"),
    [
        ([1, -1], (1,), "finite number >= 0 for criterion 'cost', got -1"),
        ([float("nan"), 1], (0,), "for criterion 'quality', got nan"),
        ([float("inf"), 1], (0,), "got inf"),
        ([0, 0], None, "at least one positive weight, got all zero"),
        ([1, 2, 3], None, "expected 2 numbers"),
        (["x", 1], None, "one number per criterion"),
    ],
)
def test_weighted_sum_bad_weights_name_weights(weights, position, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        weighted_sum(**{**HAND, "weights": weights})
    assert caught.value.argument == "weights"
    assert caught.value.position == position


@pytest.mark.parametrize("direction", ["maximize", "MAX", "", None, 1])
def test_weighted_sum_bad_direction_names_the_criterion(direction):
    with pytest.raises(AnalysisInputError, match="'max' or 'min' for criterion 'cost'") as caught:
        weighted_sum(**{**HAND, "directions": ["max", direction]})
    assert caught.value.argument == "directions"
    assert caught.value.position == (1,)


def test_weighted_sum_directions_of_the_wrong_length_are_refused():
    with pytest.raises(AnalysisInputError, match="one per criterion") as caught:
        weighted_sum(**{**HAND, "directions": ["max"]})
    assert caught.value.argument == "directions"


@pytest.mark.parametrize("normalization_name", ["vector", "zscore", ""])
def test_weighted_sum_other_normalisations_are_refused(normalization_name):
    with pytest.raises(AnalysisInputError, match="expected one of minmax, sum") as caught:
        weighted_sum(**HAND, normalization=normalization_name)
    assert caught.value.argument == "normalization"


@pytest.mark.parametrize(
    ("matrix", "position", "message"),
    [
        ([[10, 300], [20, 0], [30, 400]], (1, 1), "number > 0 .* cost criterion 'cost', got 0"),
        ([[10, 300], [20, -5], [30, 400]], (1, 1), "cost criterion 'cost', got -5"),
        ([[10, 300], [-1, 100], [30, 400]], (1, 0), "number >= 0 for benefit criterion 'quality'"),
        ([[0, 300], [0, 100], [0, 400]], None, "positive total for criterion 'quality'"),
    ],
)
def test_weighted_sum_sum_normalisation_refuses_values_it_cannot_share(matrix, position, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        weighted_sum(**{**HAND, "matrix": matrix}, normalization="sum")
    assert caught.value.argument == "matrix"
    assert caught.value.position == position


@pytest.mark.parametrize(
    ("matrix", "position", "message"),
    [
        ([[10, 300], [20, "x"], [30, 400]], None, "expected a matrix of numbers"),
        ([[10, 300], [20, float("nan")], [30, 400]], (1, 1), "finite numbers, got nan"),
        ([10, 20, 30], None, "2-D matrix"),
        (np.zeros((0, 2)), None, "at least 1 alternative"),
    ],
)
def test_weighted_sum_bad_matrix_names_matrix(matrix, position, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        weighted_sum(**{**HAND, "matrix": matrix})
    assert caught.value.argument == "matrix"
    assert caught.value.position == position


@pytest.mark.parametrize(
    ("labels", "argument", "message"),
    [
        ({"alternatives": ["a", "b", "a"]}, "alternatives", "'a' appears twice"),
        ({"alternatives": ["a", "b"]}, "alternatives", "expected 3 labels, got 2"),
        ({"criteria": ["quality", "quality"]}, "criteria", "appears twice"),
    ],
)
def test_weighted_sum_bad_ids_are_refused(labels, argument, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        weighted_sum(**{**HAND, **labels})
    assert caught.value.argument == argument


# Properties.


@given(problems(), st.sampled_from(["minmax", "sum"]))
def test_weighted_sum_scores_lie_between_zero_and_one(problem, normalization_name):
    result = weighted_sum(problem.matrix, **problem.arguments(), normalization=normalization_name)
    assert np.all(result.scores >= -1e-12)
    assert np.all(result.scores <= 1 + 1e-12)


@given(problems_with_a_dominated_alternative(), st.sampled_from(["minmax", "sum"]))
def test_weighted_sum_never_ranks_a_dominated_alternative_first(case, normalization_name):
    problem, dominated = case
    result = weighted_sum(problem.matrix, **problem.arguments(), normalization=normalization_name)
    assert result.ranking[0] != problem.alternatives[dominated]


@given(problems(), st.floats(1e-3, 1e3), st.sampled_from(["minmax", "sum"]))
def test_weighted_sum_scaling_all_weights_changes_no_ranking(problem, factor, normalization_name):
    before = weighted_sum(problem.matrix, **problem.arguments(), normalization=normalization_name)
    scaled = {**problem.arguments(), "weights": problem.weights * factor}
    after = weighted_sum(problem.matrix, **scaled, normalization=normalization_name)
    assert after.ranking == before.ranking
    np.testing.assert_allclose(after.scores, before.scores, rtol=0, atol=1e-12)


@given(problems().flatmap(lambda p: st.tuples(st.just(p), permutations_of(len(p.alternatives)))))
def test_weighted_sum_permuting_alternatives_permutes_the_scores(case):
    problem, order = case
    before = weighted_sum(problem.matrix, **problem.arguments())
    after = weighted_sum(problem.permuted(order).matrix, **problem.permuted(order).arguments())
    np.testing.assert_allclose(after.scores, before.scores[order], rtol=0, atol=1e-12)
    assert dict(zip(after.alternatives, after.scores, strict=True)) == pytest.approx(
        dict(zip(before.alternatives, before.scores, strict=True)), abs=1e-12
    )
