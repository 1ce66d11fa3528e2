"""Tests of ordito.analysis.mactor: worked example, bad input, properties, to_dict."""

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ordito.analysis.errors import AnalysisInputError
from ordito.analysis.mactor import mactor

# Worked example, built and computed by hand with the formulas of Godet's MACTOR manual as
# issue #3 fixes them. The public copies of Godet (1991, the air-transport case) and Arcade et
# al. (1999) that we could reach give the method but not the result tables, so the oracle is
# this arithmetic.
#
# MID      A  B  C        2MAO     O1  O2  O3
#     A  [ 0  2  1 ]          A  [  3  -2   1 ]
#     B  [ 1  0  3 ]          B  [  1   4  -1 ]
#     C  [ 0  4  0 ]          C  [ -2   0   2 ]
#
# Relays, Σ_k min(MID_ik, MID_kj):
#   AA min(0,0)+min(2,1)+min(1,0)=1  AB min(0,2)+min(2,0)+min(1,4)=1  AC 0+min(2,3)+0=2
#   BA min(1,0)+min(0,1)+min(3,0)=0  BB min(1,2)+0+min(3,4)=4         BC min(1,1)+0+0=1
#   CA 0+min(4,1)+0=1                CB 0+min(4,0)+0=0                CC 0+min(4,3)+0=3
# MIDI = MID + relays = [[1, 3, 3], [1, 4, 4], [1, 4, 3]]; feedbacks 1, 4, 3.
# I (rows without diagonal): A 3+3=6, B 1+4=5, C 1+4=5; Σ I = 16.
# D (columns without diagonal): A 1+1=2, B 3+4=7, C 3+4=7.
# r_A = (6-1)/16 * 6/8 = 30/128 = 0.234375
# r_B = (5-4)/16 * 5/12 = 5/192 = 0.0260416...
# r_C = (5-3)/16 * 5/12 = 10/192 = 0.0520833...       Σ r = 45/192 + 5/192 + 10/192 = 60/192
# R* = 3 r / Σ r: A 3*45/60 = 2.25, B 3*5/60 = 0.25, C 3*10/60 = 0.5 (mean 1).
# 3MAO = R* x 2MAO: A [6.75, -4.5, 2.25], B [0.25, 1, -0.25], C [-1, 0, 1].
# Mobilisation: O1 +6.75+0.25=7, -1; O2 +1, -4.5; O3 +2.25+1=3.25, -0.25.
# Implication: A 6.75+4.5+2.25=13.5, B 0.25+1+0.25=1.5, C 1+0+1=2.
# Signs: A-B agree on O1, clash on O2 and O3; A-C agree on O3, clash on O1 (C neutral on O2);
#   B-C clash on O1 and O3.
# Order 1 (one per objective): conv AB 1, AC 1, BC 0; div AB 2, AC 1, BC 2.
# Order 2, ½(|a|+|b|): conv AB ½(3+1)=2, AC ½(1+2)=1.5, BC 0;
#   div AB ½(2+4)+½(1+1)=4, AC ½(3+2)=2.5, BC ½(1+2)+½(1+2)=3.
# Order 3: conv AB ½(6.75+0.25)=3.5, AC ½(2.25+1)=1.625, BC 0;
#   div AB ½(4.5+1)+½(2.25+0.25)=4, AC ½(6.75+1)=3.875, BC ½(0.25+1)+½(0.25+1)=1.25.
MID = [[0, 2, 1], [1, 0, 3], [0, 4, 0]]
POSITIONS = [[3, -2, 1], [1, 4, -1], [-2, 0, 2]]
ACTORS = ["A", "B", "C"]
OBJECTIVES = ["O1", "O2", "O3"]


def pairs(ab: float, ac: float, bc: float) -> list[list[float]]:
    return [[0, ab, ac], [ab, 0, bc], [ac, bc, 0]]


