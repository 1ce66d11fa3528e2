"""Tests of the actor-project network (ordito.analysis.network)."""

import json
import tracemalloc

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordito.analysis import network as network_module
from ordito.analysis.errors import AnalysisInputError
from ordito.analysis.network import actor_project_network

# A hand example: two triangles of partners joined by the city and the region, who share P2.
#   P1: city (promoter and funder), bank, school    P2: city, region
#   P3: region, coop, startup                       P4: coop, startup
# Projection: city-bank, city-school, bank-school, city-region, region-coop, region-startup
# (weight 1 each) and coop-startup (weight 2: they share P3 and P4).
PLAN_ROLES = [
    ("city", "P1"),
    ("city", "P1"),
    ("bank", "P1"),
    ("school", "P1"),
    ("city", "P2"),
    ("region", "P2"),
    ("region", "P3"),
    ("coop", "P3"),
    ("startup", "P3"),
    ("coop", "P4"),
    ("startup", "P4"),
]
PLAN_KINDS = {
    "city": "public",
    "region": "public",
    "school": "public",
    "bank": "private",
    "startup": "private",
    "coop": "third sector",
}


def projection_graph(edges) -> nx.Graph:
    """The weighted one-mode projection built pair by pair, as a reference for the library."""
    members: dict[str, set[str]] = {}
    graph = nx.Graph()
    for actor, project in edges:
        graph.add_node(actor)
        members.setdefault(project, set()).add(actor)
    for group in members.values():
        ordered = sorted(group)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                weight = graph.get_edge_data(a, b, {"weight": 0})["weight"]
                graph.add_edge(a, b, weight=weight + 1)
    return graph


def test_network_hand_example_gives_the_figures_worked_out_by_hand():
    result = actor_project_network(PLAN_ROLES, kinds=PLAN_KINDS)
    assert result.actors == ("city", "bank", "school", "region", "coop", "startup")
    # Degree: city and region have 3 partners of 5 other actors, everyone else 2.
    np.testing.assert_allclose(result.degree, [0.6, 0.4, 0.4, 0.6, 0.4, 0.4])
    # Betweenness: the 6 pairs {bank, school} x {region, coop, startup} all pass through the
    # city, the 6 pairs {city, bank, school} x {coop, startup} through the region; there are
    # 5 * 4 / 2 = 10 pairs of other actors.
    np.testing.assert_allclose(result.betweenness, [0.6, 0, 0, 0.6, 0, 0])
    assert result.communities == (("city", "bank", "school"), ("region", "coop", "startup"))
    assert result.community.tolist() == [0, 0, 0, 1, 1, 1]
    assert result.brokers == ("city", "region")
    assert result.project_actors.tolist() == [3, 2, 3, 2]
    # public: P1, P2, P3; private: P1, P3, P4; third sector: P3, P4.
    assert result.kinds == ("public", "private", "third sector")
    np.testing.assert_allclose(result.kind_share, [0.75, 0.75, 0.5])
    expected = nx.eigenvector_centrality_numpy(projection_graph(PLAN_ROLES), weight="weight")
    np.testing.assert_allclose(result.eigenvector, [expected[a] for a in result.actors])


def test_network_eigenvector_of_a_path_of_three_is_the_closed_form():
    # The path bank - city - school has eigenvalue sqrt(2) and eigenvector (1, sqrt(2), 1) / 2.
    result = actor_project_network(
        [("city", "p1"), ("bank", "p1"), ("city", "p2"), ("school", "p2")]
    )
    np.testing.assert_allclose(result.eigenvector, [np.sqrt(0.5), 0.5, 0.5])


def test_network_eigenvector_lives_on_the_dominant_component():
    # A triangle (spectral radius 2) and a pair (radius 1): the pair gets 0.
    edges = [("a", "p"), ("b", "p"), ("c", "p"), ("d", "q"), ("e", "q")]
    result = actor_project_network(edges)
    np.testing.assert_allclose(result.eigenvector, [3**-0.5] * 3 + [0, 0])


def test_network_eigenvector_shares_unit_length_between_tied_components():
    # Two identical pairs tie: each actor gets (1 / sqrt 2) / sqrt 2 = 1 / 2. An isolated actor
    # (radius 0) gets nothing.
    edges = [("a", "p"), ("b", "p"), ("c", "q"), ("d", "q"), ("e", "r")]
    result = actor_project_network(edges)
    np.testing.assert_allclose(result.eigenvector, [0.5, 0.5, 0.5, 0.5, 0])


def test_network_without_links_spreads_the_eigenvector_evenly():
    result = actor_project_network([("a", "p"), ("b", "q"), ("c", "r"), ("d", "s")])
    np.testing.assert_allclose(result.eigenvector, [0.5] * 4)
    np.testing.assert_allclose(result.degree, 0)
    assert result.communities == (("a",), ("b",), ("c",), ("d",))
    assert result.brokers == ()


