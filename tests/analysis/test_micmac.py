"""Tests of ordito.analysis.micmac: worked examples, bad input, properties, to_dict."""

import json
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ordito.analysis.errors import AnalysisInputError
from ordito.analysis.micmac import micmac

# Worked example, built and computed by hand. The public copies of Godet (1994) and Arcade et
# al. (1999) that we could reach describe the method but omit their matrices' figures, so the
# oracle is this arithmetic, written out so that anyone can check it.
#
#        A  B  C  D     row sums (direct influence):     A 4, B 5, C 1, D 2   (mean 3)
#   A  [ 0  3  0  1 ]   column sums (direct dependence): A 0, B 4, C 3, D 5   (mean 3)
#   B  [ 0  0  2  3 ]
#   C  [ P  0  0  1 ]   C -> A is a potential influence (P), 0 in the matrix.
#   D  [ 0  1  1  0 ]
#
# Row sums of M^k = M (row sums of M^(k-1)):
#   k=2: A 3*5+1*2=17, B 2*1+3*2=8,  C 1*2=2, D 1*5+1*1=6     -> [17, 8, 2, 6]
#   k=3: A 3*8+1*6=30, B 2*2+3*6=22, C 1*6=6, D 1*8+1*2=10    -> [30, 22, 6, 10]
# Column sums of M^k = (column sums of M^(k-1)) M:
#   k=2: A 0, B 3*0+1*5=5,  C 2*4+1*5=13,  D 1*0+3*4+1*3=15    -> [0, 5, 13, 15]
#   k=3: A 0, B 3*0+1*15=15, C 2*5+1*15=25, D 1*0+3*5+1*13=28  -> [0, 15, 25, 28]
# Influence rankings: k=1 B A D C; k=2 A B D C (changed); k=3 A B D C (same).
# Dependence rankings: k=1 D B C A; k=2 D C B A (changed); k=3 D C B A (same).
# So the default power is 3 and it converged.
#
# Potential matrix (P counted as 3): row C becomes [3 0 0 1].
#   row sums    k=1 [4, 5, 4, 2]; k=2 A 3*5+2=17, B 2*4+3*2=14, C 3*4+2=14, D 5+4=9;
#               k=3 A 3*14+9=51, B 2*14+3*9=55, C 3*17+9=60, D 14+14=28 -> [51, 55, 60, 28]
#   column sums k=1 [3, 4, 3, 5]; k=2 A 3*3=9, B 3*3+5=14, C 2*4+5=13, D 3+3*4+3=18;
#               k=3 A 3*13=39, B 3*9+18=45, C 2*14+18=46, D 9+3*14+13=64 -> [39, 45, 46, 64]
#
# Sectors, direct plane (means 3 and 3): A 4>3, 0 -> influent; B 5>3, 4>3 -> relay;
#   C 1, 3 (not strictly above) -> autonomous; D 2, 5>3 -> dependent.
# Sectors, indirect plane (means 68/4=17 and 68/4=17): A 30, 0 -> influent; B 22, 15 ->
#   influent; C 6, 25 -> dependent; D 10, 28 -> dependent.
# Rank shift = direct rank - indirect rank:
#   influence  direct B1 A2 D3 C4, indirect A1 B2 D3 C4 -> A +1, B -1, C 0, D 0
#   dependence direct D1 B2 C3 A4, indirect D1 C2 B3 A4 -> A 0, B -1, C +1, D 0
EXAMPLE = [[0, 3, 0, 1], [0, 0, 2, 3], [0, 0, 0, 1], [0, 1, 1, 0]]
EXAMPLE_LABELS = ["A", "B", "C", "D"]


def example_potential() -> np.ndarray:
    potential = np.zeros((4, 4), dtype=bool)
    potential[2, 0] = True
    return potential


def test_micmac_hand_example_reproduces_every_figure():
    result = micmac(EXAMPLE, labels=EXAMPLE_LABELS, potential=example_potential())

    assert result.direct_influence.tolist() == [4, 5, 1, 2]
    assert result.direct_dependence.tolist() == [0, 4, 3, 5]
    assert result.power == 3
    assert result.converged is True
    assert result.ranking_basis == "power"
    assert result.indirect_influence.tolist() == [30, 22, 6, 10]
    assert result.indirect_dependence.tolist() == [0, 15, 25, 28]
    assert result.potential_influence.tolist() == [51, 55, 60, 28]
    assert result.potential_dependence.tolist() == [39, 45, 46, 64]
    assert result.sectors == ("influent", "relay", "autonomous", "dependent")
    assert result.indirect_sectors == ("influent", "influent", "dependent", "dependent")
    assert result.influence_rank_shift.tolist() == [1, -1, 0, 0]
    assert result.dependence_rank_shift.tolist() == [0, -1, 1, 0]


