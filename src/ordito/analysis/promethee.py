"""PROMETHEE II: complete ranking by net outranking flow.

For every criterion and every ordered pair of alternatives (a, b), d is the difference
g(a) - g(b) in the criterion's preferred direction (b's value minus a's for a "min" criterion),
and a preference function P(d) in [0, 1] says how strongly a is preferred to b on it:

=========  ===============================================================  ==========
function   P(d) (0 whenever d <= 0)                                         parameters
=========  ===============================================================  ==========
usual      1 if d > 0                                                       none
u-shape    1 if d > q                                                       q >= 0
v-shape    d / p for 0 < d <= p, 1 above p                                  p > 0
level      1/2 for q < d <= p, 1 above p                                    0 <= q < p
linear     (d - q) / (p - q) for q < d <= p, 1 above p                      0 <= q < p
gaussian   1 - exp(-d^2 / (2 s^2)) for d > 0                                s > 0
=========  ===============================================================  ==========

The parameters are in the criterion's own units. The formulas above leave no room for the
excluded parameter values (p = 0 for v-shape, q = p for level and linear, s = 0 for gaussian:
each would silently turn the function into another one, usually because a value is missing), so
they are bad input. With the weights w divided by their sum, pi(a, b) = sum_j w_j P_j(a, b); the
positive (leaving) flow of a is the mean of pi(a, b) over the n - 1 other alternatives, the negative
(entering) flow the mean of pi(b, a), and the net flow, the score, is positive minus negative.
Net flows sum to 0.

Speed: the n x n pairs are never stored. For the five piecewise-linear functions the sum of
P(d) over all b is computed per criterion from the sorted column (counts of the b with d above
q or p, found by binary search with the exact floating-point test d > t, plus prefix sums for the
linear parts), in O(n log n). The Gaussian has no such shortcut and is summed over pairwise
differences, a block of rows at a time so that memory stays bounded.

References
----------
Brans, J.-P. & Vincke, Ph. (1985). A preference ranking organisation method (the PROMETHEE method
for multiple criteria decision-making). *Management Science* 31(6), 647-656.
Brans, J.-P., Vincke, Ph. & Mareschal, B. (1986). How to select and how to rank projects: the
PROMETHEE method. *European Journal of Operational Research* 24(2), 228-238.
Brans, J.-P. & Mareschal, B. (2005). PROMETHEE methods. In Figueira, Greco & Ehrgott (eds.),
*Multiple Criteria Decision Analysis: State of the Art Surveys*, Springer, 163-186 (flows averaged
over n - 1).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ordito.analysis.arrays import frozen
from ordito.analysis.errors import AnalysisInputError
from ordito.analysis.normalization import benefit_mask, criterion_weights, decision_matrix
from ordito.analysis.ranking import ranking_order

PREFERENCE_FUNCTIONS = ("usual", "u-shape", "v-shape", "level", "linear", "gaussian")

# Pairwise differences held at once by the Gaussian function (8 bytes each: about 8 MB).
PAIRS_PER_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class PrometheeResult:
    """Outranking flows of PROMETHEE II and the ranking by net flow.

    Attributes
    ----------
    alternatives : tuple of str
        Alternative ids, in input order.
    scores : numpy.ndarray
        Net flow of each alternative, from -1 to 1 (positive minus negative flow).
    positive_flow, negative_flow : numpy.ndarray
        Mean preference of each alternative over the others, and of the others over it.
    ranking : tuple of str
        Alternative ids by decreasing net flow; ties (within 1e-12) broken by input order.
    """

    alternatives: tuple[str, ...]
    scores: np.ndarray
    positive_flow: np.ndarray
    negative_flow: np.ndarray
    ranking: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``ordito analyze mcda --method promethee``."""

        def by_id(values: np.ndarray) -> dict[str, float]:
            return {a: float(x) for a, x in zip(self.alternatives, values, strict=True)}

        return {
            "alternatives": list(self.alternatives),
            "scores": by_id(self.scores),
            "positive_flow": by_id(self.positive_flow),
            "negative_flow": by_id(self.negative_flow),
            "ranking": list(self.ranking),
        }