def test_mactor_hand_example_reproduces_every_figure():
    result = mactor(MID, POSITIONS, actors=ACTORS, objectives=OBJECTIVES)

    assert result.midi.tolist() == [[1, 3, 3], [1, 4, 4], [1, 4, 3]]
    assert result.influence.tolist() == [6, 5, 5]
    assert result.dependence.tolist() == [2, 7, 7]
    np.testing.assert_allclose(result.r, [30 / 128, 5 / 192, 10 / 192], rtol=1e-12)
    np.testing.assert_allclose(result.r_star, [2.25, 0.25, 0.5], rtol=1e-12)
    np.testing.assert_allclose(
        result.mao3, [[6.75, -4.5, 2.25], [0.25, 1, -0.25], [-1, 0, 1]], rtol=1e-12
    )
    np.testing.assert_allclose(result.agreement, [7, 1, 3.25], rtol=1e-12)
    np.testing.assert_allclose(result.disagreement, [-1, -4.5, -0.25], rtol=1e-12)
    np.testing.assert_allclose(result.implication, [13.5, 1.5, 2], rtol=1e-12)
    expected_convergence = [pairs(1, 1, 0), pairs(2, 1.5, 0), pairs(3.5, 1.625, 0)]
    expected_divergence = [pairs(2, 1, 2), pairs(4, 2.5, 3), pairs(4, 3.875, 1.25)]
    for order in range(3):
        np.testing.assert_allclose(result.convergence[order], expected_convergence[order])
        np.testing.assert_allclose(result.divergence[order], expected_divergence[order])
        np.testing.assert_allclose(
            result.net_distance[order],
            np.subtract(expected_convergence[order], expected_divergence[order]),
        )


def test_mactor_without_net_power_weighs_every_actor_the_same():
    # Two actors influencing each other with 1: MIDI_AB = 1 + min(0,1) + min(1,0) = 1 and
    # MIDI_AA = min(0,0) + min(1,1) = 1, so I_A - MIDI_AA = 0 and both r are 0: R* = 1, 1.
    result = mactor([[0, 1], [1, 0]], [[2, -3], [1, 0]], actors=["A", "B"], objectives=["x", "y"])

    assert result.r.tolist() == [0, 0]
    assert result.r_star.tolist() == [1, 1]
    assert result.mao3.tolist() == [[2, -3], [1, 0]]


def test_mactor_single_actor_has_no_pairs():
    result = mactor([[0]], [[3, -1]], actors=["A"], objectives=["x", "y"])

    assert result.r_star.tolist() == [1]
    assert result.convergence[2].tolist() == [[0]]
    assert result.implication.tolist() == [4]


def test_mactor_powerless_opponent_gives_no_negative_zero():
    # B has no influence at all (I_B = 0), so r_B = R*_B = 0 and 3MAO_B = 0 * -4: 0.0, not -0.0.
    payload = mactor([[0, 2], [0, 0]], [[1], [-4]], actors=["A", "B"], objectives=["x"]).to_dict()

    assert json.dumps(payload["mao3"]) == "[[2.0], [0.0]]"
    assert json.dumps(payload["mobilisation"]) == '{"x": {"agreement": 2.0, "disagreement": 0.0}}'


def test_mactor_to_dict_has_exactly_the_cli_keys_and_is_json():
    payload = mactor(MID, POSITIONS, actors=ACTORS, objectives=OBJECTIVES).to_dict()

    assert set(payload) == {
        "actors",
        "objectives",
        "midi",
        "influence",
        "dependence",
        "r",
        "r_star",
        "mao3",
        "mobilisation",
        "implication",
        "convergence",
        "divergence",
    }
    assert json.loads(json.dumps(payload, allow_nan=False)) == payload
    assert payload["actors"] == ACTORS
    assert payload["objectives"] == OBJECTIVES
    assert payload["midi"] == [[1, 3, 3], [1, 4, 4], [1, 4, 3]]
    assert type(payload["midi"][0][0]) is int
    assert payload["influence"] == {"A": 6, "B": 5, "C": 5}
    assert payload["r_star"] == {"A": 2.25, "B": 0.25, "C": 0.5}
    assert payload["mobilisation"]["O2"] == {"agreement": 1.0, "disagreement": -4.5}
    assert payload["implication"] == {"A": 13.5, "B": 1.5, "C": 2.0}
    assert set(payload["convergence"]) == set(payload["divergence"]) == {"1", "2", "3"}
    assert payload["divergence"]["3"][0] == [0.0, 4.0, 3.875]


