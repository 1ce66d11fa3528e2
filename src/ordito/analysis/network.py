"""The two-mode network of actors and projects, and the actors' one-mode projection.

Actors are linked when they share a project, weighted by the number of projects they share
(Breiger 1974: the projection is W = B·Bᵀ of the actor × project incidence matrix B, off its
diagonal). A project of k actors makes a clique of k(k - 1)/2 links in W, so W itself is built
only when it is small (at most `PROJECTION_LINK_LIMIT` links); every measure but Louvain is
computed from B, in memory linear in the number of roles plus the pairs of actors that share
two projects or more, and gives the same figures as W (issue 8):

- the number of neighbours of each actor, by rows of B·Bᵀ taken a block at a time;
- the strengths (W's row sums) as B(Bᵀ1) - c and W·x as B(Bᵀx) - c∘x, c the number of projects
  of each actor, so that ARPACK never sees W;
- above `PROJECTION_LINK_LIMIT` links, shortest paths by breadth-first search on the
  actor-project graph, one actor hop being two steps (below it, on W, which is faster); a path of actors counts once however many projects two consecutive actors share, so
  the counts coming through projects are corrected by the sparse excess X = (W - 1)⁺ over the
  pairs that share two projects or more.

Per actor:

- degree: the number of other actors it shares a project with, divided by n - 1 (0 when n = 1);
- betweenness: unweighted, normalised by (n - 1)(n - 2), the share of the pairs of other actors
  whose shortest paths run through it (Freeman 1977), computed with Brandes' (2001) algorithm
  from every actor up to 5,000 actors; above that from 1,000 pivots drawn with the seed, scaled
  by n / 1,000 (Brandes and Pich 2007);
- eigenvector: the Perron eigenvector of the weighted projection (Bonacich 1972), non-negative,
  of unit Euclidean length. When the projection is disconnected, the leading eigenvector lives on
  the component(s) with the largest spectral radius and is 0 elsewhere, as the definition (and
  networkx, on a unique dominant component) gives; when several components tie for it, each gets
  its own Perron vector scaled by 1/sqrt(number tied), so the result stays deterministic;
- community: Louvain modularity optimisation on the weighted projection (Blondel et al. 2008,
  networkx's implementation with the seed), numbered in the order of each community's first
  actor in input order. Louvain needs the links themselves, held as Python objects (about half
  a kilobyte each), so above `PROJECTION_LINK_LIMIT` links it runs on the actor-project graph
  instead (each project a node linked to its actors, as many links as distinct roles), and an
  actor's community is that of its node there: the same method on a graph as large as the
  input, rather than a projection that cannot be held in memory.

Brokers are the actors whose neighbours belong to at least two distinct communities (their own
community counts like any other). A project's `actors` counts distinct actors, whatever roles
they hold; `kind_share` is, per kind, the share of projects with at least one actor of that kind.

References
----------
Blondel, V. D., Guillaume, J.-L., Lambiotte, R. and Lefebvre, E. (2008). Fast unfolding of
communities in large networks. Journal of Statistical Mechanics, P10008.
Bonacich, P. (1972). Factoring and weighting approaches to status scores and clique
identification. Journal of Mathematical Sociology 2(1), 113-120.
Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of Mathematical
Sociology 25(2), 163-177.
Brandes, U. and Pich, C. (2007). Centrality estimation in large networks. International Journal
of Bifurcation and Chaos 17(7), 2303-2318.
Breiger, R. L. (1974). The duality of persons and groups. Social Forces 53(2), 181-190.
Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry 40(1),
35-41.
Krackhardt, D. (1990). Assessing the political landscape: structure, cognition, and power in
organizations. Administrative Science Quarterly 35(2), 342-369 (the kite used in the tests).
"""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np
from scipy.sparse import block_array as sparse_block
from scipy.sparse import csr_array
from scipy.sparse.csgraph import breadth_first_order, connected_components
from scipy.sparse.linalg import LinearOperator, eigsh

from ordito.analysis.arrays import frozen
from ordito.analysis.errors import AnalysisInputError