def test_network_single_actor_has_zero_degree():
    result = actor_project_network([("a", "p"), ("a", "q")])
    assert result.degree.tolist() == [0.0]
    assert result.project_actors.tolist() == [1, 1]
    assert result.eigenvector.tolist() == [1.0]


def test_network_empty_edges_give_an_empty_result():
    result = actor_project_network([], kinds={})
    assert result.to_dict() == {
        "actors": {},
        "communities": [],
        "brokers": [],
        "projects": {},
        "kind_share": {},
    }


def random_edges(rng: np.random.Generator, actors: int, projects: int, roles: int):
    return [(f"a{rng.integers(actors)}", f"p{rng.integers(projects)}") for _ in range(roles)]


@pytest.mark.parametrize("trial", range(12))
def test_network_matches_networkx_on_random_networks(trial):
    rng = np.random.default_rng(trial)
    edges = random_edges(rng, 40, 12, 70)
    result = actor_project_network(edges)
    graph = projection_graph(edges)
    degree = nx.degree_centrality(graph)
    betweenness = nx.betweenness_centrality(graph)
    np.testing.assert_allclose(result.degree, [degree[a] for a in result.actors])
    np.testing.assert_allclose(result.betweenness, [betweenness[a] for a in result.actors])
    assert result.betweenness_sources == len(result.actors)
    if nx.is_connected(graph):
        expected = nx.eigenvector_centrality_numpy(graph, weight="weight")
        np.testing.assert_allclose(
            result.eigenvector, [expected[a] for a in result.actors], atol=1e-9
        )


@pytest.mark.parametrize("trial", range(5))
def test_network_eigenvector_matches_networkx_on_large_connected_networks(trial):
    # Large enough for ARPACK rather than the dense eigensolver.
    rng = np.random.default_rng(100 + trial)
    edges = random_edges(rng, 600, 120, 1500)
    graph = projection_graph(edges)
    giant = max(nx.connected_components(graph), key=len)
    edges = [(a, p) for a, p in edges if a in giant]
    result = actor_project_network(edges)
    expected = nx.eigenvector_centrality_numpy(projection_graph(edges), weight="weight")
    np.testing.assert_allclose(result.eigenvector, [expected[a] for a in result.actors], atol=1e-8)


def test_network_brokers_are_the_actors_reaching_two_communities():
    edges = random_edges(np.random.default_rng(3), 60, 20, 120)
    result = actor_project_network(edges)
    graph = projection_graph(edges)
    community = dict(zip(result.actors, result.community.tolist(), strict=True))
    expected = tuple(
        a for a in result.actors if len({community[b] for b in graph.neighbors(a)}) >= 2
    )
    assert result.brokers == expected


def test_network_communities_follow_louvain_modularity():
    # Three cliques of 8 actors (one project each) bridged by one project their first actors
    # share: Louvain finds the cliques, a strongly modular partition.
    edges = [(f"g{g}a{i}", f"P{g}") for g in range(3) for i in range(8)]
    edges += [("g0a0", "bridge"), ("g1a0", "bridge"), ("g2a0", "bridge")]
    result = actor_project_network(edges, seed=4)
    assert result.communities == tuple(tuple(f"g{g}a{i}" for i in range(8)) for g in range(3))
    graph = projection_graph(edges)
    modularity = nx.community.modularity(graph, [set(c) for c in result.communities])
    assert modularity > 0.5


def tree_edges(size: int, rng: np.random.Generator) -> list[tuple[str, str]]:
    """A random recursive tree of actors: each new actor shares a project with an earlier one."""
    parents = [int(rng.integers(i)) for i in range(1, size)]
    return [(f"a{i}", f"p{i}") for i in range(1, size)] + [
        (f"a{parent}", f"p{i}") for i, parent in enumerate(parents, start=1)
    ]


def tree_betweenness(size: int, edges) -> dict[str, float]:
    """Exact normalised betweenness in a tree: pairs split by each actor's branches."""
    graph = projection_graph(edges)
    result = {}
    for actor in graph:
        rest = graph.copy()
        rest.remove_node(actor)
        branches = np.array([len(c) for c in nx.connected_components(rest)], dtype=float)
        pairs = ((size - 1) ** 2 - (branches**2).sum()) / 2
        result[actor] = pairs / ((size - 1) * (size - 2) / 2)
    return result