def test_micmac_forced_power_reports_that_power_and_its_stability():
    # Same example: at k=2 the rankings differ from k=1 (see above); at k=4
    #   rows    M [30, 22, 6, 10] = [3*22+10, 2*6+3*10, 10, 22+6] = [76, 42, 10, 28]: A B D C
    #   columns [0, 15, 25, 28] M = [0, 28, 2*15+28, 3*15+25] = [0, 28, 58, 70]: D C B A
    # both as at k=3, so power 4 is stable.
    second = micmac(EXAMPLE, labels=EXAMPLE_LABELS, power=2)
    fourth = micmac(EXAMPLE, labels=EXAMPLE_LABELS, power=4)
    first = micmac(EXAMPLE, labels=EXAMPLE_LABELS, power=1)

    assert (second.power, second.converged) == (2, False)
    assert second.indirect_influence.tolist() == [17, 8, 2, 6]
    assert second.indirect_dependence.tolist() == [0, 5, 13, 15]
    assert (fourth.power, fourth.converged) == (4, True)
    assert fourth.indirect_influence.tolist() == [76, 42, 10, 28]
    assert fourth.indirect_dependence.tolist() == [0, 28, 58, 70]
    assert (first.power, first.converged) == (1, False)
    assert first.indirect_influence.tolist() == first.direct_influence.tolist()


def test_micmac_oscillating_rankings_fall_back_to_the_perron_eigenvector():
    # A -> B with 1, B -> A with 2. M^2 = 2I, so the row sums alternate between
    # [1, 2] (odd k: B first) and [2^(k/2), 2^(k/2)] (even k: a tie, A first): the influence
    # ranking never settles. The search stops at max(30, 2*2) = 30, where M^30 = 2^15 I.
    # Perron root sqrt(2); right eigenvector [1, sqrt(2)] (B more influential), left one
    # [sqrt(2), 1] (A more dependent), which are also the direct rankings: no rank shift.
    result = micmac([[0, 1], [2, 0]], labels=["A", "B"])

    assert (result.power, result.converged, result.ranking_basis) == (30, False, "eigenvector")
    assert result.indirect_influence.tolist() == [2.0**15, 2.0**15]
    assert result.indirect_dependence.tolist() == [2.0**15, 2.0**15]
    assert result.indirect_influence_rank.tolist() == [2, 1]
    assert result.indirect_dependence_rank.tolist() == [1, 2]
    assert result.influence_rank_shift.tolist() == [0, 0]
    assert result.indirect_sectors == ("autonomous", "autonomous")


def test_micmac_cycle_of_three_ranks_indirectly_by_the_perron_eigenvector():
    # A -> B (3), B -> C (2), C -> A (1): M^3 = 6I, so the sums cycle with period 3 and the
    # rankings never settle. Perron root l = 6^(1/3) = 1.817.
    # Right eigenvector (M x = l x), x_C = 1: x_B = 2/l = 1.101, x_A = 3 x_B / l = 1.817
    #   -> influence A, B, C, as directly ([3, 2, 1]): no shift.
    # Left eigenvector (y M = l y), y_A = 1: y_B = 3/l = 1.651, y_C = 2 y_B / l = 1.817
    #   -> dependence C, B, A; directly ([1, 3, 2]) B, C, A. Shift: A 3-3=0, B 1-2=-1, C 2-1=+1.
    result = micmac([[0, 3, 0], [0, 0, 2], [1, 0, 0]], labels=["A", "B", "C"])

    assert (result.converged, result.ranking_basis) == (False, "eigenvector")
    assert result.indirect_influence_rank.tolist() == [1, 2, 3]
    assert result.indirect_dependence_rank.tolist() == [3, 2, 1]
    assert result.influence_rank_shift.tolist() == [0, 0, 0]
    assert result.dependence_rank_shift.tolist() == [0, -1, 1]