# Betweenness is exact up to this many actors; above it, computed from BETWEENNESS_PIVOTS actors.
EXACT_BETWEENNESS_LIMIT = 5_000
BETWEENNESS_PIVOTS = 1_000
# Components whose leading eigenvalues differ by less than this (relative) are tied.
EIGENVALUE_TOLERANCE = 1e-9
# Components up to this size get a dense eigendecomposition; larger ones ARPACK's.
DENSE_EIGEN_LIMIT = 300
# Above this many links the projection is not built, and Louvain runs on the actor-project
# graph: networkx holds a link in about 500 bytes, so this bounds Louvain to a few hundred MB.
PROJECTION_LINK_LIMIT = 500_000
# Rows of B·Bᵀ are computed in blocks of at most about this many entries: with scipy's copies,
# some 30 MB at a time.
PRODUCT_BLOCK_ENTRIES = 1 << 20


@dataclass(frozen=True, slots=True)
class NetworkResult:
    """Actors in order of first appearance in the edges, projects likewise."""

    actors: tuple[str, ...]
    projects: tuple[str, ...]
    degree: np.ndarray
    betweenness: np.ndarray
    eigenvector: np.ndarray
    community: np.ndarray  # index into `communities`
    communities: tuple[tuple[str, ...], ...]
    brokers: tuple[str, ...]
    project_actors: np.ndarray  # distinct actors per project
    kinds: tuple[str, ...] | None  # in order of first appearance in the `kinds` mapping
    kind_share: np.ndarray | None  # per kind, share of projects with an actor of that kind
    betweenness_sources: int  # actors the shortest paths were counted from (all when exact)

    def to_dict(self) -> dict:
        """The JSON object of ``ordito analyze network``."""
        columns = zip(
            self.actors,
            self.degree.tolist(),
            self.betweenness.tolist(),
            self.eigenvector.tolist(),
            self.community.tolist(),
            strict=True,
        )
        result: dict = {
            "actors": {
                actor: {"degree": d, "betweenness": b, "eigenvector": e, "community": c}
                for actor, d, b, e, c in columns
            },
            "communities": [list(members) for members in self.communities],
            "brokers": list(self.brokers),
            "projects": {
                project: {"actors": count}
                for project, count in zip(self.projects, self.project_actors.tolist(), strict=True)
            },
        }
        if self.kinds is not None and self.kind_share is not None:
            result["kind_share"] = dict(zip(self.kinds, self.kind_share.tolist(), strict=True))
        return result


def actor_project_network(
    edges: Sequence[tuple[str, str]],
    *,
    kinds: Mapping[str, str] | None = None,
    seed: int = 0,
) -> NetworkResult:
    """Centralities, communities and brokers of the actors' co-project network.

    Parameters
    ----------
    edges : sequence of (actor_id, project_id)
        One pair per role; an actor may hold several roles on one project.
    kinds : mapping of actor_id to kind, optional
        Every actor of `edges` needs a kind; actors without a role are ignored.
    seed : int
        Seeds Louvain and, above 5,000 actors, the betweenness pivots.

    Returns
    -------
    NetworkResult

    Raises
    ------
    AnalysisInputError
        An edge that is not a pair of non-empty ids, an actor without a kind, an empty kind, or a
        seed that is not a non-negative integer.

    Examples
    --------
    >>> result = actor_project_network([("city", "p1"), ("bank", "p1"), ("city", "p2"),
    ...                                 ("school", "p2")])
    >>> result.actors, result.degree.tolist(), result.betweenness.tolist()
    (('city', 'bank', 'school'), [1.0, 0.5, 0.5], [1.0, 0.0, 0.0])
    """
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise AnalysisInputError(f"seed: expected an integer >= 0, got {seed!r}.", argument="seed")
    actors, projects, actor_of, project_of = _incidence(edges)
    n = len(actors)
    incidence = csr_array(
        (np.ones(actor_of.size), (actor_of, project_of)), shape=(n, len(projects))
    )
    incidence.sum_duplicates()
    incidence.data[:] = 1.0  # an actor with several roles on a project is on it once
    kind_names, kind_share = _kind_share(kinds, actors, incidence)
    neighbours, excess = _pairs(incidence)
    rng = np.random.default_rng(seed)
    if int(neighbours.sum()) // 2 <= PROJECTION_LINK_LIMIT:
        projection = _projection(incidence)
        community, communities = _communities(n, projection, incidence, seed)
        betweenness, sources = _projected_betweenness(projection, rng)
    else:
        community, communities = _communities(n, None, incidence, seed)
        betweenness, sources = _betweenness(incidence, excess, rng)
    return NetworkResult(
        actors=actors,
        projects=projects,
        degree=frozen(neighbours / (n - 1) if n > 1 else np.zeros(n)),
        betweenness=frozen(betweenness),
        eigenvector=frozen(_eigenvector(incidence)),
        community=frozen(community),
        communities=tuple(tuple(actors[i] for i in members) for members in communities),
        brokers=tuple(actors[i] for i in np.flatnonzero(_brokers(incidence, community))),
        project_actors=frozen(np.diff(incidence.tocsc().indptr)),
        kinds=kind_names,
        kind_share=None if kind_share is None else frozen(kind_share),
        betweenness_sources=sources,
    )


