"""Tests of the Pol.is opinion groups (ordito.analysis.opinion)."""

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_score

from ordito.analysis.errors import AnalysisInputError
from ordito.analysis.opinion import RepresentativeStatement, opinion_groups

N = np.nan
STATEMENTS = [f"s{i}" for i in range(1, 11)]
# Two camps, built by hand. s1-s4 split them (A agrees, B disagrees); s5 and s6 everyone
# agrees with, s7 everyone disagrees with; on s8 A agrees and B passes; nobody voted on s9; s10 is
# mixed. Some missing votes keep the camps' members apart from one another. The lurker voted 3
# times, below the 7 votes needed to be clustered.
TWO_CAMPS = {
    #          s1  s2  s3  s4  s5  s6  s7  s8  s9  s10
    "a1": [1, 1, 1, 1, 1, 1, -1, 1, N, 1],
    "a2": [1, 1, 1, 1, 1, 1, -1, 1, N, 1],
    "a3": [1, 1, 1, 1, 1, 1, -1, 1, N, -1],
    "a4": [1, 1, 1, 1, 1, 1, -1, 1, N, 0],
    "a5": [1, 1, 1, 1, 1, 1, -1, 1, N, N],
    "b1": [-1, -1, -1, -1, 1, 1, -1, 0, N, 1],
    "b2": [-1, -1, -1, -1, 1, 1, -1, 0, N, 1],
    "b3": [-1, -1, -1, -1, 1, 1, -1, 0, N, -1],
    "b4": [-1, -1, -1, -1, 1, 1, -1, 0, N, 0],
    "b5": [-1, -1, -1, -1, 1, 1, -1, N, N, 0],
    "lurker": [1, N, N, N, N, N, N, N, N, -1],
}


def two_camps(**options):
    return opinion_groups(
        list(TWO_CAMPS.values()), participants=list(TWO_CAMPS), statements=STATEMENTS, **options
    )


def test_opinion_two_camps_are_found_with_their_statements():
    result = two_camps()
    assert result.groups == (("a1", "a2", "a3", "a4", "a5"), ("b1", "b2", "b3", "b4", "b5"))
    assert "lurker" not in result.clustered
    # Camp A on s1: 5 agree of 5, z1 = (2*5 - 5) / sqrt(7) = 1.89; against camp B (0 of 5):
    # p_g = 6/7, p_r = 1/7, pooled 7/14, z2 = (5/7) / sqrt(1/4 * 2/7) = 2.67. On s8, B's 4
    # passes make p_r = 1/6, pooled 7/13 and z2 = 2.49: s8 comes after s1-s4, which tie at 2.67.
    agree = [RepresentativeStatement(s, "agree") for s in ("s1", "s2", "s3", "s4", "s8")]
    disagree = [RepresentativeStatement(s, "disagree") for s in ("s1", "s2", "s3", "s4")]
    assert result.representative == (tuple(agree), tuple(disagree))
    # s5 and s6: 5 of 5 agree in each camp (z1 = 1.89 > 1.28); s7 likewise disagreed with.
    assert result.consensus_agree == ("s5", "s6")
    assert result.consensus_disagree == ("s7",)
    # s8 is not divisive: B only passes on it.
    assert result.divisive == ("s1", "s2", "s3", "s4")


def test_opinion_to_dict_has_the_command_line_keys_and_is_json():
    data = two_camps().to_dict()
    assert set(data) == {"groups", "representative", "consensus", "divisive", "coordinates"}
    assert data["representative"][1][0] == {"statement": "s1", "direction": "disagree"}
    assert data["consensus"] == {"agree": ["s5", "s6"], "disagree": ["s7"]}
    assert list(data["coordinates"]) == [f"{camp}{i}" for camp in "ab" for i in range(1, 6)]
    assert all(len(point) == 2 for point in data["coordinates"].values())
    assert json.loads(json.dumps(data)) == data


