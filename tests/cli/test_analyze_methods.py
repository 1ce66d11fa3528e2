"""Each `ordito analyze` sub-command on a small real file: the JSON keys and hand-computed values.

Every expected number below is worked out by hand in the comment above it, from the input file
in tests/cli/data and the definitions of issue #3.
"""

import json
import math

import pytest

from tests.cli import DATA, ordito


def test_micmac_small_matrix_gives_sums_of_the_squared_matrix():
    # micmac.csv, P counted as 0: M = [[0,3,1],[0,0,2],[1,0,0]] (the empty cell a→a is 0).
    # Row sums 4, 2, 1; column sums 1, 3, 3. M² = [[1,0,6],[2,0,0],[0,3,1]]: row sums 7, 2, 4,
    # column sums 3, 3, 7. With P (b→a) as 3, Mp² = [[10,0,6],[2,9,3],[0,3,1]]: row sums
    # 16, 14, 4, column sums 12, 12, 10. Means 7/3: only a is high on influence, b and c on
    # dependence, so a is influent and b, c dependent. At power 2 the influence ranking a, b, c of
    # M becomes a, c, b, so the rankings have not settled: not converged. On M², with means 13/3,
    # a (7, 3) is influent, b (2, 3) low on both, autonomous, c (4, 7) dependent.
    result = ordito("analyze", "micmac", DATA / "micmac.csv", "--power", "2").json()

    assert result["variables"] == ["a", "b", "c"]
    assert result["direct_influence"] == {"a": 4, "b": 2, "c": 1}
    assert result["direct_dependence"] == {"a": 1, "b": 3, "c": 3}
    assert result["indirect_influence"] == {"a": 7, "b": 2, "c": 4}
    assert result["indirect_dependence"] == {"a": 3, "b": 3, "c": 7}
    assert result["potential_influence"] == {"a": 16, "b": 14, "c": 4}
    assert result["potential_dependence"] == {"a": 12, "b": 12, "c": 10}
    assert result["power"] == 2
    assert result["converged"] is False
    assert result["sectors"] == {"a": "influent", "b": "dependent", "c": "dependent"}
    assert result["indirect_sectors"] == {"a": "influent", "b": "autonomous", "c": "dependent"}


# The worked example of tests/analysis/test_micmac.py: its rankings settle at power 3, and its
# sums (Perron root about 2.5) pass float64's range (1.8e308) before power 800.
MICMAC_EXAMPLE = "v,A,B,C,D\nA,0,3,0,1\nB,0,0,2,3\nC,P,0,0,1\nD,0,1,1,0\n"


def test_micmac_power_1000_prints_finite_sums_and_the_converged_rankings(tmp_path):
    matrix = tmp_path / "m.csv"
    matrix.write_text(MICMAC_EXAMPLE, encoding="utf-8")

    settled = ordito("analyze", "micmac", matrix).json()
    run = ordito("analyze", "micmac", matrix, "--power", "1000")

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in the JSON")

    result = json.loads(run.stdout, parse_constant=refuse)
    assert (run.code, run.stderr) == (0, "")
    assert (settled["power"], settled["converged"]) == (3, True)
    assert (result["power"], result["converged"]) == (1000, True)
    sums = (
        "indirect_influence",
        "indirect_dependence",
        "potential_influence",
        "potential_dependence",
    )
    for name in sums:
        values = result[name]
        assert all(isinstance(value, float) and math.isfinite(value) for value in values.values())
        # Shown divided by 10**e, the largest between 1 and 10: 2.5^1000 is about 10^398.
        assert result["sum_exponents"][name] > 308
        assert 1 <= max(values.values()) < 10
    assert settled["sum_exponents"] == dict.fromkeys(sums, 0)
    # The rankings converged at power 3 (the potential ones are not part of that test).
    for name in sums[:2]:
        assert sorted(result[name], key=result[name].get) == sorted(
            settled[name], key=settled[name].get
        )
    assert result["rank_shift"] == settled["rank_shift"]
    assert result["indirect_sectors"] == settled["indirect_sectors"]