def _incidence(
    edges: Sequence[tuple[str, str]],
) -> tuple[tuple[str, ...], tuple[str, ...], np.ndarray, np.ndarray]:
    """Actor and project ids in order of first appearance, and each edge's two indices."""
    if isinstance(edges, str | bytes) or not isinstance(edges, Sequence):
        raise AnalysisInputError(
            f"edges: expected a list of (actor, project) pairs, got {type(edges).__name__}.",
            argument="edges",
        )
    actors: dict[str, int] = {}
    projects: dict[str, int] = {}
    actor_of = np.empty(len(edges), dtype=np.int64)
    project_of = np.empty(len(edges), dtype=np.int64)
    for position, pair in enumerate(edges):
        if isinstance(pair, str | bytes) or not isinstance(pair, Sequence) or len(pair) != 2:
            raise AnalysisInputError(
                f"edges: expected an (actor, project) pair at position {position}, "
                f"got {pair!r:.60}.",
                argument="edges",
                position=(position,),
            )
        actor, project = ("" if part is None else str(part) for part in pair)
        if not actor or not project:
            raise AnalysisInputError(
                f"edges: expected non-empty actor and project ids at position {position}, "
                f"got {pair!r:.60}.",
                argument="edges",
                position=(position,),
            )
        actor_of[position] = actors.setdefault(actor, len(actors))
        project_of[position] = projects.setdefault(project, len(projects))
    return tuple(actors), tuple(projects), actor_of, project_of


def _projection(incidence: csr_array) -> csr_array:
    """W = B·Bᵀ off its diagonal: only called when it has at most PROJECTION_LINK_LIMIT links."""
    projection = (incidence @ incidence.T).tocsr()
    projection.setdiag(0)
    projection.eliminate_zeros()
    return projection


def _row_blocks(incidence: csr_array) -> Iterator[slice]:
    """Runs of actors whose rows of B·Bᵀ hold about PRODUCT_BLOCK_ENTRIES entries at most.

    Row i of B·Bᵀ has at most (B·s)_i entries, s the projects' sizes, so a block's product is
    bounded before it is computed (an actor alone may exceed the budget: it gets its own block).
    """
    sizes = np.asarray(incidence.sum(axis=0)).ravel()
    bound = np.cumsum(incidence @ sizes)
    start, n = 0, incidence.shape[0]
    while start < n:
        before = bound[start - 1] if start else 0.0
        stop = max(start + 1, int(np.searchsorted(bound, before + PRODUCT_BLOCK_ENTRIES, "right")))
        yield slice(start, min(stop, n))
        start = stop


def _pairs(incidence: csr_array) -> tuple[np.ndarray, csr_array]:
    """Each actor's number of neighbours, and the excess X = (W - 1)⁺ of the pairs sharing two
    projects or more, from rows of B·Bᵀ computed a block at a time and never kept."""
    n = incidence.shape[0]
    neighbours = np.zeros(n, dtype=np.int64)
    rows, columns, values = [], [], []
    transposed = incidence.T.tocsc()
    for block in _row_blocks(incidence):
        product = (incidence[block] @ transposed).tocsr()
        # The diagonal (each actor with itself) is always there: every actor holds a role.
        neighbours[block] = np.diff(product.indptr) - 1
        shared = np.flatnonzero(product.data >= 2)  # rarely many: kept apart from the rest
        if shared.size:
            row = np.repeat(np.arange(block.start, block.stop), np.diff(product.indptr))[shared]
            column = product.indices[shared]
            off = row != column
            rows.append(row[off])
            columns.append(column[off])
            values.append(product.data[shared][off] - 1.0)
    if not rows:
        return neighbours, csr_array((n, n))
    excess = csr_array(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(columns))), shape=(n, n)
    )
    return neighbours, excess