def test_micmac_sums_beyond_2_to_the_512_stay_exact():
    # Every row and column of J - I (3 variables) sums to 2, so those of (J - I)^k to 2^k:
    # 2^600 needs the rescaling by 2^-512 and must come back exact.
    matrix = np.ones((3, 3)) - np.eye(3)
    result = micmac(matrix, labels=["a", "b", "c"], power=600)

    assert result.indirect_influence.tolist() == [2.0**600] * 3
    assert result.indirect_dependence.tolist() == [2.0**600] * 3


def test_micmac_sums_beyond_float64_are_shown_times_a_power_of_ten_and_rankings_hold():
    # At power 2000 the sums of the example reach about 2.5^2000, far beyond float64 (1.8e308),
    # except A's dependence, which stays 0: nothing influences A. Each vector is shown divided by
    # 10**e, its largest sum between 1 and 10; times 10**e it is the exact integer sum.
    potential = np.array(EXAMPLE) + 3 * example_potential()
    result = micmac(EXAMPLE, labels=EXAMPLE_LABELS, potential=example_potential(), power=2000)
    stable = micmac(EXAMPLE, labels=EXAMPLE_LABELS, potential=example_potential(), power=50)
    payload = result.to_dict()

    rows, columns = exact_sums(np.array(EXAMPLE), 2000)
    potential_rows, potential_columns = exact_sums(potential, 2000)
    shown = (
        result.indirect_influence,
        result.indirect_dependence,
        result.potential_influence,
        result.potential_dependence,
    )
    for values, exponent, exact in zip(
        shown, result.sum_exponents, (rows, columns, potential_rows, potential_columns), strict=True
    ):
        assert exponent > 308
        assert 1 <= values.max() < 10
        expected = [float(Fraction(total, 10**exponent)) for total in exact]
        np.testing.assert_allclose(values, expected, rtol=1e-12, atol=0)
    assert result.indirect_dependence[0] == 0
    assert result.indirect_influence_rank.tolist() == stable.indirect_influence_rank.tolist()
    assert result.indirect_dependence_rank.tolist() == stable.indirect_dependence_rank.tolist()
    assert result.indirect_sectors == stable.indirect_sectors
    assert payload["sum_exponents"] == dict(
        zip(
            [
                "indirect_influence",
                "indirect_dependence",
                "potential_influence",
                "potential_dependence",
            ],
            result.sum_exponents,
            strict=True,
        )
    )
    assert all(math.isfinite(value) for value in payload["indirect_influence"].values())
    json.dumps(payload, allow_nan=False)


def test_micmac_sums_within_float64_have_exponent_zero():
    # Power 600 of J - I passes 2**512 (rescaled inside) but not float64's range: shown as is.
    result = micmac(np.ones((3, 3)) - np.eye(3), labels=["a", "b", "c"], power=600)

    assert result.sum_exponents == (0, 0, 0, 0)
    assert result.indirect_influence.tolist() == [2.0**600] * 3


def test_micmac_zero_matrix_converges_with_every_variable_autonomous():
    result = micmac(np.zeros((3, 3)), labels=["a", "b", "c"])

    assert (result.power, result.converged) == (2, True)
    assert result.indirect_influence.tolist() == [0, 0, 0]
    assert result.sectors == ("autonomous",) * 3


def test_micmac_to_dict_has_exactly_the_cli_keys_and_is_json():
    payload = micmac(EXAMPLE, labels=EXAMPLE_LABELS, potential=example_potential()).to_dict()

    assert set(payload) == {
        "variables",
        "direct_influence",
        "direct_dependence",
        "indirect_influence",
        "indirect_dependence",
        "potential_influence",
        "potential_dependence",
        "sum_exponents",
        "power",
        "converged",
        "sectors",
        "indirect_sectors",
        "ranking_basis",
        "rank_shift",
    }
    assert json.loads(json.dumps(payload, allow_nan=False)) == payload
    assert payload["variables"] == EXAMPLE_LABELS
    assert payload["direct_influence"] == {"A": 4, "B": 5, "C": 1, "D": 2}
    assert type(payload["direct_influence"]["A"]) is int
    assert payload["indirect_influence"] == {"A": 30.0, "B": 22.0, "C": 6.0, "D": 10.0}
    assert type(payload["power"]) is int
    assert payload["sectors"]["B"] == "relay"
    assert payload["rank_shift"]["A"] == {"influence": 1, "dependence": 0}


