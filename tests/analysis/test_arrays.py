"""Tests of the shared input checks (ordito.analysis.arrays).

Every expected value here is worked out by hand from the arrays written in the test.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from ordito.analysis import arrays as arrays_module
from ordito.analysis.arrays import as_labels, as_matrix, check_range, label_index
from ordito.analysis.errors import AnalysisInputError


def test_as_matrix_turns_nested_lists_into_a_float_matrix():
    matrix = as_matrix([[1, 2], [3, 4]], argument="m")
    assert matrix.dtype == float
    np.testing.assert_array_equal(matrix, [[1.0, 2.0], [3.0, 4.0]])


@pytest.mark.parametrize(
    ("value", "square", "message"),
    [
        ([[1, "x"]], False, "m: expected a matrix of numbers, got list"),
        ([1, 2, 3], False, r"m: expected a 2-D matrix, got 1 dimension\(s\)\."),
        ([[[1]]], False, r"m: expected a 2-D matrix, got 3 dimension\(s\)\."),
        ([[1, 2, 3], [4, 5, 6]], True, "m: expected a square matrix, got 2 rows and 3 columns."),
    ],
)
def test_as_matrix_refuses_what_is_not_a_matrix_naming_the_argument(value, square, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        as_matrix(value, argument="m", square=square)
    assert caught.value.argument == "m"
    assert caught.value.position is None


@pytest.mark.parametrize(
    ("bad", "shown"), [(np.nan, "nan"), (np.inf, "inf"), (-np.inf, "-inf")], ids=str
)
def test_as_matrix_refuses_the_first_non_finite_cell_with_its_position(bad, shown):
    # Two bad cells: (1, 0) comes before (1, 2) and (2, 1) in row-major order.
    value = np.ones((3, 3))
    value[1, 0] = bad
    value[1, 2] = np.nan
    value[2, 1] = np.nan
    with pytest.raises(AnalysisInputError) as caught:
        as_matrix(value, argument="m")
    assert caught.value.detail == f"m: expected finite numbers, got {shown}."
    assert caught.value.position == (1, 0)
    assert str(caught.value) == f"m: expected finite numbers, got {shown} (at row 1, column 0)."


def test_as_labels_gives_strings_in_order():
    assert as_labels([3, "b", 1.5], argument="ids", size=3) == ("3", "b", "1.5")


def test_as_labels_takes_any_iterable():
    assert as_labels((f"v{i}" for i in range(3)), argument="ids", size=3) == ("v0", "v1", "v2")


def test_as_labels_refuses_the_first_repeated_id_with_both_positions():
    # "a" repeats at 3 and "b" at 4: the first repetition met in order is "a" at position 3.
    with pytest.raises(AnalysisInputError) as caught:
        as_labels(["a", "b", "c", "a", "b"], argument="ids", size=5)
    assert caught.value.detail == "ids: the id 'a' appears twice (positions 0 and 3)."
    assert caught.value.position == (3,)


def test_as_labels_compares_ids_as_text():
    with pytest.raises(AnalysisInputError, match="'1' appears twice"):
        as_labels([1, "1"], argument="ids", size=2)


def test_as_labels_refuses_a_wrong_number_of_labels():
    with pytest.raises(AnalysisInputError, match=r"^ids: expected 3 labels, got 2\.$") as caught:
        as_labels(["a", "b"], argument="ids", size=3)
    assert caught.value.argument == "ids"


def test_label_index_maps_each_label_to_its_position():
    assert label_index(["x", 2, "z"], argument="ids", size=3) == {"x": 0, "2": 1, "z": 2}


def test_check_range_accepts_cells_inside_the_bounds():
    check_range(np.array([[0.0, 1.5], [3.0, 2.0]]), argument="m", low=0, high=3)
    check_range(np.array([[0, 1], [3, 2]]), argument="m", low=0, high=3, integers=True)
    check_range(np.zeros((0, 4)), argument="m", low=0, high=3, integers=True)


@pytest.mark.parametrize(
    ("value", "integers", "detail", "position"),
    [
        ([[0, 1], [4, 2]], False, "m: expected numbers from 0 to 3, got 4.", (1, 0)),
        ([[0, -0.5], [1, 2]], False, "m: expected numbers from 0 to 3, got -0.5.", (0, 1)),
        ([[0, 1], [2, 2.5]], True, "m: expected integers from 0 to 3, got 2.5.", (1, 1)),
        ([[0, 1], [np.inf, 2]], True, "m: expected integers from 0 to 3, got inf.", (1, 0)),
        ([[0, np.nan], [1, 2]], True, "m: expected integers from 0 to 3, got nan.", (0, 1)),
    ],
)
def test_check_range_names_the_bad_cell(value, integers, detail, position):
    with pytest.raises(AnalysisInputError) as caught:
        check_range(np.array(value, dtype=float), argument="m", low=0, high=3, integers=integers)
    assert caught.value.detail == detail
    assert caught.value.position == position
    assert caught.value.argument == "m"
    where = f"row {position[0]}, column {position[1]}"
    assert str(caught.value) == f"{detail.removesuffix('.')} (at {where})."


def test_check_range_lets_nan_through_when_integers_are_not_asked():
    # NaN is below no bound and above none; as_matrix is what refuses it.
    check_range(np.array([[np.nan, 1.0]]), argument="m", low=0, high=3)


def test_check_range_on_a_vector_gives_an_index():
    with pytest.raises(AnalysisInputError) as caught:
        check_range(np.array([1.0, 2.0, 7.0, 9.0]), argument="weights", low=0, high=5)
    assert caught.value.position == (2,)
    assert str(caught.value) == "weights: expected numbers from 0 to 5, got 7 (at index 2)."


def test_check_range_on_a_single_number_gives_no_position():
    with pytest.raises(AnalysisInputError) as caught:
        check_range(np.float64(7), argument="k", low=0, high=5)
    assert caught.value.position is None
    assert str(caught.value) == "k: expected numbers from 0 to 5, got 7."


@pytest.mark.parametrize("block_cells", [1, 5, 64, 1 << 16])
def test_check_range_finds_the_first_bad_cell_in_row_major_order(monkeypatch, block_cells):
    # A later row's early column and an earlier row's late column: the earlier row wins, whatever
    # the blocks the matrix is read in; a NaN before them (allowed) does not stop the search.
    monkeypatch.setattr(arrays_module, "CHECK_BLOCK_CELLS", block_cells)
    matrix = np.zeros((40, 30))
    matrix[2, 5] = np.nan
    matrix[17, 29] = 5.0
    matrix[18, 0] = -1.0
    with pytest.raises(AnalysisInputError) as caught:
        check_range(matrix, argument="m", low=0, high=3)
    assert caught.value.position == (17, 29)
    assert caught.value.detail == "m: expected numbers from 0 to 3, got 5."


def test_check_range_reads_a_transposed_matrix_in_its_own_row_order():
    matrix = np.zeros((30, 20))
    matrix[4, 11] = 9.0  # row 11, column 4 once transposed
    matrix[12, 3] = 9.0  # row 3, column 12 once transposed: first
    with pytest.raises(AnalysisInputError) as caught:
        check_range(matrix.T, argument="m", low=0, high=3)
    assert caught.value.position == (3, 12)


def naive_first_bad(array: np.ndarray, low: float, high: float, integers: bool):
    """The first bad cell found the plain way, on full-size masks."""
    bad = (array < low) | (array > high)
    if integers:
        bad |= array != np.round(array)
    hits = np.argwhere(bad)
    return tuple(int(i) for i in hits[0]) if hits.size else None


CELLS = st.sampled_from([0.0, 1.0, 2.0, 3.0, -1.0, 4.0, 0.5, 2.5, np.nan, np.inf, -np.inf])


@settings(max_examples=300, deadline=None)
@given(
    arrays(
        np.float64, array_shapes(min_dims=1, max_dims=2, min_side=0, max_side=12), elements=CELLS
    ),
    st.booleans(),
    st.sampled_from([1, 4, 7, 1 << 16]),
    st.sampled_from([(0.0, 3.0), (-1.0, 2.5), (1.0, 1.0)]),
)
def test_check_range_agrees_with_the_plain_full_mask_check(array, integers, block_cells, bounds):
    low, high = bounds
    expected = naive_first_bad(array, low, high, integers)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(arrays_module, "CHECK_BLOCK_CELLS", block_cells)
        if expected is None:
            check_range(array, argument="a", low=low, high=high, integers=integers)
            return
        with pytest.raises(AnalysisInputError) as caught:
            check_range(array, argument="a", low=low, high=high, integers=integers)
    kind = "integers" if integers else "numbers"
    assert caught.value.position == expected
    assert caught.value.detail == (
        f"a: expected {kind} from {low:g} to {high:g}, got {array[expected]:g}."
    )