def _communities(
    n: int, projection: csr_array | None, incidence: csr_array, seed: int
) -> tuple[np.ndarray, list[list[int]]]:
    """Louvain communities, numbered by their first actor; each actor's community number.

    On the weighted projection when it is given (up to PROJECTION_LINK_LIMIT links), else on
    the actor-project graph (see the module docstring).
    """
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    if projection is not None:
        upper = projection.tocoo()
        keep = upper.row < upper.col
        graph.add_weighted_edges_from(
            zip(
                upper.row[keep].tolist(),
                upper.col[keep].tolist(),
                upper.data[keep].tolist(),
                strict=True,
            )
        )
    else:
        roles = incidence.tocoo()
        graph.add_edges_from(zip(roles.row.tolist(), (roles.col + n).tolist(), strict=True))
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    groups = (sorted(node for node in group if node < n) for group in found)
    members = sorted(group for group in groups if group)
    community = np.empty(n, dtype=np.int64)
    for number, group in enumerate(members):
        community[group] = number
    return community, members


def _betweenness(
    incidence: csr_array, excess: csr_array, rng: np.random.Generator
) -> tuple[np.ndarray, int]:
    """Normalised betweenness (see the module docstring) and the number of sources used,
    through projects, in memory linear in the roles."""
    n = incidence.shape[0]
    if n <= 2:
        return np.zeros(n), n
    if n <= EXACT_BETWEENNESS_LIMIT:
        sources = np.arange(n)
    else:
        sources = np.sort(rng.choice(n, size=BETWEENNESS_PIVOTS, replace=False))
    walk = _ActorWalk(incidence, excess)
    total = np.zeros(n)
    for source in sources.tolist():
        total += walk.dependencies(source)
    scale = (n / sources.size) / ((n - 1) * (n - 2))
    return total * scale, int(sources.size)


class _ActorWalk:
    """Brandes' (2001) shortest-path counts and dependencies, by actor hops through projects.

    One actor hop is actor -> project -> actor. Summed through projects, the path counts of the
    actors one level up reach an actor once per project it shares with each of them; the excess
    X removes the extra times, so each path of actors counts once, as in the projection.
    """

    def __init__(self, incidence: csr_array, excess: csr_array):
        self._down = incidence  # projects -> actors
        self._up = incidence.T.tocsr()  # actors -> projects
        self._excess = excess
        self._size = incidence.shape[0]

    def _through(self, values: np.ndarray) -> np.ndarray:
        """B(Bᵀ·values) - X·values: W·values, plus c∘values on the actors holding values.

        Callers hold values on one level and read another, so that diagonal share is never read.
        """
        return self._down @ (self._up @ values) - self._excess @ values

    def dependencies(self, source: int) -> np.ndarray:
        """The dependency of `source` on every actor (0 for itself and the unreached)."""
        n = self._size
        depth = np.full(n, -1, dtype=np.int64)
        paths = np.zeros(n)
        depth[source] = 0
        paths[source] = 1.0
        levels = [np.array([source])]
        while True:
            front = np.zeros(n)
            front[levels[-1]] = paths[levels[-1]]
            counts = self._through(front)
            # Actors of earlier levels may get counts too; only the unreached ones are next.
            # Counts are sums and differences of whole numbers: exact, and 0 off the neighbours.
            reached = np.flatnonzero((counts > 0) & (depth < 0))
            if reached.size == 0:
                break
            depth[reached] = len(levels)
            paths[reached] = counts[reached]
            levels.append(reached)
        dependency = np.zeros(n)
        for level in range(len(levels) - 2, -1, -1):
            below = levels[level + 1]
            share = np.zeros(n)
            share[below] = (1.0 + dependency[below]) / paths[below]
            here = levels[level]
            dependency[here] = paths[here] * self._through(share)[here]
        dependency[source] = 0.0
        return dependency


def _projected_betweenness(
    projection: csr_array, rng: np.random.Generator
) -> tuple[np.ndarray, int]:
    """Betweenness on the projection itself: faster while it is small (PROJECTION_LINK_LIMIT)."""
    n = projection.shape[0]
    if n <= 2:
        return np.zeros(n), n
    if n <= EXACT_BETWEENNESS_LIMIT:
        sources = np.arange(n)
    else:
        sources = np.sort(rng.choice(n, size=BETWEENNESS_PIVOTS, replace=False))
    tails = np.repeat(np.arange(n), np.diff(projection.indptr))
    heads = projection.indices
    total = np.zeros(n)
    for source in sources.tolist():
        order, starts = _search(projection, source)
        total[order] += _dependencies(order, starts, tails, heads, n)
    scale = (n / sources.size) / ((n - 1) * (n - 2))
    return total * scale, int(sources.size)