def test_network_above_the_exact_limit_samples_seeded_pivots(monkeypatch):
    # The limit is lowered so the sampled estimate can be checked against the exact figures of
    # a 400-actor tree quickly; the code path is the one taken above 5,000 actors.
    monkeypatch.setattr(network_module, "EXACT_BETWEENNESS_LIMIT", 300)
    monkeypatch.setattr(network_module, "BETWEENNESS_PIVOTS", 200)
    edges = tree_edges(400, np.random.default_rng(5))
    result = actor_project_network(edges, seed=1)
    again = actor_project_network(edges, seed=1)
    other = actor_project_network(edges, seed=2)
    exact = tree_betweenness(400, edges)
    expected = np.array([exact[a] for a in result.actors])
    assert result.betweenness_sources == 200
    np.testing.assert_array_equal(result.betweenness, again.betweenness)
    assert not np.array_equal(result.betweenness, other.betweenness)
    # Half the actors are sources: every estimate is within 0.03 of the exact share, and the
    # three most central actors come out in the right order.
    assert np.abs(result.betweenness - expected).max() < 0.03
    assert np.argsort(-result.betweenness)[:3].tolist() == np.argsort(-expected)[:3].tolist()


def test_network_above_5000_actors_uses_1000_pivots():
    edges = tree_edges(5_050, np.random.default_rng(6))
    result = actor_project_network(edges)
    assert result.betweenness_sources == 1_000
    assert np.all(result.betweenness >= 0)
    leaves = result.degree * (len(result.actors) - 1) == 1
    assert np.all(result.betweenness[leaves] == 0)


def test_network_to_dict_has_the_command_line_keys_and_is_json():
    data = actor_project_network(PLAN_ROLES, kinds=PLAN_KINDS).to_dict()
    assert set(data) == {"actors", "communities", "brokers", "projects", "kind_share"}
    assert set(data["actors"]["city"]) == {"degree", "betweenness", "eigenvector", "community"}
    assert data["projects"] == {
        "P1": {"actors": 3},
        "P2": {"actors": 2},
        "P3": {"actors": 3},
        "P4": {"actors": 2},
    }
    assert data["kind_share"] == {"public": 0.75, "private": 0.75, "third sector": 0.5}
    assert json.loads(json.dumps(data)) == data
    assert "kind_share" not in actor_project_network(PLAN_ROLES).to_dict()


@pytest.mark.parametrize(
    ("edges", "kinds", "seed", "argument", "message"),
    [
        ("ab", None, 0, "edges", "list of \\(actor, project\\) pairs, got str"),
        ({("a", "p")}, None, 0, "edges", "got set"),
        ([("a", "p"), ("a",)], None, 0, "edges", "pair at position 1"),
        ([("a", "p"), "ap"], None, 0, "edges", "pair at position 1"),
        ([("a", "p", "x")], None, 0, "edges", "pair at position 0"),
        ([("", "p")], None, 0, "edges", "non-empty actor and project ids at position 0"),
        (
            [("a", "p"), ("b", None)],
            None,
            0,
            "edges",
            "non-empty actor and project ids at position 1",
        ),
        ([("a", "p"), ("b", "p")], {"a": "public"}, 0, "kinds", "actor 'b' holds a role"),
        ([("a", "p")], {"a": " "}, 0, "kinds", "non-empty kind for actor 'a'"),
        ([("a", "p")], {"a": None}, 0, "kinds", "non-empty kind for actor 'a'"),
        ([("a", "p")], [("a", "public")], 0, "kinds", "got list"),
        ([("a", "p")], None, -1, "seed", "integer >= 0, got -1"),
        ([("a", "p")], None, 1.5, "seed", "got 1.5"),
        ([("a", "p")], None, True, "seed", "got True"),
    ],
)
def test_network_bad_input_is_refused_naming_the_argument(edges, kinds, seed, argument, message):
    with pytest.raises(AnalysisInputError, match=message) as caught:
        actor_project_network(edges, kinds=kinds, seed=seed)
    assert caught.value.argument == argument


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("abcdefghij"), st.sampled_from(["p1", "p2", "p3", "p4"])),
        min_size=1,
        max_size=25,
    ),
    st.integers(min_value=0, max_value=3),
)
def test_network_measures_stay_in_their_ranges(edges, seed):
    result = actor_project_network(edges, seed=seed)
    assert np.all((result.degree >= 0) & (result.degree <= 1))
    assert np.all((result.betweenness >= -1e-12) & (result.betweenness <= 1 + 1e-12))
    assert np.all(result.eigenvector >= 0)
    assert np.linalg.norm(result.eigenvector) == pytest.approx(1.0)
    members = sorted(actor for group in result.communities for actor in group)
    assert members == sorted(result.actors)
    assert result.to_dict() == actor_project_network(edges, seed=seed).to_dict()