def test_opinion_silhouette_is_scikit_learns_for_the_chosen_groups():
    result = two_camps()
    labels = [
        next(g for g, group in enumerate(result.groups) if p in group) for p in result.clustered
    ]
    assert result.silhouette == pytest.approx(silhouette_score(result.coordinates, labels))


def test_opinion_three_camps_give_three_groups():
    rng = np.random.default_rng(0)
    camps = rng.choice([-1.0, 1.0], size=(3, 12))
    votes = np.repeat(camps, 6, axis=0)
    votes[rng.random(votes.shape) < 0.1] = np.nan
    result = opinion_groups(
        votes, participants=[f"p{i}" for i in range(18)], statements=[f"s{j}" for j in range(12)]
    )
    assert sorted(map(len, result.groups)) == [6, 6, 6]


def test_opinion_coordinates_match_scikit_learn_pca_on_a_complete_matrix():
    # Without missing votes the scaling factor is 1: plain PCA, up to each axis' sign.
    rng = np.random.default_rng(2)
    votes = rng.choice([-1.0, 0.0, 1.0], size=(40, 9))
    result = opinion_groups(
        votes, participants=[f"p{i}" for i in range(40)], statements=[f"s{j}" for j in range(9)]
    )
    expected = PCA(n_components=2).fit_transform(votes)
    signs = np.sign(np.sum(expected * result.coordinates, axis=0))
    np.testing.assert_allclose(result.coordinates, expected * signs, atol=1e-9)


def test_opinion_missing_votes_scale_the_projection_by_sqrt_statements_over_votes():
    # s0 has 4 agrees and 4 disagrees, so its mean is 0 with or without p8's pass: p8 passing or
    # not voting leaves the centred matrix and the axes alike, and only p8's scale changes from
    # sqrt(9/9) to sqrt(9/8).
    rng = np.random.default_rng(4)
    votes = rng.choice([-1.0, 0.0, 1.0], size=(9, 9))
    votes[:, 0] = [1, 1, 1, 1, -1, -1, -1, -1, 0]
    names = {"participants": [f"p{i}" for i in range(9)], "statements": [f"s{j}" for j in range(9)]}
    passing = opinion_groups(votes, **names)
    votes[8, 0] = np.nan
    silent = opinion_groups(votes, **names)
    np.testing.assert_allclose(silent.coordinates[:8], passing.coordinates[:8], atol=1e-12)
    np.testing.assert_allclose(silent.coordinates[8], passing.coordinates[8] * np.sqrt(9 / 8))


def test_opinion_fewer_than_two_clusterable_participants_give_no_groups():
    result = opinion_groups(
        [[1] * 7, [1, -1, N, N, N, N, N]], participants=["x", "y"], statements="abcdefg"
    )
    assert result.clustered == ()
    assert result.groups == ()
    assert result.to_dict() == {
        "groups": [],
        "representative": [],
        "consensus": {"agree": [], "disagree": []},
        "divisive": [],
        "coordinates": {},
    }


def test_opinion_identical_votes_form_one_group_in_consensus():
    result = opinion_groups(
        [[1, 1, 1, -1, -1, -1, 0]] * 4, participants="wxyz", statements="abcdefg"
    )
    assert result.groups == (("w", "x", "y", "z"),)
    assert result.silhouette is None
    assert result.representative == ((),)
    assert result.consensus_agree == ("a", "b", "c")
    assert result.consensus_disagree == ("d", "e", "f")
    np.testing.assert_array_equal(result.coordinates, 0)


def test_opinion_statements_nobody_voted_on_are_never_picked():
    result = two_camps()
    assert "s9" not in result.divisive + result.consensus_agree + result.consensus_disagree
    assert all(item.statement != "s9" for group in result.representative for item in group)


def test_opinion_result_arrays_are_read_only():
    with pytest.raises(ValueError, match="read-only"):
        two_camps().coordinates[0, 0] = 1.0