def test_mactor_three_actors_gives_godet_coefficients():
    # mid.csv: MID = [[0,2,1],[1,0,3],[0,1,0]] (A, B, C). MIDI_ij = MID_ij + Σk min(MID_ik, MID_kj):
    # MIDI = [[1,3,3],[1,2,4],[1,1,1]]; I = 6, 5, 2 and D = 2, 4, 7 (diagonal left out).
    # r_i = ((I_i − MIDI_ii) / ΣI) · I_i / (I_i + D_i) = 5/13·6/8, 3/13·5/9, 1/13·2/9
    #     = 0.288462, 0.128205, 0.017094; R* = 3 r / Σr = 1.995074, 0.886700, 0.118227.
    # positions.csv lists the actors as C, A, B: the rows are put back in MID's order, A: (2, -1),
    # B: (1, 3), C: (-4, 0). 3MAO = R* · positions; O1 agreement 2·1.995074 + 0.886700 = 4.876847,
    # disagreement −4·0.118227 = −0.472906. Convergence of order 2 between A and B on O1:
    # ½(2 + 1) = 1.5; divergence of order 2 between A and C on O1: ½(2 + 4) = 3. Implication
    # Σk |3MAO_ik| = R*_i Σk |position_ik|: A 1.995074·3 = 5.985222, B 0.886700·4 = 3.546798,
    # C 0.118227·4 = 0.472906.
    result = ordito("analyze", "mactor", DATA / "mid.csv", DATA / "positions.csv").json()

    assert result["actors"] == ["A", "B", "C"]
    assert result["objectives"] == ["O1", "O2"]
    assert result["midi"] == [[1, 3, 3], [1, 2, 4], [1, 1, 1]]
    assert result["influence"] == {"A": 6, "B": 5, "C": 2}
    assert result["dependence"] == {"A": 2, "B": 4, "C": 7}
    assert result["r_star"] == pytest.approx(
        {"A": 1.995074, "B": 0.886700, "C": 0.118227}, abs=1e-6
    )
    assert result["mao3"][0] == pytest.approx([3.990148, -1.995074], abs=1e-6)
    assert result["mobilisation"]["O1"] == pytest.approx(
        {"agreement": 4.876847, "disagreement": -0.472906}, abs=1e-6
    )
    assert result["convergence"]["2"][0][1] == 1.5
    assert result["divergence"]["2"][0][2] == 3
    assert result["r"] == pytest.approx({"A": 0.288462, "B": 0.128205, "C": 0.017094}, abs=1e-6)
    assert result["implication"] == pytest.approx(
        {"A": 5.985222, "B": 3.546798, "C": 0.472906}, abs=1e-6
    )


# decision.csv: cost (min) 10, 20, 15 and quality (max) 2, 4, 3 for X, Y, Z; weights 1 and 3,
# so 0.25 and 0.75. Min-max: cost (max − x)/(max − min) = 1, 0, 0.5, quality 0, 1, 0.5; the
# weighted sums are 0.25, 0.75, 0.5. TOPSIS (vector): both columns normalise to 0.371391,
# 0.742781, 0.557086 (in opposite directions), so the closeness is 0.25, 0.75 and, by symmetry,
# 0.5. PROMETHEE II (usual): π(Y,X) = π(Z,X) = π(Y,Z) = 0.75 and the reverse 0.25, so the net
# flows are (0.5 − 1.5)/2 = −0.5 for X, 0.5 for Y and 0 for Z.
@pytest.mark.parametrize(
    ("method", "scores"),
    [
        ("weighted_sum", {"X": 0.25, "Y": 0.75, "Z": 0.5}),
        ("topsis", {"X": 0.25, "Y": 0.75, "Z": 0.5}),
        ("promethee", {"X": -0.5, "Y": 0.5, "Z": 0.0}),
    ],
)
def test_mcda_decision_gives_hand_computed_scores(method, scores):
    result = ordito("analyze", "mcda", DATA / "decision.csv", "--method", method).json()

    assert result["alternatives"] == ["X", "Y", "Z"]
    assert result["scores"] == pytest.approx(scores, abs=1e-9)
    assert result["ranking"] == ["Y", "Z", "X"]


