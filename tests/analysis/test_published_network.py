"""The actor network on a published one-mode example: Krackhardt's kite.

Our network is two-mode (actors on projects). A published one-mode graph becomes input by making
each of its edges a project of exactly two actors: the actors' projection is then the graph itself,
every link of weight 1, so the unweighted measures (degree, betweenness) are those of the graph.
"""

import networkx as nx
import numpy as np
import pytest

from ordito.analysis.network import actor_project_network

# Krackhardt's kite, as networkx ships it (nx.krackhardt_kite_graph(), a dev dependency): 10
# members and 18 ties, numbered 0-9 as in the figure of the Wikipedia article; the names are
# Krackhardt's (Andre ... Jane), networkx's node order.
KITE_MEMBERS = [
    "Andre",
    "Beverly",
    "Carol",
    "Diane",
    "Ed",
    "Fernando",
    "Garth",
    "Heather",
    "Ike",
    "Jane",
]


def kite_roles() -> list[tuple[str, str]]:
    """One two-actor project per tie of the kite."""
    graph = nx.krackhardt_kite_graph()
    roles = []
    for number, (left, right) in enumerate(sorted(graph.edges())):
        project = f"tie{number}"
        roles += [(KITE_MEMBERS[left], project), (KITE_MEMBERS[right], project)]
    return roles


def test_network_krackhardt_kite_has_the_published_degree_and_betweenness_leaders():
    """Krackhardt (1990) drew the kite so that the most central member differs by measure.

    Source: Wikipedia, "Krackhardt kite graph" (read in its mirrors newikis.com and wikimili.com,
    which give the same text): the kite has 10 vertices and 18 edges; "the vertex with maximum
    degree (labeled 3 in the figure, with degree 6), the vertex with maximum betweenness
    centrality (labeled 7), and the two vertices with maximum closeness centrality (labeled 5 and
    6) are all different from each other". Vertex 3 is Diane, 7 is Heather (networkx's numbering,
    which matches the figure's: 5 and 6, Fernando and Garth, are indeed the closeness leaders).
    Closeness is not a measure Ordito computes, so only degree and betweenness are checked.
    """
    graph = nx.krackhardt_kite_graph()
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (10, 18)  # as published

    result = actor_project_network(kite_roles())
    by_member = dict(zip(result.actors, range(len(result.actors)), strict=True))
    degree = {member: result.degree[by_member[member]] for member in KITE_MEMBERS}
    betweenness = {member: result.betweenness[by_member[member]] for member in KITE_MEMBERS}

    # Degree 6 of n - 1 = 9 others, and no one else as high.
    assert degree["Diane"] == pytest.approx(6 / 9, abs=1e-12)
    assert max(value for member, value in degree.items() if member != "Diane") < 6 / 9
    # Heather is the unique betweenness leader, and is not the degree leader.
    leader = max(betweenness, key=betweenness.get)
    assert leader == "Heather"
    assert sorted(betweenness.values())[-2] < betweenness["Heather"]


def test_network_kite_as_two_actor_projects_projects_back_to_the_kite():
    """The encoding itself: every tie is a project of two actors, nothing more."""
    result = actor_project_network(kite_roles())
    assert len(result.projects) == 18
    np.testing.assert_array_equal(result.project_actors, np.full(18, 2))
    assert sorted(result.actors) == sorted(KITE_MEMBERS)