def promethee_ii(
    matrix: ArrayLike,
    *,
    weights: ArrayLike,
    directions: Sequence[str],
    alternatives: Sequence[str],
    criteria: Sequence[str],
    functions: Sequence[str] | None = None,
    q: Sequence[float] | None = None,
    p: Sequence[float] | None = None,
    s: Sequence[float] | None = None,
) -> PrometheeResult:
    """Rank alternatives by their PROMETHEE II net outranking flow.

    Parameters
    ----------
    matrix : array_like
        Alternatives (rows) by criteria (columns), finite numbers; at least two alternatives.
    weights : array_like
        One non-negative weight per criterion, not all zero; divided by their sum.
    directions : sequence of {"max", "min"}
        Per criterion, whether more ("max") or less ("min") is better.
    alternatives, criteria : sequence of str
        Distinct ids of the rows and of the columns.
    functions : sequence of str, optional
        Preference function per criterion, one of `PREFERENCE_FUNCTIONS`; default all "usual".
    q, p, s : sequence of float, optional
        Indifference threshold, preference threshold and Gaussian parameter per criterion, in
        the criterion's units; None means 0 for every criterion.

    Returns
    -------
    PrometheeResult

    Raises
    ------
    AnalysisInputError
        Naming the argument at fault and, for per-criterion values, the criterion.

    Examples
    --------
    >>> result = promethee_ii([[1, 5], [2, 3], [3, 4]], weights=[1, 1], directions=["max", "max"],
    ...                       alternatives=["a", "b", "c"], criteria=["x", "y"])
    >>> result.scores.tolist(), result.ranking
    ([0.0, -0.5, 0.5], ('c', 'a', 'b'))
    """
    values, alternative_ids, criterion_ids = decision_matrix(
        matrix, alternatives=alternatives, criteria=criteria, min_rows=2
    )
    is_benefit = benefit_mask(directions, criteria=criterion_ids)
    normalized_weights = criterion_weights(weights, criteria=criterion_ids)
    names = _preference_functions(functions, criteria=criterion_ids)
    indifference = _parameter(q, name="q", criteria=criterion_ids)
    preference = _parameter(p, name="p", criteria=criterion_ids)
    spread = _parameter(s, name="s", criteria=criterion_ids)
    _check_parameters(names, indifference, preference, spread, criteria=criterion_ids)

    # A "min" criterion is a "max" criterion on the negated values; negation is exact.
    oriented = np.where(is_benefit, values, -values)
    leaving = np.zeros(values.shape[0])
    entering = np.zeros(values.shape[0])
    for column, name in enumerate(names):
        criterion_leaving, criterion_entering = _criterion_flows(
            oriented[:, column],
            name,
            q=indifference[column],
            p=preference[column],
            s=spread[column],
        )
        leaving += normalized_weights[column] * criterion_leaving
        entering += normalized_weights[column] * criterion_entering
    others = values.shape[0] - 1
    positive, negative = leaving / others, entering / others
    net = positive - negative
    return PrometheeResult(
        alternatives=alternative_ids,
        scores=frozen(net),
        positive_flow=frozen(positive),
        negative_flow=frozen(negative),
        ranking=tuple(alternative_ids[i] for i in ranking_order(net)),
    )


def _preference_functions(
    functions: Sequence[str] | None, *, criteria: tuple[str, ...]
) -> tuple[str, ...]:
    if functions is None:
        return ("usual",) * len(criteria)
    names = tuple(functions)
    if len(names) != len(criteria):
        raise AnalysisInputError(
            f"functions: expected one per criterion ({len(criteria)}), got {len(names)}.",
            argument="functions",
        )
    for index, name in enumerate(names):
        if name not in PREFERENCE_FUNCTIONS:
            raise AnalysisInputError(
                f"functions: expected one of {', '.join(PREFERENCE_FUNCTIONS)} for criterion "
                f"{criteria[index]!r}, got {name!r}.",
                argument="functions",
                position=(index,),
            )
    return names


def _parameter(
    values: Sequence[float] | None, *, name: str, criteria: tuple[str, ...]
) -> np.ndarray:
    if values is None:
        return np.zeros(len(criteria))
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as error:
        raise AnalysisInputError(
            f"{name}: expected one number per criterion, got {type(values).__name__} ({error}).",
            argument=name,
        ) from None
    if array.shape != (len(criteria),):
        raise AnalysisInputError(
            f"{name}: expected {len(criteria)} numbers, one per criterion, got shape "
            f"{array.shape}.",
            argument=name,
        )
    for index, value in enumerate(array):
        if not np.isfinite(value) or value < 0:
            raise AnalysisInputError(
                f"{name}: expected a finite number >= 0 for criterion {criteria[index]!r}, "
                f"got {value}.",
                argument=name,
                position=(index,),
            )
    return array


