"""Tests of ordito.analysis.ahp: Saaty's published example, consistency rules, bad input."""

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ordito.analysis import ahp as ahp_module
from ordito.analysis.ahp import ahp
from ordito.analysis.errors import AnalysisInputError
from tests.analysis.doctests import assert_examples_hold

# Saaty's house example: a family choosing a house compares eight criteria pairwise. It is in
# Saaty (1990), "How to make a decision: the analytic hierarchy process", EJOR 48(1), 9-26, and
# again in Saaty (2003), "Decision-making with the AHP: why is the principal eigenvector
# necessary", EJOR 145(1), 85-91, Table 1, with the priority vector 0.173, 0.054, 0.188, 0.018,
# 0.031, 0.036, 0.167, 0.333, lambda_max = 9.669, C.I. = 0.238 and C.R. = 0.169 (RI 1.41, n = 8).
# Provenance: copies of both papers are in the search index, but only their first pages could be
# read there, not the table. The matrix and the figures below agree, cell for cell, with two
# independent transcriptions found in public test suites (one says it checked them against the
# 2003 paper's Table 1, p. 88). Until someone reads the table itself, treat them as corroborated,
# not verified.
HOUSE_CRITERIA = [
    "size",
    "transportation",
    "neighbourhood",
    "age",
    "yard",
    "modern facilities",
    "condition",
    "financing",
]
HOUSE = [
    [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
    [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
    [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
    [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
    [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
    [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
    [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
    [4, 7, 5, 8, 6, 6, 2, 1],
]


def reciprocal(judgements: np.ndarray) -> np.ndarray:
    """The reciprocal matrix with the judgements above the diagonal and 1 on it."""
    upper = np.triu(judgements, 1)
    return upper + np.tril(1 / np.where(upper.T == 0, 1.0, upper.T), -1) + np.eye(len(upper))


def test_ahp_reproduces_saaty_house_example():
    result = ahp(HOUSE, labels=HOUSE_CRITERIA)
    assert result.weights.tolist() == pytest.approx(
        [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], abs=5e-4
    )
    assert result.lambda_max == pytest.approx(9.669, abs=5e-4)
    assert result.ci == pytest.approx(0.238, abs=5e-4)
    assert result.cr == pytest.approx(0.169, abs=5e-4)


# Wikipedia, "Analytic hierarchy process - leader example": a board weighs four criteria to pick a
# leader. The page's overview gives the criteria weights: experience .547, charisma .270,
# education .127, age .056 (read in several mirrors of the page). The judgments are the page's
# criteria comparisons as transcribed in AHPy's tests/examples.py (PhilipGriffith/AHPy):
# experience over education 4, over charisma 3, over age 7; charisma over education 3, over age
# 5; education over age 3.
LEADER_CRITERIA = ["experience", "education", "charisma", "age"]
LEADER = [
    [1, 4, 3, 7],
    [1 / 4, 1, 1 / 3, 3],
    [1 / 3, 3, 1, 5],
    [1 / 7, 1 / 3, 1 / 5, 1],
]


def test_ahp_reproduces_the_wikipedia_leader_example_criteria_weights():
    """The principal eigenvector gives 0.5476, 0.1266, 0.2699, 0.0559.

    Education, charisma and age round to the published .127, .270, .056. Experience rounds to
    .548, one unit in the third decimal above the published .547 (the page's four figures sum to
    exactly 1.000; ours, rounded, would sum to 1.001). The geometric-mean and column-average
    approximations are further off (.546 and .540), so the page did use the eigenvector; the
    test allows that last-digit difference and says so rather than hiding it.
    """
    result = ahp(LEADER, labels=LEADER_CRITERIA)
    assert result.weights.round(3).tolist() == [0.548, 0.127, 0.270, 0.056]
    assert result.weights.tolist() == pytest.approx([0.547, 0.127, 0.270, 0.056], abs=1e-3)
    # The ranking the page states: experience, then charisma, education and age.
    assert [LEADER_CRITERIA[i] for i in np.argsort(-result.weights)] == [
        "experience",
        "charisma",
        "education",
        "age",
    ]


def test_ahp_reciprocals_rounded_to_within_one_percent_give_the_same_result():
    exact = ahp(HOUSE, labels=HOUSE_CRITERIA)
    # Reciprocals typed with three decimals (0.143 for 1/7, 0.167 for 1/6), and 0.33 for 1/3,
    # exactly 1 % off: the judgements >= 1 are kept, so the result does not move.
    typed = np.round(np.array(HOUSE), 3)
    typed[typed == 0.333] = 0.33
    rounded = ahp(typed, labels=HOUSE_CRITERIA)
    np.testing.assert_allclose(rounded.weights, exact.weights, rtol=0, atol=1e-15)
    assert rounded.lambda_max == pytest.approx(exact.lambda_max, abs=1e-12)


def test_ahp_consistent_matrix_has_exact_weights_and_zero_inconsistency():
    # a_ij = w_i / w_j for w = (4, 2, 1, 1)/8: lambda_max = n, CI = CR = 0.
    weights = np.array([0.5, 0.25, 0.125, 0.125])
    result = ahp(np.outer(weights, 1 / weights), labels=["a", "b", "c", "d"])
    np.testing.assert_allclose(result.weights, weights, rtol=0, atol=1e-12)
    assert result.lambda_max == pytest.approx(4, abs=1e-12)
    assert result.ci == pytest.approx(0, abs=1e-12)
    assert result.cr == pytest.approx(0, abs=1e-12)


@pytest.mark.parametrize(
    ("matrix", "weights"),
    [([[1]], [1.0]), ([[1, 3], [1 / 3, 1]], [0.75, 0.25]), ([[1, 3], [0.33, 1]], [0.75, 0.25])],
)
def test_ahp_one_or_two_items_are_always_consistent(matrix, weights):
    result = ahp(matrix, labels=["a", "b"][: len(matrix)])
    np.testing.assert_allclose(result.weights, weights, rtol=0, atol=1e-12)
    assert result.lambda_max == pytest.approx(len(matrix), abs=1e-12)
    assert (result.ci, result.cr) == (0.0, 0.0)


def test_ahp_three_items_use_random_index_058():
    # Saaty's scale, intransitive enough to be inconsistent: a > b (3), b > c (3), a > c (1).
    result = ahp([[1, 3, 1], [1 / 3, 1, 3], [1, 1 / 3, 1]], labels=["a", "b", "c"])
    assert result.ci > 0
    assert result.cr == pytest.approx(result.ci / 0.58, rel=1e-12)


def test_ahp_more_than_ten_items_have_no_consistency_ratio():
    rng = np.random.default_rng(3)
    matrix = reciprocal(rng.integers(1, 10, size=(11, 11)).astype(float))
    result = ahp(matrix, labels=[f"c{i}" for i in range(11)])
    assert result.cr is None
    assert result.ci == pytest.approx((result.lambda_max - 11) / 10)
    assert result.to_dict()["cr"] is None


def test_ahp_to_dict_has_exactly_the_cli_keys_and_is_json():
    data = ahp(HOUSE, labels=HOUSE_CRITERIA).to_dict()
    assert list(data) == ["weights", "lambda_max", "ci", "cr"]
    assert list(data["weights"]) == HOUSE_CRITERIA
    assert all(type(value) is float for value in data["weights"].values())
    assert all(type(data[key]) is float for key in ("lambda_max", "ci", "cr"))
    assert json.loads(json.dumps(data, allow_nan=False)) == data


def test_ahp_result_is_read_only():
    with pytest.raises(ValueError):
        ahp(HOUSE, labels=HOUSE_CRITERIA).weights[0] = 1.0


def test_ahp_docstring_example_holds():
    assert_examples_hold(ahp_module)


# Bad input.


@pytest.mark.parametrize(
    ("change", "position", "message"),
    [
        (
            (0, 1, 0),
            (0, 1),
            "positive numbers, got 0 .'size' over 'transportation'. .at row 0, column 1.",
        ),
        ((2, 3, -6), (2, 3), "positive numbers, got -6 .* .at row 2, column 3."),
        (
            (0, 1, 4),
            (0, 1),
            r"reciprocal of 0\.2 \('transportation' over 'size'\) within 1 %, got 4",
        ),
        (
            (7, 0, 4.5),
            (0, 7),
            r"reciprocal of 4\.5 \('financing' over 'size'\) .* got 0\.25 .* \(at row 0, column 7\)",
        ),
        ((3, 3, 2), (3, 3), "1 on the diagonal, got 2 .'age' over 'age'. .at row 3, column 3."),
    ],
)
def test_ahp_matrix_not_positive_reciprocal_names_the_cell(change, position, message):
    matrix = np.array(HOUSE, dtype=float)
    row, column, value = change
    matrix[row, column] = value
    with pytest.raises(AnalysisInputError, match=message) as caught:
        ahp(matrix, labels=HOUSE_CRITERIA)
    assert caught.value.argument == "pairwise"
    assert caught.value.position == position


@pytest.mark.parametrize(
    ("matrix", "message"),
    [
        ([[1, 2, 3], [0.5, 1, 2]], "square matrix"),
        ([[1, "x"], [1, 1]], "matrix of numbers"),
        ([[1, float("inf")], [0, 1]], "finite numbers"),
        (np.zeros((0, 0)), "at least one item"),
    ],
)
def test_ahp_bad_matrix_names_pairwise(matrix, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        ahp(matrix, labels=["a", "b", "c"][: len(matrix)])
    assert caught.value.argument == "pairwise"


@pytest.mark.parametrize(
    ("labels", "message"), [(["a", "a"], "'a' appears twice"), (["a"], "expected 2 labels")]
)
def test_ahp_bad_labels_are_refused(labels, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        ahp([[1, 2], [0.5, 1]], labels=labels)
    assert caught.value.argument == "labels"


# Properties.


@st.composite
def saaty_matrices(draw):
    size = draw(st.integers(1, 10))
    scale = st.sampled_from([1, 2, 3, 4, 5, 6, 7, 8, 9, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7])
    return reciprocal(draw(arrays(np.float64, (size, size), elements=scale)))


@given(saaty_matrices())
def test_ahp_weights_are_a_positive_distribution_and_lambda_max_at_least_n(matrix):
    result = ahp(matrix, labels=[f"c{i}" for i in range(len(matrix))])
    assert np.all(result.weights > 0)
    assert result.weights.sum() == pytest.approx(1, abs=1e-12)
    assert result.lambda_max >= len(matrix)
    assert result.ci >= 0


@given(saaty_matrices().flatmap(lambda m: st.tuples(st.just(m), st.permutations(range(len(m))))))
def test_ahp_relabelling_items_permutes_the_weights(case):
    matrix, order = case
    order = list(order)
    before = ahp(matrix, labels=[f"c{i}" for i in range(len(matrix))])
    after = ahp(matrix[np.ix_(order, order)], labels=[f"c{i}" for i in order])
    np.testing.assert_allclose(after.weights, before.weights[order], rtol=0, atol=1e-9)
    assert after.lambda_max == pytest.approx(before.lambda_max, abs=1e-9)