# The measures come from the actor-project graph without building the projection (issue 8):
# they must equal the projection's figures, including when actors share several projects (a
# path of actors counts once, whatever the number of projects linking its steps).
@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 11), st.integers(0, 4)),
        min_size=1,
        max_size=40,
    )
)
def test_network_equals_the_projection_reference_on_shared_projects(pairs):
    edges = [(f"a{actor}", f"p{project}") for actor, project in pairs]
    # With no link allowed in the projection, every measure goes through the projects.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(network_module, "PROJECTION_LINK_LIMIT", -1)
        result = actor_project_network(edges)
    graph = projection_graph(edges)
    if len(graph) == 1:  # networkx gives a lone actor degree 1, Ordito 0 (no other actor)
        assert result.degree.tolist() == [0.0]
        return
    degree = nx.degree_centrality(graph)
    betweenness = nx.betweenness_centrality(graph)
    np.testing.assert_allclose(result.degree, [degree[a] for a in result.actors], atol=1e-12)
    np.testing.assert_allclose(
        result.betweenness, [betweenness[a] for a in result.actors], atol=1e-9
    )
    if nx.is_connected(graph) and len(graph) > 2:
        expected = nx.eigenvector_centrality_numpy(graph, weight="weight")
        np.testing.assert_allclose(
            result.eigenvector, [expected[a] for a in result.actors], atol=1e-9
        )
    community = dict(zip(result.actors, result.community.tolist(), strict=True))
    brokers = tuple(
        a for a in result.actors if len({community[b] for b in graph.neighbors(a)}) >= 2
    )
    assert result.brokers == brokers


def test_network_betweenness_counts_a_path_once_however_many_projects_link_it(monkeypatch):
    # s and a share two projects, every other linked pair one: the paths s-a-t and s-b-t are
    # two paths of actors, so a and b each carry half of the pair (s, t): 0.5 / 6 pairs of other
    # actors... each (n = 4, (n - 1)(n - 2) / 2 = 3 pairs without the actor; normalised 1/6).
    edges = [("s", "P"), ("a", "P"), ("s", "Q"), ("a", "Q"), ("a", "R"), ("t", "R")]
    edges += [("s", "S"), ("b", "S"), ("b", "T"), ("t", "T")]
    monkeypatch.setattr(network_module, "PROJECTION_LINK_LIMIT", -1)
    result = actor_project_network(edges)
    expected = nx.betweenness_centrality(projection_graph(edges))
    np.testing.assert_allclose(result.betweenness, [expected[a] for a in result.actors])
    assert result.betweenness[result.actors.index("a")] == pytest.approx(0.5 / 3)


def test_network_project_of_2000_actors_needs_memory_linear_in_the_roles():
    # The projection of one project of 2,000 actors has 2 million links (tens of MB in scipy,
    # about 1 GB in networkx); the actor-project graph has 2,000. Measured by tracemalloc,
    # which sees numpy's arrays and Python's objects alike.
    edges = [(f"a{i}", "P") for i in range(2_000)] + [("a0", "Q"), ("outsider", "Q")]
    tracemalloc.start()
    try:
        result = actor_project_network(edges)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 40 * 2**20, f"peak {peak / 2**20:.0f} MiB"
    # a0 alone links the outsider to the 1,999 others: it lies on all 1,999 of the pairs'
    # shortest paths out of (2,000 × 1,999) / 2 pairs of other actors.
    assert result.betweenness[0] == pytest.approx(1_999 / (2_000 * 1_999 / 2))
    assert result.degree.tolist()[:2] == [1.0, 1_999 / 2_000]
    assert result.communities[0][0] == "a0"


def test_network_above_the_link_limit_finds_communities_on_the_actor_project_graph(
    monkeypatch,
):
    # Three cliques of 8 joined by a bridge project: 87 links. With the limit below that,
    # Louvain runs on the actor-project graph: the cliques' other members stay apart (the
    # bridge's three actors may form a group of their own there), and the brokers follow the
    # communities found, by their definition on the projection.
    edges = [(f"g{g}a{i}", f"P{g}") for g in range(3) for i in range(8)]
    edges += [("g0a0", "bridge"), ("g1a0", "bridge"), ("g2a0", "bridge")]
    monkeypatch.setattr(network_module, "PROJECTION_LINK_LIMIT", 50)
    result = actor_project_network(edges, seed=4)
    community = dict(zip(result.actors, result.community.tolist(), strict=True))
    groups = [{community[f"g{g}a{i}"] for i in range(1, 8)} for g in range(3)]
    assert all(len(group) == 1 for group in groups)
    assert len(set.union(*groups)) == 3
    graph = projection_graph(edges)
    assert result.brokers == tuple(
        a for a in result.actors if len({community[b] for b in graph.neighbors(a)}) >= 2
    )
