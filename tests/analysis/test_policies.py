"""Tests of ordito.analysis.policies: rankings, Kendall's tau against scipy, stability."""

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.stats import kendalltau

from ordito.analysis import policies as policies_module
from ordito.analysis.errors import AnalysisInputError
from ordito.analysis.policies import policy_comparison
from ordito.analysis.weighted_sum import weighted_sum
from tests.analysis.doctests import assert_examples_hold

# Worked by hand. Four projects p1..p4 scored under three policies:
#              p1    p2    p3    p4      ranking
#   growth     0.9   0.2   0.5   0.0     p1 p3 p2 p4
#   cohesion   0.1   0.8   0.5   0.6     p2 p4 p3 p1
#   horizon    0.4   0.4   0.4   0.4     p1 p2 p3 p4 (all tied: input order)
SCORES = {
    "growth": [0.9, 0.2, 0.5, 0.0],
    "cohesion": [0.1, 0.8, 0.5, 0.6],
    "horizon": [0.4, 0.4, 0.4, 0.4],
}
PROJECTS = ["p1", "p2", "p3", "p4"]
# tau-b(growth, cohesion): pairs (p1,p2) D, (p1,p3) D, (p1,p4) D, (p2,p3) D, (p2,p4) C,
#   (p3,p4) D -> (1 - 5) / 6 = -2/3. "horizon" has no untied pair: tau undefined (None).
# Stability of p1: scores 0.9, 0.1, 0.4 -> mean 0.4666..., population std
#   sqrt(((0.4333)^2 + (0.3667)^2 + (0.0667)^2) / 3) = 0.329983...


def test_policy_comparison_hand_example():
    result = policy_comparison(SCORES, alternatives=PROJECTS)
    assert result.rankings == (
        ("p1", "p3", "p2", "p4"),
        ("p2", "p4", "p3", "p1"),
        ("p1", "p2", "p3", "p4"),
    )
    assert result.kendall_tau[0, 1] == pytest.approx(-2 / 3, abs=1e-12)
    assert result.kendall_tau[1, 0] == pytest.approx(-2 / 3, abs=1e-12)
    assert result.kendall_tau[0, 0] == 1.0
    assert np.isnan(result.kendall_tau[2]).all()
    assert np.isnan(result.kendall_tau[:, 2]).all()
    assert result.mean[0] == pytest.approx(1.4 / 3)
    assert result.std[0] == pytest.approx(0.329983, abs=1e-6)


def test_policy_comparison_to_dict_has_exactly_the_cli_keys_and_is_json():
    data = policy_comparison(SCORES, alternatives=PROJECTS).to_dict()
    assert list(data) == ["policies", "kendall_tau", "stability"]
    assert list(data["policies"]) == ["growth", "cohesion", "horizon"]
    assert list(data["policies"]["growth"]) == ["scores", "ranking"]
    assert data["policies"]["growth"]["scores"] == dict(
        zip(PROJECTS, SCORES["growth"], strict=True)
    )
    assert data["policies"]["cohesion"]["ranking"] == ["p2", "p4", "p3", "p1"]
    assert list(data["kendall_tau"]) == ["growth", "cohesion", "horizon"]
    assert list(data["kendall_tau"]["growth"]) == ["growth", "cohesion", "horizon"]
    assert data["kendall_tau"]["growth"]["horizon"] is None
    assert data["kendall_tau"]["horizon"]["horizon"] is None
    assert list(data["stability"]) == PROJECTS
    assert list(data["stability"]["p1"]) == ["mean", "std"]
    assert all(type(v) is float for s in data["stability"].values() for v in s.values())
    assert json.loads(json.dumps(data, allow_nan=False)) == data


def test_policy_comparison_result_is_read_only():
    result = policy_comparison(SCORES, alternatives=PROJECTS)
    for array in (result.scores, result.kendall_tau, result.mean, result.std):
        with pytest.raises(ValueError):
            array[0] = 0.0


def test_policy_comparison_docstring_example_holds():
    assert_examples_hold(policies_module)