def test_mactor_result_is_read_only():
    result = mactor(MID, POSITIONS, actors=ACTORS, objectives=OBJECTIVES)

    with pytest.raises(ValueError, match="read-only"):
        result.convergence[0][0, 1] = 5.0
    with pytest.raises(AttributeError):
        result.r_star = np.ones(3)  # type: ignore[misc]  # frozen: the assignment is what is tested


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mid", "position", "message"),
    [
        ([[0, 5], [1, 0]], (0, 1), "integers from 0 to 4, got 5 .at row 0, column 1."),
        ([[0, 1], [-1, 0]], (1, 0), "integers from 0 to 4, got -1 .at row 1, column 0."),
        ([[0, 2.5], [1, 0]], (0, 1), "integers from 0 to 4, got 2.5 .at row 0, column 1."),
        ([[0, 1], [float("nan"), 0]], (1, 0), "finite numbers, got nan .at row 1, column 0."),
        ([[0, 1], [1, 2]], (1, 1), "0 on the diagonal .*, got 2 .at row 1, column 1."),
    ],
)
def test_mactor_bad_influence_names_mid_and_position(mid, position, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        mactor(mid, [[1], [1]], actors=["A", "B"], objectives=["x"])

    assert (caught.value.argument, caught.value.position) == ("mid", position)


@pytest.mark.parametrize(
    ("positions", "position", "message"),
    [
        ([[1, 5], [0, 0]], (0, 1), "integers from -4 to 4, got 5 .at row 0, column 1."),
        ([[1, 0], [-5, 0]], (1, 0), "integers from -4 to 4, got -5 .at row 1, column 0."),
        ([[1, 0], [0, 0.5]], (1, 1), "integers from -4 to 4, got 0.5 .at row 1, column 1."),
        ([[float("nan"), 0], [0, 0]], (0, 0), "finite numbers, got nan .at row 0, column 0."),
    ],
)
def test_mactor_bad_position_names_positions_and_position(positions, position, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        mactor([[0, 1], [1, 0]], positions, actors=["A", "B"], objectives=["x", "y"])

    assert (caught.value.argument, caught.value.position) == ("positions", position)


def test_mactor_non_square_mid_is_refused():
    with pytest.raises(AnalysisInputError, match="square matrix, got 2 rows and 3 columns") as e:
        mactor([[0, 1, 1], [1, 0, 1]], [[1], [1]], actors=["A", "B"], objectives=["x"])

    assert e.value.argument == "mid"


def test_mactor_empty_mid_is_refused():
    with pytest.raises(AnalysisInputError, match="at least one actor") as caught:
        mactor(np.zeros((0, 0)), np.zeros((0, 1)), actors=[], objectives=["x"])

    assert caught.value.argument == "mid"


def test_mactor_positions_without_a_row_per_actor_are_refused():
    with pytest.raises(AnalysisInputError, match="one row per actor \\(2\\), got 3") as caught:
        mactor([[0, 1], [1, 0]], [[1], [1], [1]], actors=["A", "B"], objectives=["x"])

    assert caught.value.argument == "positions"


@pytest.mark.parametrize(
    ("actors", "objectives", "argument", "message"),
    [
        (["A"], ["x"], "actors", "expected 2 labels, got 1"),
        (["A", "A"], ["x"], "actors", "'A' appears twice"),
        (["A", "B"], ["x", "y"], "objectives", "expected 1 labels, got 2"),
        (["A", "B"], [], "objectives", "expected 1 labels, got 0"),
    ],
)
def test_mactor_ids_that_do_not_match_or_repeat_are_refused(actors, objectives, argument, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        mactor([[0, 1], [1, 0]], [[1], [1]], actors=actors, objectives=objectives)

    assert caught.value.argument == argument


def test_mactor_repeated_objective_names_its_position():
    with pytest.raises(AnalysisInputError, match="'x' appears twice") as caught:
        mactor([[0]], [[1, 2, 3]], actors=["A"], objectives=["x", "y", "x"])

    assert (caught.value.argument, caught.value.position) == ("objectives", (2,))


# --- properties ----------------------------------------------------------------------------


@st.composite
def actor_games(draw):
    actors = draw(st.integers(min_value=1, max_value=6))
    objectives = draw(st.integers(min_value=1, max_value=6))
    mid = draw(arrays(np.int64, (actors, actors), elements=st.integers(0, 4)))
    np.fill_diagonal(mid, 0)
    positions = draw(arrays(np.int64, (actors, objectives), elements=st.integers(-4, 4)))
    return mid, positions


def run(game):
    mid, positions = game
    return mactor(
        mid,
        positions,
        actors=[f"a{i}" for i in range(len(mid))],
        objectives=[f"o{k}" for k in range(positions.shape[1])],
    )


def naive_midi(mid: np.ndarray) -> np.ndarray:
    """MIDI straight from its definition, one cell and one relay at a time."""
    size = len(mid)
    return np.array(
        [
            [mid[i, j] + sum(min(mid[i, k], mid[k, j]) for k in range(size)) for j in range(size)]
            for i in range(size)
        ]
    )


def naive_pairs(positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Convergence and divergence straight from their definition."""
    size = len(positions)
    convergence = np.zeros((size, size))
    divergence = np.zeros((size, size))
    for i in range(size):
        for j in range(size):
            if i == j:
                continue
            for a, b in zip(positions[i], positions[j], strict=True):
                if a * b > 0:
                    convergence[i, j] += (abs(a) + abs(b)) / 2
                elif a * b < 0:
                    divergence[i, j] += (abs(a) + abs(b)) / 2
    return convergence, divergence


@settings(max_examples=80, deadline=None)
@given(actor_games())
def test_mactor_matches_the_definitions_computed_naively(game):
    mid, positions = game
    result = run(game)

    assert result.midi.tolist() == naive_midi(mid).tolist()
    weighted = (np.sign(positions), positions, result.mao3)
    for order, matrix in enumerate(weighted):
        convergence, divergence = naive_pairs(np.asarray(matrix, dtype=float))
        np.testing.assert_allclose(result.convergence[order], convergence, atol=1e-12)
        np.testing.assert_allclose(result.divergence[order], divergence, atol=1e-12)


@settings(max_examples=80, deadline=None)
@given(actor_games())
def test_mactor_r_star_has_mean_one_and_is_never_negative(game):
    result = run(game)

    assert result.r_star.mean() == pytest.approx(1.0, rel=1e-12)
    assert (result.r_star >= 0).all()
    assert (result.r >= 0).all()


@settings(max_examples=80, deadline=None)
@given(actor_games())
def test_mactor_convergence_and_divergence_are_symmetric_with_zero_diagonal(game):
    result = run(game)

    for matrix in (*result.convergence, *result.divergence):
        assert np.array_equal(matrix, matrix.T)
        assert (np.diagonal(matrix) == 0).all()
        assert (matrix >= 0).all()


@settings(max_examples=80, deadline=None)
@given(actor_games())
def test_mactor_order_one_counts_every_objective_both_actors_take_sides_on(game):
    _, positions = game
    result = run(game)
    engaged = positions != 0
    both = engaged.astype(int) @ engaged.T.astype(int)
    np.fill_diagonal(both, 0)

    assert (result.convergence[0] + result.divergence[0]).tolist() == both.tolist()


@settings(max_examples=80, deadline=None)
@given(actor_games())
def test_mactor_implication_adds_up_to_the_mobilisation(game):
    result = run(game)

    assert result.implication.sum() == pytest.approx(
        result.agreement.sum() - result.disagreement.sum(), rel=1e-12, abs=1e-12
    )
    assert (result.agreement >= 0).all()
    assert (result.disagreement <= 0).all()


@settings(max_examples=60, deadline=None)
@given(actor_games(), st.randoms(use_true_random=False))
def test_mactor_relabelling_actors_permutes_the_results_the_same_way(game, random):
    mid, positions = game
    order = list(range(len(mid)))
    random.shuffle(order)
    plain = run(game)
    moved = run((mid[np.ix_(order, order)], positions[order]))

    assert moved.midi.tolist() == plain.midi[np.ix_(order, order)].tolist()
    np.testing.assert_allclose(moved.r_star, plain.r_star[order], rtol=1e-12)
    np.testing.assert_allclose(moved.mao3, plain.mao3[order], rtol=1e-12)
    np.testing.assert_allclose(moved.agreement, plain.agreement, rtol=1e-12)
    for q in range(3):
        np.testing.assert_allclose(
            moved.divergence[q], plain.divergence[q][np.ix_(order, order)], rtol=1e-12
        )


@settings(max_examples=40, deadline=None)
@given(actor_games())
def test_mactor_to_dict_is_json_for_any_game(game):
    payload = run(game).to_dict()

    assert json.loads(json.dumps(payload, allow_nan=False)) == payload
