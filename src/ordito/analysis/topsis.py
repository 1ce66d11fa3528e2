"""TOPSIS: ranking by relative closeness to the ideal solution.

Each criterion is rescaled so that higher is better (``vector`` by default, or ``minmax``; see
`ordito.analysis.normalization`) and multiplied by its weight (weights divided by their sum). The
ideal solution takes the best weighted value of every criterion, the anti-ideal the worst. An
alternative's score is its relative closeness ``D- / (D+ + D-)``, where ``D+`` and ``D-`` are its
Euclidean distances to the ideal and to the anti-ideal: 1 at the ideal, 0 at the anti-ideal.

When every alternative is the same on every weighted criterion, the ideal and the anti-ideal
coincide and ``D+ + D-`` is 0 for all of them; the closeness is then 0.5 for every alternative
(equally far from both), so they all tie.

References
----------
Hwang, C.-L. & Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and Applications*.
Springer, chapter III, "TOPSIS" (its worked example is the fighter aircraft problem).
"""

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from ordito.analysis.normalization import (
    benefit_mask,
    check_normalization,
    criterion_weights,
    decision_matrix,
    normalize,
)
from ordito.analysis.weighted_sum import McdaResult

TOPSIS_NORMALIZATIONS = ("vector", "minmax")


def topsis(
    matrix: ArrayLike,
    *,
    weights: ArrayLike,
    directions: Sequence[str],
    alternatives: Sequence[str],
    criteria: Sequence[str],
    normalization: str = "vector",
) -> McdaResult:
    """Score alternatives by their relative closeness to the ideal solution.

    Parameters
    ----------
    matrix : array_like
        Alternatives (rows) by criteria (columns), finite numbers.
    weights : array_like
        One non-negative weight per criterion, not all zero; divided by their sum.
    directions : sequence of {"max", "min"}
        Per criterion, whether more ("max") or less ("min") is better.
    alternatives, criteria : sequence of str
        Distinct ids of the rows and of the columns.
    normalization : {"vector", "minmax"}
        How each criterion is rescaled before weighting.

    Returns
    -------
    McdaResult
        Scores are the relative closeness, from 0 to 1.

    Raises
    ------
    AnalysisInputError
        Naming the argument at fault: a bad matrix, labels, weights, direction or normalisation.

    Examples
    --------
    >>> result = topsis([[3, 4], [4, 3], [1, 1]], weights=[1, 1], directions=["max", "min"],
    ...                 alternatives=["a", "b", "c"], criteria=["gain", "cost"])
    >>> result.scores.round(3).tolist(), result.ranking
    ([0.387, 0.613, 0.5], ('b', 'c', 'a'))
    """
    values, alternative_ids, criterion_ids = decision_matrix(
        matrix, alternatives=alternatives, criteria=criteria
    )
    is_benefit = benefit_mask(directions, criteria=criterion_ids)
    normalized_weights = criterion_weights(weights, criteria=criterion_ids)
    check_normalization(normalization, allowed=TOPSIS_NORMALIZATIONS)
    weighted = (
        normalize(values, is_benefit=is_benefit, method=normalization, criteria=criterion_ids)
        * normalized_weights
    )
    # Every criterion is oriented so that higher is better: the ideal is its maximum. Criteria
    # as rows make the sums over criteria run along contiguous memory, several times faster.
    by_criterion = np.ascontiguousarray(weighted.T)
    to_ideal = _distances(by_criterion, by_criterion.max(axis=1, keepdims=True))
    to_anti_ideal = _distances(by_criterion, by_criterion.min(axis=1, keepdims=True))
    total = to_ideal + to_anti_ideal
    closeness = np.where(total > 0, to_anti_ideal / np.where(total > 0, total, 1.0), 0.5)
    return McdaResult.from_scores(closeness, alternatives=alternative_ids)


def _distances(by_criterion: np.ndarray, point: np.ndarray) -> np.ndarray:
    """Euclidean distance of each alternative (column) to `point` (one value per criterion)."""
    gaps = by_criterion - point
    gaps *= gaps
    return np.sqrt(gaps.sum(axis=0))