def _search(projection: csr_array, source: int) -> tuple[np.ndarray, np.ndarray]:
    """The actors reachable from `source` in breadth-first order, and where each level starts.

    A breadth-first order (scipy's) lists the actors level by level, and an actor's parent comes
    earlier in it than the parent of any actor listed later; so the parents' positions never
    decrease, and each level is the run of actors whose parents lie in the level before it. The
    last start is the number of actors reached.
    """
    order, parent = breadth_first_order(projection, source, return_predecessors=True)
    position = np.empty(projection.shape[0], dtype=np.int64)
    position[order] = np.arange(order.size)
    parent_position = position[parent[order[1:]]]
    starts = [0]
    end = 1
    while end < order.size:
        starts.append(end)
        end = 1 + int(np.searchsorted(parent_position, end))
    starts.append(order.size)
    return order, np.array(starts)


def _dependencies(
    order: np.ndarray, starts: np.ndarray, tails: np.ndarray, heads: np.ndarray, actors: int
) -> np.ndarray:
    """Brandes' dependencies on the reached actors, by breadth-first position, level by level.

    Positions keep every level contiguous, so each level's path counts and dependencies are one
    bincount over that level's edges and actors only.
    """
    reached, levels = order.size, starts.size - 1
    position = np.full(actors, -1, dtype=np.int64)
    position[order] = np.arange(reached)
    depth = np.full(actors, -1, dtype=np.int64)
    depth[order] = np.repeat(np.arange(levels), np.diff(starts))
    # Shortest-path edges go one level down; unreached actors (depth -1) never qualify, since
    # the only actor at depth 0 is the source and all its neighbours are reached.
    on_dag = depth[heads] == depth[tails] + 1
    level = depth[tails[on_dag]]
    # Levels are small integers: a stable sort on 16 bits is a radix sort.
    by_level = np.argsort(level.astype(np.uint16 if levels <= 2**16 else np.int64), kind="stable")
    up = position[tails[on_dag]][by_level]
    down = position[heads[on_dag]][by_level]
    edge_starts = np.searchsorted(level[by_level], np.arange(levels))
    edge_starts = np.append(edge_starts, up.size)
    paths = np.zeros(reached)
    paths[0] = 1.0
    for current in range(levels - 1):
        edges = slice(edge_starts[current], edge_starts[current + 1])
        first, last = starts[current + 1], starts[current + 2]
        paths[first:last] = np.bincount(
            down[edges] - first, weights=paths[up[edges]], minlength=last - first
        )
    dependency = np.zeros(reached)
    for current in range(levels - 2, -1, -1):
        edges = slice(edge_starts[current], edge_starts[current + 1])
        first, last = starts[current], starts[current + 1]
        below = down[edges]
        share = paths[up[edges]] / paths[below] * (1.0 + dependency[below])
        dependency[first:last] = np.bincount(
            up[edges] - first, weights=share, minlength=last - first
        )
    dependency[0] = 0.0  # the source itself
    return dependency


def _eigenvector(incidence: csr_array) -> np.ndarray:
    """Perron vector of the weighted projection, per the module docstring's rule."""
    n = incidence.shape[0]
    if n == 0:
        return np.zeros(0)
    # Actors are connected in W when they are in the actor-project graph; listing the actors
    # first numbers the components by their first actor, as on W.
    bipartite = sparse_block([[None, incidence], [incidence.T, None]], format="csr")
    label = connected_components(bipartite, directed=False)[1][:n]
    count = int(label.max()) + 1
    own = np.asarray(incidence.sum(axis=1)).ravel()  # c: the diagonal of B·Bᵀ
    sizes = np.asarray(incidence.sum(axis=0)).ravel()
    strength = incidence @ sizes - own  # W's row sums, B(Bᵀ1) - c
    # A component's spectral radius is at most its largest weighted degree: components whose
    # bound falls below the best radius found so far cannot lead, and are never decomposed.
    bound = np.zeros(count)
    np.maximum.at(bound, label, strength)
    leaders: dict[int, tuple[float, np.ndarray]] = {}
    best = -np.inf
    for component in np.argsort(-bound, kind="stable").tolist():
        if bound[component] < best - EIGENVALUE_TOLERANCE * max(1.0, best):
            break
        members = np.flatnonzero(label == component)
        radius, vector = _perron(incidence[members], own[members])
        leaders[component] = (radius, vector)
        best = max(best, radius)
    tied = [c for c, (r, _) in leaders.items() if r >= best - EIGENVALUE_TOLERANCE * max(1.0, best)]
    result = np.zeros(n)
    for component in tied:
        result[label == component] = leaders[component][1] / np.sqrt(len(tied))
    return result


