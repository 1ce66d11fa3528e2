"""The house rule for ties: values within 1e-12 are tied and keep their input order."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from ordito.analysis.ranking import ranking_order, ranks


def test_ranking_order_near_ties_keep_input_order():
    assert ranking_order([0.2, 0.5, 0.5 + 1e-13, 0.1]).tolist() == [1, 2, 0, 3]
    assert ranking_order([0.5 + 1e-13, 0.5, 0.2]).tolist() == [0, 1, 2]


def test_ranking_order_ascending_and_exact_ties():
    assert ranking_order([3.0, 1.0, 1.0, 2.0], descending=False).tolist() == [1, 2, 3, 0]


def test_ranks_are_one_based():
    assert ranks([0.1, 0.9, 0.5]).tolist() == [3, 1, 2]


@given(st.lists(st.integers(-5, 5), min_size=1, max_size=30))
def test_ranking_order_of_integers_is_a_stable_sort(values):
    expected = sorted(range(len(values)), key=lambda i: (-values[i], i))
    assert ranking_order(np.array(values, dtype=float)).tolist() == expected
    nudged = np.array(values, dtype=float) + np.arange(len(values)) * 1e-14
    assert ranking_order(nudged).tolist() == expected
