"""Opinion groups of a consultation, by the method of Pol.is (Small et al. 2021).

Participants vote on statements: agree (1), disagree (-1), pass (0) or nothing (missing). The
method, as Pol.is describes it and its open-source "math" component documents it:

1. Only participants who cast at least 7 votes (passes count) are clustered. Pol.is lowers the
   bar to the number of statements when there are fewer than 7, and tops a small conversation up
   to 15 participants with its most active voters; issue #3 fixes the bar at 7, without top-up.
2. Each missing vote is imputed with the statement's mean vote among the clustered participants
   (0 for a statement none of them voted on), and the matrix is centred on those means, so an
   imputed vote contributes nothing.
3. Principal component analysis keeps two axes. A participant's projection is scaled by
   sqrt(statements / votes cast): someone who voted on a tenth of the statements would otherwise
   sit near the centre only for having said little (Pol.is' "sparsity-aware" projection). Axes
   are signed so that their largest loading is positive.
4. k-means (scikit-learn, k-means++, 10 starts, seeded) for k = 2 .. 5, keeping the k with the
   best mean silhouette (Rousseeuw 1987; ties go to the smaller k). k cannot exceed the number
   of participants minus 1 nor the number of distinct positions; when no k is possible, the
   clustered participants form one group. Pol.is clusters in two stages (about a hundred base
   clusters, then groups of them); the participants are clustered directly here, as issue #3 asks.

Then, for each group g and statement, with a the group's agree votes, d its disagree votes and
n its votes cast (passes included), and the same counts over all other clustered participants
("the rest"):

- one-proportion test (is the group's share significantly more than half?): with the
  Laplace-smoothed share p = (1 + a) / (2 + n), z1 = (p - 1/2) / sqrt(1/4 / (n + 2))
  = (2a - n) / sqrt(n + 2);
- two-proportion test (does the group agree more than the rest?): with p_g = (1 + a_g) / (2 + n_g),
  p_r = (1 + a_r) / (2 + n_r) and the pooled p = (2 + a_g + a_r) / (4 + n_g + n_r),
  z2 = (p_g - p_r) / sqrt(p (1 - p) (1 / (n_g + 2) + 1 / (n_r + 2)));
- both tests are one-sided at 90 % (z > 1.2816, the standard normal's 0.9 quantile), as in
  Pol.is' "repness"; the same tests on disagree votes give the disagree direction. Pol.is' own
  statistics add one pseudo-vote to each count instead (its one-proportion z is
  2 sqrt(n + 1) ((a + 1) / (n + 1) - 1/2)); issue #3 asks for the Laplace-smoothed share.

A statement is representative of a group when both tests pass; a group's list runs from the
largest z2. A lone group has nothing to be set apart from, so no representative statements.

A statement is a consensus (agree or disagree) when the one-proportion test passes in that
direction in every group, and divisive when it passes for agree in one group and for disagree in
another. Groups list their participants in input order and come in the order of their first
participant; all computations run on the participants sorted by their votes, so the partition
does not depend on the order or the ids the participants were given in.

References
----------
Small, C., Bjorkegren, M., Erkkilä, T., Shaw, L. and Megill, C. (2021). Polis: Scaling
deliberation by mapping high dimensional opinion spaces. Recerca: Revista de Pensament i
Anàlisi 26(2).
The Computational Democracy Project, polis (AGPL), math/src/polismath/math: conversation.clj
(who is clustered), pca.clj (sparsity-aware projection), repness.clj and stats.clj
(representativeness tests). Described here in our own words, not copied.
Rousseeuw, P. J. (1987). Silhouettes: a graphical aid to the interpretation and validation of
cluster analysis. Journal of Computational and Applied Mathematics 20, 53-65.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy.spatial.distance import cdist
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

from ordito.analysis.arrays import as_labels, frozen
from ordito.analysis.errors import AnalysisInputError
from ordito.analysis.ranking import ranking_order

MINIMUM_VOTES = 7
# A principal axis whose variance is below this share of the first axis' is no axis at all.
AXIS_TOLERANCE = 1e-10
GROUP_COUNTS = range(2, 6)
Z_90 = 1.2815515655446004  # scipy.stats.norm.ppf(0.9)
KMEANS_STARTS = 10
# Silhouettes take the distances between every two participants a block of rows at a time.
DISTANCE_BLOCK = 2_000_000


@dataclass(frozen=True, slots=True)
class RepresentativeStatement:
    """A statement that sets a group apart, and whether the group agrees or disagrees with it."""

    statement: str
    direction: str  # "agree" or "disagree"


@dataclass(frozen=True, slots=True)
class OpinionResult:
    """Groups of the clustered participants and the statements that characterise them."""

    participants: tuple[str, ...]
    statements: tuple[str, ...]
    clustered: tuple[str, ...]  # participants with at least 7 votes, in input order
    coordinates: np.ndarray  # one (x, y) row per clustered participant
    groups: tuple[tuple[str, ...], ...]
    silhouette: float | None  # mean silhouette of the chosen k; None when k was not chosen
    representative: tuple[tuple[RepresentativeStatement, ...], ...]  # one tuple per group
    consensus_agree: tuple[str, ...]
    consensus_disagree: tuple[str, ...]
    divisive: tuple[str, ...]

    def to_dict(self) -> dict:
        """The JSON object of ``ordito analyze opinion``."""
        return {
            "groups": [list(group) for group in self.groups],
            "representative": [
                [{"statement": item.statement, "direction": item.direction} for item in group]
                for group in self.representative
            ],
            "consensus": {
                "agree": list(self.consensus_agree),
                "disagree": list(self.consensus_disagree),
            },
            "divisive": list(self.divisive),
            "coordinates": dict(zip(self.clustered, self.coordinates.tolist(), strict=True)),
        }


def opinion_groups(
    votes: ArrayLike,
    *,
    participants: Sequence[str],
    statements: Sequence[str],
    seed: int = 0,
) -> OpinionResult:
    """Opinion groups, representative, consensus and divisive statements (Pol.is method).

    Parameters
    ----------
    votes : array_like, participants × statements
        1 agree, -1 disagree, 0 pass, NaN (or None) when the participant did not vote.
    participants, statements : sequence of str
        Distinct ids of the rows and of the columns.
    seed : int
        Seeds k-means.

    Returns
    -------
    OpinionResult
        No participant is clustered, and there are no groups, when fewer than 2 participants
        cast 7 votes.

    Raises
    ------
    AnalysisInputError
        A matrix that is not 2-D or does not match the ids, a vote other than 1, 0, -1 or
        missing, duplicate ids, or a seed that is not a non-negative integer.

    Examples
    --------
    >>> camp = [1, 1, 1, -1, -1, -1, 1]
    >>> rival = [-v for v in camp[:6]] + [1]
    >>> result = opinion_groups([camp] * 3 + [rival] * 3, participants="abcdef",
    ...                         statements=[f"s{i}" for i in range(7)])
    >>> result.groups, result.consensus_agree
    ((('a', 'b', 'c'), ('d', 'e', 'f')), ('s6',))
    """
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise AnalysisInputError(f"seed: expected an integer >= 0, got {seed!r}.", argument="seed")
    matrix = _vote_matrix(votes)
    people = as_labels(participants, argument="participants", size=matrix.shape[0])
    items = as_labels(statements, argument="statements", size=matrix.shape[1])
    cast = ~np.isnan(matrix)
    canonical = _canonical_order(matrix, cast)
    # One thread: each step is light work for one core, and the waiting threads of BLAS and
    # OpenMP made runs up to 15 times slower on a busy 2-core machine (measured).
    with threadpool_limits(limits=1):
        coordinates = _coordinates(matrix[canonical], cast[canonical])
        labels, silhouette = _clusters(coordinates, seed)
        back = np.argsort(canonical, kind="stable")  # from sorted by votes to input order
        clustered, coordinates = canonical[back], coordinates[back]
        group = _numbered_by_first_member(labels[back])
        groups = int(group.max()) + 1 if group.size else 0
        tests = _tests(matrix[clustered], group, groups)
    agree, disagree = tests["agree_z1"] > Z_90, tests["disagree_z1"] > Z_90
    return OpinionResult(
        participants=people,
        statements=items,
        clustered=tuple(people[i] for i in clustered),
        coordinates=frozen(coordinates),
        groups=tuple(tuple(people[i] for i in clustered[group == g]) for g in range(groups)),
        silhouette=silhouette,
        representative=tuple(_representative(tests, g, items) for g in range(groups))
        if groups > 1
        else ((),) * groups,
        consensus_agree=_pick(items, agree.all(axis=0) & (groups > 0)),
        consensus_disagree=_pick(items, disagree.all(axis=0) & (groups > 0)),
        divisive=_pick(items, agree.any(axis=0) & disagree.any(axis=0)),
    )


def _canonical_order(matrix: np.ndarray, cast: np.ndarray) -> np.ndarray:
    """The participants to cluster (at least 7 votes, and at least 2 of them), sorted by votes.

    Identical inputs given in any order then run the very same arithmetic, so the partition
    depends on the votes alone.
    """
    kept = np.flatnonzero(cast.sum(axis=1) >= MINIMUM_VOTES)
    if kept.size < 2:
        return kept[:0]  # a lone participant is no opinion group
    codes = np.where(cast[kept], matrix[kept] + 1, 3).astype(np.int8)
    return kept[np.argsort(np.unique(codes, axis=0, return_inverse=True)[1], kind="stable")]


def _numbered_by_first_member(labels: np.ndarray) -> np.ndarray:
    """Cluster labels renumbered 0, 1, ... in the order their first member appears."""
    number: dict[int, int] = {}
    for label in labels.tolist():
        number.setdefault(label, len(number))
    return np.array([number[label] for label in labels.tolist()], dtype=np.int64)


def _vote_matrix(votes: ArrayLike) -> np.ndarray:
    """`votes` as a 2-D float matrix of 1, 0, -1 and NaN, or raise naming the first bad cell."""
    try:
        matrix = np.asarray(votes, dtype=float)
    except (TypeError, ValueError) as error:
        raise AnalysisInputError(
            f"votes: expected a matrix of 1, 0, -1 or missing votes, got "
            f"{type(votes).__name__} ({error}).",
            argument="votes",
        ) from None
    if matrix.ndim != 2:
        raise AnalysisInputError(
            f"votes: expected a participants × statements matrix, got {matrix.ndim} dimension(s).",
            argument="votes",
        )
    bad = np.argwhere(~np.isnan(matrix) & (matrix != 1) & (matrix != 0) & (matrix != -1))
    if bad.size:
        row, column = (int(i) for i in bad[0])
        raise AnalysisInputError(
            f"votes: expected 1, 0, -1 or a missing vote, got {matrix[row, column]:g}.",
            argument="votes",
            position=(row, column),
        )
    return matrix


def _coordinates(matrix: np.ndarray, cast: np.ndarray) -> np.ndarray:
    """Two sparsity-aware principal coordinates per participant (steps 2 and 3)."""
    people, statements = matrix.shape
    if people == 0 or statements == 0:
        return np.zeros((people, 2))
    counts = cast.sum(axis=0)
    means = np.divide(
        np.where(cast, matrix, 0.0).sum(axis=0), counts, out=np.zeros(statements), where=counts > 0
    )
    centred = np.where(cast, matrix - means, 0.0)
    # The top two eigenvectors of the smaller Gram matrix give the two principal axes.
    side = centred.T @ centred if statements <= people else centred @ centred.T
    found = min(2, side.shape[0])
    values, vectors = np.linalg.eigh(side)
    values, vectors = values[::-1][:found], vectors[:, ::-1][:, :found]
    if statements > people:
        vectors = centred.T @ vectors
    # Axes without variance (all votes alike, or fewer than 2 directions) stay at zero.
    real = values > AXIS_TOLERANCE * max(values[0], 0.0)
    lengths = np.linalg.norm(vectors, axis=0)
    axes = np.zeros((statements, 2))
    axes[:, :found] = np.divide(
        vectors, lengths, out=np.zeros_like(vectors), where=real & (lengths > 0)
    )
    strongest = np.argmax(np.abs(axes), axis=0)
    axes *= np.where(axes[strongest, [0, 1]] < 0, -1.0, 1.0)
    scale = np.sqrt(statements / cast.sum(axis=1))
    return (centred @ axes) * scale[:, None]


def _clusters(points: np.ndarray, seed: int) -> tuple[np.ndarray, float | None]:
    """k-means labels for the k with the best silhouette (step 4), and that silhouette."""
    people = points.shape[0]
    distinct = np.unique(points, axis=0).shape[0]
    choices = [k for k in GROUP_COUNTS if k <= min(people - 1, distinct)]
    if not choices:
        return np.zeros(people, dtype=np.int64), None
    labelings = [
        KMeans(n_clusters=k, n_init=KMEANS_STARTS, random_state=seed).fit_predict(points)
        for k in choices
    ]
    scores = _silhouettes(points, labelings, choices)
    best = int(ranking_order(scores)[0])
    return labelings[best].astype(np.int64), float(scores[best])


def _silhouettes(points: np.ndarray, labelings: list[np.ndarray], counts: list[int]) -> np.ndarray:
    """Mean silhouette of each labelling; the distance matrix is computed once, by blocks."""
    people = points.shape[0]
    offsets = np.concatenate([[0], np.cumsum(counts)])
    members = np.zeros((people, offsets[-1]))
    for labels, offset in zip(labelings, offsets, strict=False):
        members[np.arange(people), offset + labels] = 1.0
    totals = np.empty_like(members)
    block = max(1, DISTANCE_BLOCK // people)
    for start in range(0, people, block):
        totals[start : start + block] = cdist(points[start : start + block], points) @ members
    scores = []
    for labels, first, last in zip(labelings, offsets[:-1], offsets[1:], strict=True):
        sizes = members[:, first:last].sum(axis=0)
        sums = totals[:, first:last]
        own = sizes[labels]
        inside = np.divide(
            sums[np.arange(people), labels], own - 1, out=np.zeros(people), where=own > 1
        )
        means = np.divide(sums, sizes, out=np.full_like(sums, np.inf), where=sizes > 0)
        outside = np.where(np.arange(last - first) == labels[:, None], np.inf, means)
        nearest = outside.min(axis=1)
        widest = np.maximum(inside, nearest)
        # A participant alone in its cluster scores 0, as in Rousseeuw's definition.
        value = np.divide(nearest - inside, widest, out=np.zeros(people), where=widest > 0)
        scores.append(np.where(own > 1, value, 0.0).mean())
    return np.array(scores)


def _tests(matrix: np.ndarray, group: np.ndarray, groups: int) -> dict[str, np.ndarray]:
    """z1 and z2 (module docstring) per group × statement, for agree and for disagree votes."""
    membership = np.zeros((groups, matrix.shape[0]))
    membership[group, np.arange(matrix.shape[0])] = 1.0
    cast = membership @ ~np.isnan(matrix)
    rest_cast = cast.sum(axis=0) - cast
    tests = {}
    for direction, value in (("agree", 1.0), ("disagree", -1.0)):
        hits = membership @ (matrix == value)
        rest_hits = hits.sum(axis=0) - hits
        tests[f"{direction}_z1"] = (2 * hits - cast) / np.sqrt(cast + 2)
        share = (1 + hits) / (2 + cast)
        rest_share = (1 + rest_hits) / (2 + rest_cast)
        pooled = (2 + hits + rest_hits) / (4 + cast + rest_cast)
        spread = np.sqrt(pooled * (1 - pooled) * (1 / (cast + 2) + 1 / (rest_cast + 2)))
        tests[f"{direction}_z2"] = (share - rest_share) / spread
    return tests


def _representative(
    tests: dict[str, np.ndarray], group: int, statements: tuple[str, ...]
) -> tuple[RepresentativeStatement, ...]:
    """The statements on which `group` passes both tests, strongest two-proportion z first."""
    found = []
    strength = []
    for direction in ("agree", "disagree"):
        z1, z2 = tests[f"{direction}_z1"][group], tests[f"{direction}_z2"][group]
        for j in np.flatnonzero((z1 > Z_90) & (z2 > Z_90)).tolist():
            found.append(RepresentativeStatement(statement=statements[j], direction=direction))
            strength.append(z2[j])
    return tuple(found[i] for i in ranking_order(strength)) if found else ()


def _pick(statements: tuple[str, ...], mask: np.ndarray) -> tuple[str, ...]:
    """The statements where `mask` holds, in input order."""
    return tuple(statements[j] for j in np.flatnonzero(mask))