def test_policy_comparison_of_weighted_sums_under_actor_policies():
    # How the command line uses it: one weighted sum per policy's weight set.
    matrix = [[3, 200], [5, 400], [4, 250]]
    policies = {"municipality": [3, 1], "chamber": [1, 3]}
    scores = {
        name: weighted_sum(
            matrix,
            weights=weights,
            directions=["max", "min"],
            alternatives=["a", "b", "c"],
            criteria=["jobs", "cost"],
        ).scores
        for name, weights in policies.items()
    }
    result = policy_comparison(scores, alternatives=["a", "b", "c"])
    assert result.rankings == (("b", "c", "a"), ("a", "c", "b"))
    assert result.kendall_tau[0, 1] == pytest.approx(-1.0)


def test_policy_comparison_near_equal_scores_count_as_tied():
    # 1e-13 apart: tied by the house rule, so tau-b sees a tie where scipy sees an order.
    result = policy_comparison(
        {"x": [1.0, 1.0 + 1e-13, 0.0], "y": [0.0, 1.0, 2.0]}, alternatives=["a", "b", "c"]
    )
    assert result.kendall_tau[0, 1] == pytest.approx(kendalltau([1, 1, 0], [0, 1, 2]).statistic)


# Kendall's tau-b against scipy (kendalltau's default variant, "b"), with ties.


@st.composite
def score_tables(draw):
    size = draw(st.integers(2, 40))
    count = draw(st.integers(1, 4))
    levels = draw(st.integers(1, 8))
    return draw(arrays(np.float64, (count, size), elements=st.integers(0, levels).map(float)))


@given(score_tables())
def test_policy_comparison_tau_is_scipy_tau_b(table):
    result = policy_comparison(
        {f"policy{i}": row for i, row in enumerate(table)},
        alternatives=[f"a{j}" for j in range(table.shape[1])],
    )
    for i, row in enumerate(table):
        for j, other in enumerate(table):
            expected = kendalltau(row, other).statistic
            if np.isnan(expected):
                assert np.isnan(result.kendall_tau[i, j])
            else:
                assert result.kendall_tau[i, j] == pytest.approx(expected, abs=1e-12)


def test_policy_comparison_tau_is_the_same_across_block_boundaries(monkeypatch):
    rng = np.random.default_rng(11)
    table = rng.integers(0, 5, size=(3, 30)).astype(float)
    scores = {f"policy{i}": row for i, row in enumerate(table)}
    alternatives = [f"a{j}" for j in range(30)]
    whole = policy_comparison(scores, alternatives=alternatives)
    monkeypatch.setattr(policies_module, "PAIRS_PER_BLOCK", 60)  # blocks of 2 rows
    np.testing.assert_array_equal(
        policy_comparison(scores, alternatives=alternatives).kendall_tau, whole.kendall_tau
    )


@given(score_tables())
def test_policy_comparison_stability_is_mean_and_population_std(table):
    result = policy_comparison(
        {f"policy{i}": row for i, row in enumerate(table)},
        alternatives=[f"a{j}" for j in range(table.shape[1])],
    )
    for j in range(table.shape[1]):
        column = table[:, j].tolist()
        mean = sum(column) / len(column)
        assert result.mean[j] == pytest.approx(mean, abs=1e-12)
        variance = sum((x - mean) ** 2 for x in column) / len(column)
        assert result.std[j] == pytest.approx(variance**0.5, abs=1e-12)


# Bad input.


@pytest.mark.parametrize(
    ("scores", "position", "message"),
    [
        ({}, None, "at least one policy"),
        ([[1, 2, 3, 4]], None, "expected a mapping of policy ids"),
        (
            {"growth": [1, 2, 3]},
            (0,),
            "expected 4 scores, one per alternative, for policy 'growth'",
        ),
        ({"a": [1, 2, 3, 4], "b": [1, "x", 3, 4]}, (1,), "numbers for policy 'b'"),
        ({"a": [1, 2, float("nan"), 4]}, (0, 2), "finite numbers for policy 'a', got nan"),
    ],
)
def test_policy_comparison_bad_scores_name_scores(scores, position, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        policy_comparison(scores, alternatives=PROJECTS)
    assert caught.value.argument == "scores"
    assert caught.value.position == position


def test_policy_comparison_repeated_alternatives_are_refused():
    with pytest.raises(AnalysisInputError, match="'p1' appears twice") as caught:
        policy_comparison(SCORES, alternatives=["p1", "p2", "p1", "p4"])
    assert caught.value.argument == "alternatives"