def _perron(incidence: csr_array, own: np.ndarray) -> tuple[float, np.ndarray]:
    """Largest eigenvalue of a connected component's W and its non-negative unit eigenvector.

    `incidence` holds the component's rows of B and `own` their diagonal entries of B·Bᵀ.
    """
    size = incidence.shape[0]
    if size == 1:
        return 0.0, np.ones(1)
    if size <= DENSE_EIGEN_LIMIT:
        matrix = (incidence @ incidence.T).toarray()
        np.fill_diagonal(matrix, 0.0)
        values, vectors = np.linalg.eigh(matrix)
        radius, vector = values[-1], vectors[:, -1]
    else:
        transposed = incidence.T.tocsr()
        operator = LinearOperator(
            (size, size), matvec=lambda x: incidence @ (transposed @ x) - own * x, dtype=float
        )
        # A fixed start vector keeps ARPACK deterministic.
        values, vectors = eigsh(operator, k=1, which="LA", v0=np.full(size, size**-0.5))
        radius, vector = values[0], vectors[:, 0]
    vector = np.abs(vector)  # the Perron vector has one sign; abs also clears -0.0 and rounding
    return float(radius), vector / np.linalg.norm(vector)


def _brokers(incidence: csr_array, community: np.ndarray) -> np.ndarray:
    """Whether each actor's neighbours fall in at least two distinct communities.

    Through projects: an actor reaches a community as many times as its projects hold members
    of it, itself included once per project; it is a broker when two communities remain after
    taking itself out.
    """
    n = incidence.shape[0]
    if n == 0:
        return np.zeros(0, dtype=bool)
    membership = csr_array(
        (np.ones(n), (np.arange(n), community)), shape=(n, int(community.max()) + 1)
    )
    own = np.asarray(incidence.sum(axis=1)).ravel()
    itself = csr_array((own, (np.arange(n), community)), shape=membership.shape)
    reached = (incidence @ (incidence.T @ membership) - itself).tocsr()
    reached.eliminate_zeros()
    return np.diff(reached.indptr) >= 2


def _kind_share(
    kinds: Mapping[str, str] | None, actors: tuple[str, ...], incidence: csr_array
) -> tuple[tuple[str, ...] | None, np.ndarray | None]:
    """Kinds in order of first appearance in `kinds`, and the share of projects each reaches."""
    if kinds is None:
        return None, None
    if not isinstance(kinds, Mapping):
        raise AnalysisInputError(
            f"kinds: expected a mapping of actor id to kind, got {type(kinds).__name__}.",
            argument="kinds",
        )
    text = {str(actor): "" if kind is None else str(kind) for actor, kind in kinds.items()}
    empty = next((actor for actor, kind in text.items() if not kind.strip()), None)
    if empty is not None:
        raise AnalysisInputError(
            f"kinds: expected a non-empty kind for actor {empty!r}.", argument="kinds"
        )
    missing = next((actor for actor in actors if actor not in text), None)
    if missing is not None:
        raise AnalysisInputError(
            f"kinds: actor {missing!r} holds a role but has no kind.", argument="kinds"
        )
    names = tuple(dict.fromkeys(text.values()))
    number = {kind: i for i, kind in enumerate(names)}
    kind_of = np.array([number[text[actor]] for actor in actors], dtype=np.int64)
    n = len(actors)
    membership = csr_array((np.ones(n), (kind_of, np.arange(n))), shape=(len(names), n))
    reached = (membership @ incidence).tocsr()
    reached.eliminate_zeros()
    projects = incidence.shape[1]
    share = np.diff(reached.indptr) / projects if projects else np.zeros(len(names))
    return names, share