def test_mcda_promethee_reads_function_and_threshold_rows():
    # decision_promethee.csv: quality is linear with q = 0.5, p = 1.5, so a difference of 1 is
    # preferred (1 − 0.5)/(1.5 − 0.5) = 0.5 and of 2 fully. π(Y,X) = 0.75, π(Y,Z) = π(Z,X) =
    # 0.375, the cost side 0.25: φ+(X) = 0.25, φ−(X) = (0.75 + 0.375)/2 = 0.5625, net −0.3125.
    result = ordito(
        "analyze", "mcda", DATA / "decision_promethee.csv", "--method", "promethee"
    ).json()

    assert result["scores"] == pytest.approx({"X": -0.3125, "Y": 0.3125, "Z": 0.0})
    assert result["positive_flow"] == pytest.approx({"X": 0.25, "Y": 0.5625, "Z": 0.3125})
    assert result["negative_flow"] == pytest.approx({"X": 0.5625, "Y": 0.25, "Z": 0.3125})


def test_mcda_policies_compares_weight_sets_side_by_side():
    # policies.csv lists quality before cost: "economy" weighs only cost (min-max scores 1, 0,
    # 0.5), "excellence" only quality (0, 1, 0.5). Their rankings are reversed: tau = −1. X's
    # scores across the policies are 1 and 0: mean 0.5, population std 0.5; Z's 0.5 and 0.5.
    result = ordito(
        "analyze",
        "mcda",
        DATA / "decision.csv",
        "--method",
        "weighted_sum",
        "--policies",
        DATA / "policies.csv",
    ).json()

    assert result["scores"] == pytest.approx({"X": 0.25, "Y": 0.75, "Z": 0.5})
    assert result["policies"]["economy"]["scores"] == pytest.approx({"X": 1, "Y": 0, "Z": 0.5})
    assert result["policies"]["economy"]["ranking"] == ["X", "Z", "Y"]
    assert result["policies"]["excellence"]["ranking"] == ["Y", "Z", "X"]
    assert result["kendall_tau"]["economy"]["excellence"] == pytest.approx(-1)
    assert result["stability"]["X"] == pytest.approx({"mean": 0.5, "std": 0.5})
    assert result["stability"]["Z"] == pytest.approx({"mean": 0.5, "std": 0.0})


def test_ahp_consistent_matrix_with_fractions_gives_exact_weights():
    # pairwise.csv is consistent (a_ij = w_i / w_j for w = 6, 2, 1), written with fractions
    # ("1/3", "1/6", "1/2"): the weights are 6/9, 2/9, 1/9, λmax = 3 and CI = CR = 0.
    result = ordito("analyze", "ahp", DATA / "pairwise.csv").json()

    assert result["weights"] == pytest.approx({"cost": 6 / 9, "time": 2 / 9, "risk": 1 / 9})
    assert result["lambda_max"] == pytest.approx(3)
    assert result["ci"] == pytest.approx(0, abs=1e-9)
    assert result["cr"] == pytest.approx(0, abs=1e-9)


def test_smaa_dominant_alternative_is_always_first():
    # smaa.csv: A is cheaper and faster than B, so whatever the weights A is first: its rank
    # acceptabilities are [1, 0], B's [0, 1], A's confidence is 1, and B, never first, has no
    # central weights nor confidence. The file has no weight row: SMAA draws the weights.
    result = ordito("analyze", "smaa", DATA / "smaa.csv", "--samples", "500", "--seed", "3").json()

    assert result["alternatives"] == ["A", "B"]
    assert result["rank_acceptability"] == {"A": [1, 0], "B": [0, 1]}
    assert result["central_weights"]["B"] is None
    assert sum(result["central_weights"]["A"].values()) == pytest.approx(1)
    assert result["confidence"] == {"A": 1, "B": None}
    assert (result["samples"], result["seed"]) == (500, 3)


def test_cpm_four_tasks_gives_dates_floats_and_critical_path():
    # tasks.csv: A (3), B (2) and C (4) after A, D (1) after B and C ("B;C", quoted).
    # Forward: ES A 0, B 3, C 3, D 7; duration 8. Backward: LF D 8, B and C 7, A 3.
    # B's total float = 5 − 3 = 2 and its free float = ES(D) − EF(B) = 7 − 5 = 2.
    result = ordito("analyze", "cpm", DATA / "tasks.csv").json()

    assert result["duration"] == 8
    assert result["critical_path"] == ["A", "C", "D"]
    assert result["critical"] == ["A", "C", "D"]
    assert result["tasks"]["B"] == {
        "es": 3,
        "ef": 5,
        "ls": 5,
        "lf": 7,
        "total_float": 2,
        "free_float": 2,
    }
    assert result["tasks"]["D"]["es"] == 7