def _check_parameters(
    names: tuple[str, ...],
    q: np.ndarray,
    p: np.ndarray,
    s: np.ndarray,
    *,
    criteria: tuple[str, ...],
) -> None:
    for index, name in enumerate(names):
        label = criteria[index]
        if name == "v-shape" and p[index] <= 0:
            problem = ("p", f"p > 0 for the v-shape criterion {label!r}, got p = {p[index]:g}")
        elif name in ("level", "linear") and p[index] <= q[index]:
            problem = (
                "p",
                f"p > q for the {name} criterion {label!r}, got q = {q[index]:g} and "
                f"p = {p[index]:g}",
            )
        elif name == "gaussian" and s[index] <= 0:
            problem = ("s", f"s > 0 for the gaussian criterion {label!r}, got s = {s[index]:g}")
        else:
            continue
        argument, message = problem
        raise AnalysisInputError(
            f"{argument}: expected {message}.", argument=argument, position=(index,)
        )


def _criterion_flows(
    values: np.ndarray, name: str, *, q: float, p: float, s: float
) -> tuple[np.ndarray, np.ndarray]:
    """Per alternative a, the sums over b of P(d(a, b)) and of P(d(b, a)) on one criterion."""
    if name == "gaussian":
        return _gaussian_sums(values, s)
    # d(b, a) = b - a = (-a) - (-b) exactly, so the entering sums are the leaving sums of -values.
    return _piecewise_sums(values, name, q=q, p=p), _piecewise_sums(-values, name, q=q, p=p)


def _piecewise_sums(values: np.ndarray, name: str, *, q: float, p: float) -> np.ndarray:
    """For each a, the sum over b of P(a - b) for the five piecewise-linear functions."""
    ordered = np.sort(values)
    if name == "usual":
        return _count_preferred(values, ordered, 0.0).astype(float)
    if name == "u-shape":
        return _count_preferred(values, ordered, q).astype(float)
    above_p = _count_preferred(values, ordered, p)
    low = 0.0 if name == "v-shape" else q
    above_low = _count_preferred(values, ordered, low)
    # The b with low < d <= p are ordered[above_p:above_low] (smaller b, larger d).
    in_window = above_low - above_p
    if name == "level":
        return 0.5 * in_window + above_p
    # Sum of (d - low) over the window from prefix sums; centring keeps the sums small.
    centre = ordered.mean()
    prefix = np.concatenate(([0.0], np.cumsum(ordered - centre)))
    window_sum = in_window * (values - centre - low) - (prefix[above_low] - prefix[above_p])
    return window_sum / (p - low) + above_p


def _count_preferred(values: np.ndarray, ordered: np.ndarray, threshold: float) -> np.ndarray:
    """For each a in `values`, how many b in `ordered` (ascending) have a - b > threshold.

    The test is the one a pairwise computation makes, in floating point: a - b > threshold. It
    holds for a prefix of `ordered`; a binary search on a - threshold finds that prefix up to
    rounding, and the loop moves each boundary over whole runs of equal values until it is exact.
    """
    size = ordered.size
    count = np.searchsorted(ordered, values - threshold, side="left")
    while True:
        next_index = np.minimum(count, size - 1)
        grow = (count < size) & (values - ordered[next_index] > threshold)
        if grow.any():
            past_run = np.searchsorted(ordered, ordered[next_index], side="right")
            count = np.where(grow, past_run, count)
            continue
        last_index = np.maximum(count - 1, 0)
        shrink = (count > 0) & ~(values - ordered[last_index] > threshold)
        if not shrink.any():
            return count
        run_start = np.searchsorted(ordered, ordered[last_index], side="left")
        count = np.where(shrink, run_start, count)


def _gaussian_sums(values: np.ndarray, s: float) -> tuple[np.ndarray, np.ndarray]:
    """Leaving and entering sums of the Gaussian function, over blocks of pairwise differences.

    With the values sorted, an alternative is preferred only to those before it (a tie gives
    1 - exp(0) = 0), so only the lower triangle of differences is computed: half the pairs.
    """
    size = values.size
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    leaving = np.zeros(size)
    entering = np.zeros(size)
    rows = max(1, PAIRS_PER_BLOCK // size)
    scale = -1.0 / (2.0 * s * s)
    for start in range(0, size, rows):
        stop = min(size, start + rows)
        # Differences with the alternatives up to the block's last; those after a row's own are
        # not positive, and count as 0.
        difference = np.maximum(ordered[start:stop, None] - ordered[None, :stop], 0.0)
        difference *= difference
        difference *= scale
        preference = -np.expm1(difference)
        leaving[start:stop] = preference.sum(axis=1)
        entering[:stop] += preference.sum(axis=0)
    unsorted_leaving = np.empty(size)
    unsorted_entering = np.empty(size)
    unsorted_leaving[order] = leaving
    unsorted_entering[order] = entering
    return unsorted_leaving, unsorted_entering