def test_micmac_result_is_read_only():
    result = micmac(EXAMPLE, labels=EXAMPLE_LABELS)

    with pytest.raises(ValueError, match="read-only"):
        result.indirect_influence[0] = 1.0
    with pytest.raises(AttributeError):
        result.power = 7  # type: ignore[misc]  # frozen: the assignment is what is tested


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("matrix", "position", "message"),
    [
        ([[0, 4], [1, 0]], (0, 1), "integers from 0 to 3, got 4 .at row 0, column 1."),
        ([[0, 1], [-1, 0]], (1, 0), "integers from 0 to 3, got -1 .at row 1, column 0."),
        ([[0, 1.5], [1, 0]], (0, 1), "integers from 0 to 3, got 1.5 .at row 0, column 1."),
        ([[0, 1], [float("nan"), 0]], (1, 0), "finite numbers, got nan .at row 1, column 0."),
    ],
)
def test_micmac_bad_cell_names_matrix_and_position(matrix, position, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        micmac(matrix, labels=["a", "b"])

    assert caught.value.argument == "matrix"
    assert caught.value.position == position


def test_micmac_non_square_matrix_is_refused():
    with pytest.raises(AnalysisInputError, match="square matrix, got 2 rows and 3 columns") as e:
        micmac([[0, 1, 2], [1, 0, 2]], labels=["a", "b"])

    assert e.value.argument == "matrix"


def test_micmac_empty_matrix_is_refused():
    with pytest.raises(AnalysisInputError, match="at least one variable") as caught:
        micmac(np.zeros((0, 0)), labels=[])

    assert caught.value.argument == "matrix"


def test_micmac_labels_that_do_not_match_are_refused():
    with pytest.raises(AnalysisInputError, match="expected 2 labels, got 3") as caught:
        micmac([[0, 1], [1, 0]], labels=["a", "b", "c"])

    assert caught.value.argument == "labels"


def test_micmac_repeated_labels_are_refused():
    with pytest.raises(AnalysisInputError, match="'a' appears twice") as caught:
        micmac([[0, 1], [1, 0]], labels=["a", "a"])

    assert (caught.value.argument, caught.value.position) == ("labels", (1,))


def test_micmac_potential_cell_with_a_value_is_refused():
    potential = [[False, True], [False, False]]

    with pytest.raises(
        AnalysisInputError, match=r"must be 0 in matrix, got 1 \(at row 0"
    ) as caught:
        micmac([[0, 1], [1, 0]], labels=["a", "b"], potential=potential)

    assert (caught.value.argument, caught.value.position) == ("potential", (0, 1))


def test_micmac_potential_of_another_shape_is_refused():
    with pytest.raises(AnalysisInputError, match="expected a 2×2 matrix") as caught:
        micmac([[0, 1], [1, 0]], labels=["a", "b"], potential=np.zeros((2, 3), dtype=bool))

    assert caught.value.argument == "potential"


@pytest.mark.parametrize(
    ("potential", "message"),
    [
        ([[0, 2], [0, 0]], "integers from 0 to 1, got 2 .at row 0, column 1."),
        ([[0, 0], [float("nan"), 0]], "finite numbers, got nan .at row 1, column 0."),
    ],
)
def test_micmac_potential_that_is_not_boolean_is_refused(potential, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        micmac([[0, 0], [0, 0]], labels=["a", "b"], potential=potential)

    assert caught.value.argument == "potential"


@pytest.mark.parametrize("power", [0, -2, 1.5, True, "3"])
def test_micmac_power_that_is_not_a_positive_integer_is_refused(power):
    with pytest.raises(AnalysisInputError, match="power: expected an integer >= 1") as caught:
        micmac([[0, 1], [1, 0]], labels=["a", "b"], power=power)

    assert caught.value.argument == "power"


# --- properties ----------------------------------------------------------------------------


@st.composite
def cross_impacts(draw):
    size = draw(st.integers(min_value=1, max_value=6))
    return draw(arrays(np.int64, (size, size), elements=st.integers(0, 3)))


def labels_for(size: int) -> list[str]:
    return [f"v{i}" for i in range(size)]


def exact_sums(matrix: np.ndarray, power: int) -> tuple[list[int], list[int]]:
    """Row and column sums of matrix**power in Python integers (no overflow, no rounding)."""
    rows = [[int(x) for x in row] for row in matrix]
    size = len(rows)
    result = [[int(i == j) for j in range(size)] for i in range(size)]
    for _ in range(power):
        result = [
            [sum(result[i][k] * rows[k][j] for k in range(size)) for j in range(size)]
            for i in range(size)
        ]
    return [sum(row) for row in result], [sum(column) for column in zip(*result, strict=True)]


@settings(max_examples=60, deadline=None)
@given(cross_impacts(), st.integers(1, 12))
def test_micmac_sums_equal_exact_integer_powers(matrix, power):
    result = micmac(matrix, labels=labels_for(len(matrix)), power=power)
    influence, dependence = exact_sums(matrix, power)

    assert result.indirect_influence.tolist() == [float(x) for x in influence]
    assert result.indirect_dependence.tolist() == [float(x) for x in dependence]


@settings(max_examples=60, deadline=None)
@given(cross_impacts(), st.integers(1, 6), st.randoms(use_true_random=False))
def test_micmac_relabelling_permutes_the_results_the_same_way(matrix, power, random):
    size = len(matrix)
    order = list(range(size))
    random.shuffle(order)
    labels = labels_for(size)

    plain = micmac(matrix, labels=labels, power=power)
    moved = micmac(matrix[np.ix_(order, order)], labels=[labels[i] for i in order], power=power)

    for field in (
        "direct_influence",
        "direct_dependence",
        "indirect_influence",
        "indirect_dependence",
        "potential_influence",
    ):
        assert getattr(moved, field).tolist() == getattr(plain, field)[order].tolist()
    assert moved.sectors == tuple(plain.sectors[i] for i in order)
    assert moved.indirect_sectors == tuple(plain.indirect_sectors[i] for i in order)
    assert moved.to_dict()["indirect_influence"] == plain.to_dict()["indirect_influence"]


@settings(max_examples=60, deadline=None)
@given(cross_impacts(), st.data())
def test_micmac_zero_row_has_zero_influence_and_a_low_sector(matrix, data):
    row = data.draw(st.integers(0, len(matrix) - 1))
    matrix[row, :] = 0
    result = micmac(matrix, labels=labels_for(len(matrix)))

    assert result.direct_influence[row] == 0
    assert result.indirect_influence[row] == 0
    assert result.sectors[row] in {"dependent", "autonomous"}
    assert result.indirect_sectors[row] in {"dependent", "autonomous"}


@settings(max_examples=60, deadline=None)
@given(cross_impacts(), st.data(), st.integers(1, 8))
def test_micmac_potential_sums_are_those_of_the_matrix_with_p_as_3(matrix, data, power):
    empty = np.argwhere(matrix == 0).tolist()
    chosen = data.draw(st.lists(st.sampled_from(empty), max_size=4)) if empty else []
    potential = np.zeros(matrix.shape, dtype=bool)
    for row, column in chosen:
        potential[row, column] = True
    labels = labels_for(len(matrix))
    result = micmac(matrix, labels=labels, potential=potential, power=power)
    counted = micmac(matrix + 3 * potential, labels=labels, power=power)

    assert result.potential_influence.tolist() == counted.indirect_influence.tolist()
    assert result.potential_dependence.tolist() == counted.indirect_dependence.tolist()
    assert (result.potential_influence >= result.indirect_influence).all()


@settings(max_examples=60, deadline=None)
@given(cross_impacts())
def test_micmac_default_power_is_the_first_with_unchanged_rankings(matrix):
    labels = labels_for(len(matrix))
    result = micmac(matrix, labels=labels)

    def rankings(power):
        forced = micmac(matrix, labels=labels, power=power)
        return forced.indirect_influence_rank.tolist(), forced.indirect_dependence_rank.tolist()

    assert result.power == max(30, 2 * len(matrix)) or result.converged
    if result.converged:
        assert rankings(result.power) == rankings(result.power - 1)
        for earlier in range(2, result.power):
            assert rankings(earlier) != rankings(earlier - 1)
        assert result.ranking_basis == "power"
    else:
        assert result.ranking_basis == "eigenvector"


@settings(max_examples=40, deadline=None)
@given(cross_impacts())
def test_micmac_to_dict_is_json_for_any_matrix(matrix):
    payload = micmac(matrix, labels=labels_for(len(matrix))).to_dict()

    text = json.dumps(payload, allow_nan=False)
    assert json.loads(text)["variables"] == labels_for(len(matrix))
    assert all(math.isfinite(x) for x in payload["indirect_influence"].values())