def test_network_roles_and_kinds_give_centralities_and_kind_share():
    # roles.csv: a1 and a2 share p1, a2 (twice, as promoter and funder) and a3 share p2, a3
    # alone runs p3. The projection is the path a1 – a2 – a3: degrees 1/2, 2/2, 1/2; a2 is on
    # the only a1–a3 path (betweenness 1); the eigenvector of the path is (1, √2, 1)/2. p2 has
    # 2 distinct actors. Public actors (a1, a3) are in all three projects, the private a2 in 2.
    # Modularity (2 edges): one community gives Q = 0, {a1, a2} and {a3} give
    # (1/2 − 9/16) − 1/16 = −1/8, singletons −3/8; so one community, and no actor has neighbours
    # in two communities: no broker.
    result = ordito(
        "analyze", "network", DATA / "roles.csv", "--actors", DATA / "actors.csv"
    ).json()

    actors = result["actors"]
    assert {name: actors[name]["degree"] for name in actors} == {"a1": 0.5, "a2": 1, "a3": 0.5}
    assert actors["a2"]["betweenness"] == pytest.approx(1)
    assert actors["a2"]["eigenvector"] == pytest.approx(2**-0.5)
    assert actors["a1"]["eigenvector"] == pytest.approx(0.5)
    assert result["projects"] == {"p1": {"actors": 2}, "p2": {"actors": 2}, "p3": {"actors": 1}}
    assert result["kind_share"] == pytest.approx({"public": 1, "private": 2 / 3})
    assert [sorted(group) for group in result["communities"]] == [["a1", "a2", "a3"]]
    assert result["brokers"] == []


def test_coherence_with_full_lists_finds_gaps_and_conflicts():
    # contributions.csv: P1 serves O1 (+2) and O2 with 0 (no service); P2 works against O1 (−1)
    # and O3 (−2). objectives.txt adds O4 and projects.txt P3, which appear nowhere.
    result = ordito(
        "analyze",
        "coherence",
        DATA / "contributions.csv",
        "--objectives",
        DATA / "objectives.txt",
        "--projects",
        DATA / "projects.txt",
    ).json()

    assert result == {
        "unserved_objectives": ["O2", "O4"],
        "projects_without_objectives": ["P3"],
        "negatively_served_objectives": ["O3"],
        "conflicts": [{"objective": "O1", "positive": ["P1"], "negative": ["P2"]}],
    }


def test_opinion_two_opposed_camps_make_two_groups():
    # votes.csv: p1–p4 agree with s1–s4 and disagree with s5–s8, p5–p8 the opposite; p9 votes
    # only 3 times, under the 7 votes a participant needs to be grouped. Each camp is represented
    # by what sets it apart: its agreements and its disagreements. No statement is shared by both
    # camps (no consensus) and every one splits them (all divisive).
    result = ordito("analyze", "opinion", DATA / "votes.csv", "--seed", "1").json()

    groups = sorted(sorted(group) for group in result["groups"])
    assert groups == [["p1", "p2", "p3", "p4"], ["p5", "p6", "p7", "p8"]]
    first_camp = {f"s{n}": "agree" for n in range(1, 5)} | {
        f"s{n}": "disagree" for n in range(5, 9)
    }
    second_camp = {
        name: {"agree": "disagree", "disagree": "agree"}[d] for name, d in first_camp.items()
    }
    represented = [
        {item["statement"]: item["direction"] for item in statements}
        for statements in result["representative"]
    ]
    first = next(i for i, group in enumerate(result["groups"]) if "p1" in group)
    assert represented[first] == first_camp
    assert represented[1 - first] == second_camp
    assert result["consensus"] == {"agree": [], "disagree": []}
    assert sorted(result["divisive"]) == [f"s{n}" for n in range(1, 9)]
    assert {f"p{n}" for n in range(1, 9)} <= set(result["coordinates"])