@pytest.mark.parametrize(
    ("votes", "participants", "statements", "seed", "argument", "message", "position"),
    [
        ([[1, 2]], ["p"], ["a", "b"], 0, "votes", "got 2 .at row 0, column 1.", (0, 1)),
        ([[1, 0.5]], ["p"], ["a", "b"], 0, "votes", "got 0.5", (0, 1)),
        ([[1], [np.inf]], ["p", "q"], ["a"], 0, "votes", "got inf .at row 1, column 0.", (1, 0)),
        ([1, 0, -1], ["p"], ["a"], 0, "votes", "got 1 dimension", None),
        ([[["x"]]], ["p"], ["a"], 0, "votes", "got list", None),
        ([[1, 0]], ["p", "q"], ["a", "b"], 0, "participants", "expected 1 labels", None),
        ([[1, 0]], ["p"], ["a"], 0, "statements", "expected 2 labels, got 1", None),
        ([[1], [0]], ["p", "p"], ["a"], 0, "participants", "'p' appears twice", (1,)),
        ([[1]], ["p"], ["a"], -1, "seed", "integer >= 0, got -1", None),
        ([[1]], ["p"], ["a"], True, "seed", "got True", None),
        ([[1]], ["p"], ["a"], 2.5, "seed", "got 2.5", None),
    ],
)
def test_opinion_bad_input_is_refused_naming_the_argument(
    votes, participants, statements, seed, argument, message, position
):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        opinion_groups(votes, participants=participants, statements=statements, seed=seed)
    assert caught.value.argument == argument
    assert caught.value.position == position


vote_matrices = st.integers(min_value=0, max_value=14).flatmap(
    lambda people: st.lists(
        st.lists(st.sampled_from([1.0, 0.0, -1.0, N]), min_size=9, max_size=9),
        min_size=people,
        max_size=people,
    )
)


def solve(votes, names, seed=0):
    return opinion_groups(
        np.array(votes).reshape(-1, 9),
        participants=names,
        statements=[f"s{j}" for j in range(9)],
        seed=seed,
    )


@settings(max_examples=40, deadline=None)
@given(vote_matrices)
def test_opinion_every_clustered_participant_is_in_exactly_one_group(votes):
    result = solve(votes, [f"p{i}" for i in range(len(votes))])
    members = [p for group in result.groups for p in group]
    assert sorted(members) == sorted(result.clustered)
    enough = [f"p{i}" for i, row in enumerate(votes) if np.sum(~np.isnan(row)) >= 7]
    assert set(result.clustered) <= set(enough)
    assert len(result.representative) == len(result.groups)


@settings(max_examples=40, deadline=None)
@given(vote_matrices, st.randoms(use_true_random=False))
def test_opinion_relabelling_participants_does_not_change_the_partition(votes, random):
    names = [f"p{i}" for i in range(len(votes))]
    order = list(range(len(votes)))
    random.shuffle(order)
    renamed = {names[i]: f"q{position}" for position, i in enumerate(order)}
    result = solve(votes, names)
    shuffled = solve([votes[i] for i in order], [renamed[names[i]] for i in order])
    back = {new: old for old, new in renamed.items()}
    assert {frozenset(g) for g in result.groups} == {
        frozenset(back[p] for p in g) for g in shuffled.groups
    }
    moved = dict(zip(shuffled.clustered, shuffled.coordinates.tolist(), strict=True))
    assert dict(zip(result.clustered, result.coordinates.tolist(), strict=True)) == {
        back[p]: point for p, point in moved.items()
    }


@settings(max_examples=25, deadline=None)
@given(vote_matrices, st.integers(min_value=0, max_value=2**31))
def test_opinion_same_seed_gives_the_same_result(votes, seed):
    names = [f"p{i}" for i in range(len(votes))]
    assert solve(votes, names, seed).to_dict() == solve(votes, names, seed).to_dict()
