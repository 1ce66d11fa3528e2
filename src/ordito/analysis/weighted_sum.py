"""Weighted sum (simple additive weighting) of normalised criteria.

Each criterion is rescaled so that higher is better (``minmax`` by default, or ``sum``; see
`ordito.analysis.normalization`), the weights are divided by their sum, and an alternative's
score is the weighted sum of its rescaled values. Alternatives are ranked by decreasing score,
ties (within 1e-12) broken by input order.

`McdaResult`, the result of this method, is also the result of TOPSIS: both give one score per
alternative.

References
----------
Hwang, C.-L. & Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and Applications*.
Springer, chapter III, "Simple Additive Weighting method".
Fishburn, P. C. (1967). *Additive Utilities with Incomplete Product Sets: Application to
Priorities and Assignments*. Operations Research Society of America, Baltimore.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ordito.analysis.arrays import frozen
from ordito.analysis.normalization import (
    benefit_mask,
    check_normalization,
    criterion_weights,
    decision_matrix,
    normalize,
)
from ordito.analysis.ranking import ranking_order

WEIGHTED_SUM_NORMALIZATIONS = ("minmax", "sum")


@dataclass(frozen=True, slots=True)
class McdaResult:
    """One score per alternative and the ranking it gives.

    Attributes
    ----------
    alternatives : tuple of str
        Alternative ids, in input order.
    scores : numpy.ndarray
        Score of each alternative (read-only), higher is better.
    ranking : tuple of str
        Alternative ids from best to worst; ties broken by input order.
    """

    alternatives: tuple[str, ...]
    scores: np.ndarray
    ranking: tuple[str, ...]

    @classmethod
    def from_scores(cls, scores: np.ndarray, *, alternatives: tuple[str, ...]) -> "McdaResult":
        """Build the result, ranking `alternatives` by decreasing `scores`."""
        order = ranking_order(scores)
        return cls(
            alternatives=alternatives,
            scores=frozen(scores),
            ranking=tuple(alternatives[i] for i in order.tolist()),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``ordito analyze mcda``: alternatives, scores, ranking."""
        return {
            "alternatives": list(self.alternatives),
            "scores": {
                alternative: float(score)
                for alternative, score in zip(self.alternatives, self.scores, strict=True)
            },
            "ranking": list(self.ranking),
        }


def weighted_sum(
    matrix: ArrayLike,
    *,
    weights: ArrayLike,
    directions: Sequence[str],
    alternatives: Sequence[str],
    criteria: Sequence[str],
    normalization: str = "minmax",
) -> McdaResult:
    """Score alternatives by the weighted sum of their normalised criterion values.

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
    normalization : {"minmax", "sum"}
        How each criterion is rescaled (see `ordito.analysis.normalization`); a constant
        criterion contributes 0 under ``minmax``.

    Returns
    -------
    McdaResult

    Raises
    ------
    AnalysisInputError
        Naming the argument at fault: a bad matrix, labels, weights, direction or normalisation.

    Examples
    --------
    >>> result = weighted_sum([[1, 30], [3, 10]], weights=[1, 1], directions=["max", "min"],
    ...                       alternatives=["a", "b"], criteria=["gain", "cost"])
    >>> result.scores.tolist(), result.ranking
    ([0.0, 1.0], ('b', 'a'))
    """
    values, alternative_ids, criterion_ids = decision_matrix(
        matrix, alternatives=alternatives, criteria=criteria
    )
    is_benefit = benefit_mask(directions, criteria=criterion_ids)
    normalized_weights = criterion_weights(weights, criteria=criterion_ids)
    check_normalization(normalization, allowed=WEIGHTED_SUM_NORMALIZATIONS)
    rescaled = normalize(
        values, is_benefit=is_benefit, method=normalization, criteria=criterion_ids
    )
    return McdaResult.from_scores(rescaled @ normalized_weights, alternatives=alternative_ids)
