"""SMAA-2: stochastic multicriteria acceptability analysis, for weights nobody agrees on.

Instead of one weight vector, SMAA-2 considers every weight vector at once: weights are drawn
uniformly from the simplex (non-negative, summing to 1), here by normalising independent
exponential variates, which is exactly uniform on the simplex. For each draw the alternatives
are ranked by their weighted sum of criterion values normalised as in the weighted sum method
(``minmax`` by default, or ``sum``; see `ordito.analysis.normalization`). From the draws:

- the rank acceptability index b_i^r is the share of draws that give alternative i rank r; each
  alternative's row and each rank's column sum to 1, because every draw ranks every alternative
  once, ties (within 1e-12) broken by input order, as in every Ordito ranking (the paper lets tied
  alternatives share the better rank, which only matters for identical alternatives);
- the central weight vector w_i^c is the mean of the weight vectors that make alternative i first:
  the typical preferences of a decision maker who supports it; undefined (None) when i is never
  first;
- the confidence factor p_i^c is the probability that alternative i is first when its central
  weight vector is used (its value then at least every other's, within 1e-12). The paper
  integrates over uncertain criteria values; Ordito's criteria values are exact, so the confidence
  factor is 0 or 1. As the weights that make an alternative first form a convex set, their mean
  makes it first too, so in practice it is 1 for every alternative that is ever first: a check,
  and the value SMAA-2 reports, rather than new information.

The draws are made and ranked in chunks of about a million alternative scores, so memory stays
bounded (tens of MB) whatever the number of samples; only the result's alternatives x ranks
matrix grows with the square of the number of alternatives (8 MB for 1,000). The seed fixes the
draws (`numpy.random.default_rng`), so a seed gives the same result whatever the chunk size.

References
----------
Lahdelma, R. & Salminen, P. (2001). SMAA-2: Stochastic multicriteria acceptability analysis for
group decision making. *Operations Research* 49(3), 444-454.
Tervonen, T. & Lahdelma, R. (2007). Implementing stochastic multicriteria acceptability analysis.
*European Journal of Operational Research* 178(2), 500-513 (sampling weights from the simplex).
Devroye, L. (1986). *Non-Uniform Random Variate Generation*. Springer (uniform spacings:
exponential variates divided by their sum are uniform on the simplex).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from numbers import Integral
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ordito.analysis.arrays import frozen
from ordito.analysis.errors import AnalysisInputError
from ordito.analysis.normalization import (
    benefit_mask,
    check_normalization,
    decision_matrix,
    normalize,
)
from ordito.analysis.ranking import TIE_TOLERANCE, ranking_order

SMAA_NORMALIZATIONS = ("minmax", "sum")

# Alternative scores held at once per chunk of samples (8 bytes each: about 8 MB per array).
SCORES_PER_CHUNK = 1 << 20
# The most samples one call draws. A share estimated from N samples has a standard error of at
# most 0.5 / sqrt(N): 0.0005 at a million, so more samples change no share at three decimals
# (Tervonen and Lahdelma 2007 find 10,000 enough for an error below 0.01 at 95 %). Time grows
# with samples x alternatives: a million samples take about 2 s for 10 alternatives and about
# a minute for 1,000 here, which bounds a call that would otherwise run for hours unseen.
MAX_SAMPLES = 1_000_000


@dataclass(frozen=True, slots=True)
class SmaaResult:
    """Rank acceptabilities, central weights and confidence factors of SMAA-2.

    Attributes
    ----------
    alternatives, criteria : tuple of str
        Ids, in input order.
    rank_acceptability : numpy.ndarray
        Alternatives x ranks: share of samples giving each alternative each rank (rank 1 first).
    central_weights : numpy.ndarray
        Alternatives x criteria: mean weights of the samples where the alternative is first;
        a row of NaN for an alternative never first.
    confidence : numpy.ndarray
        Confidence factor of each alternative (0 or 1); NaN for an alternative never first.
    samples, seed : int
        Number of weight samples drawn, and the seed of the generator.
    """

    alternatives: tuple[str, ...]
    criteria: tuple[str, ...]
    rank_acceptability: np.ndarray
    central_weights: np.ndarray
    confidence: np.ndarray
    samples: int
    seed: int

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``ordito analyze smaa``; None where the alternative is never first."""
        central: dict[str, dict[str, float] | None] = {}
        confidence: dict[str, float | None] = {}
        for index, alternative in enumerate(self.alternatives):
            is_first = not np.isnan(self.confidence[index])
            central[alternative] = (
                {
                    criterion: float(weight)
                    for criterion, weight in zip(
                        self.criteria, self.central_weights[index], strict=True
                    )
                }
                if is_first
                else None
            )
            confidence[alternative] = float(self.confidence[index]) if is_first else None
        return {
            "alternatives": list(self.alternatives),
            "rank_acceptability": {
                alternative: [float(share) for share in row]
                for alternative, row in zip(self.alternatives, self.rank_acceptability, strict=True)
            },
            "central_weights": central,
            "confidence": confidence,
            "samples": self.samples,
            "seed": self.seed,
        }


def smaa2(
    matrix: ArrayLike,
    *,
    directions: Sequence[str],
    alternatives: Sequence[str],
    criteria: Sequence[str],
    samples: int = 10_000,
    seed: int = 0,
    normalization: str = "minmax",
) -> SmaaResult:
    """Rank acceptability indices, central weights and confidence factors under unknown weights.

    Parameters
    ----------
    matrix : array_like
        Alternatives (rows) by criteria (columns), finite numbers.
    directions : sequence of {"max", "min"}
        Per criterion, whether more ("max") or less ("min") is better.
    alternatives, criteria : sequence of str
        Distinct ids of the rows and of the columns.
    samples : int
        Number of weight vectors drawn uniformly from the simplex, from 1 to `MAX_SAMPLES`
        (1,000,000).
    seed : int
        Seed (>= 0) of `numpy.random.default_rng`; the same seed gives the same result.
    normalization : {"minmax", "sum"}
        How each criterion is rescaled before the weighted sum.

    Returns
    -------
    SmaaResult

    Raises
    ------
    AnalysisInputError
        Naming the argument at fault.

    Examples
    --------
    >>> result = smaa2([[1, 0], [0, 1], [0.4, 0.4]], directions=["max", "max"],
    ...                alternatives=["a", "b", "c"], criteria=["x", "y"], samples=2000)
    >>> result.rank_acceptability[2].round(1).tolist()  # c is second unless 0.4 < w_x < 0.6
    [0.0, 0.8, 0.2]
    """
    values, alternative_ids, criterion_ids = decision_matrix(
        matrix, alternatives=alternatives, criteria=criteria
    )
    is_benefit = benefit_mask(directions, criteria=criterion_ids)
    check_normalization(normalization, allowed=SMAA_NORMALIZATIONS)
    sample_count = _whole_number(samples, name="samples", minimum=1, maximum=MAX_SAMPLES)
    seed_value = _whole_number(seed, name="seed", minimum=0)
    utility = normalize(values, is_benefit=is_benefit, method=normalization, criteria=criterion_ids)

    size, criterion_count = utility.shape
    rank_counts = np.zeros(size * size, dtype=np.int64)
    first_weight_sums = np.zeros((size, criterion_count))
    rank_positions = np.arange(size)
    generator = np.random.default_rng(seed_value)
    chunk = max(1, SCORES_PER_CHUNK // size)
    for start in range(0, sample_count, chunk):
        weights = _simplex_weights(generator, min(chunk, sample_count - start), criterion_count)
        order = _sample_orders(weights @ utility.T)
        # order[s, r] is the alternative at rank r + 1 in sample s; count (alternative, rank).
        rank_counts += np.bincount((order * size + rank_positions).ravel(), minlength=size * size)
        np.add.at(first_weight_sums, order[:, 0], weights)

    acceptability = rank_counts.reshape(size, size) / sample_count
    first_counts = rank_counts.reshape(size, size)[:, 0]
    is_first = first_counts > 0
    central = np.full((size, criterion_count), np.nan)
    central[is_first] = first_weight_sums[is_first] / first_counts[is_first, None]
    confidence = np.full(size, np.nan)
    confidence[is_first] = _confidence(utility, central[is_first], np.flatnonzero(is_first))
    return SmaaResult(
        alternatives=alternative_ids,
        criteria=criterion_ids,
        rank_acceptability=frozen(acceptability),
        central_weights=frozen(central),
        confidence=frozen(confidence),
        samples=sample_count,
        seed=seed_value,
    )


def _whole_number(value: Any, *, name: str, minimum: int, maximum: int | None = None) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, Integral)
        or value < minimum
        or (maximum is not None and value > maximum)
    ):
        expected = f">= {minimum}" if maximum is None else f"from {minimum} to {maximum:,}"
        raise AnalysisInputError(
            f"{name}: expected a whole number {expected}, got {value!r}.", argument=name
        )
    return int(value)


def _simplex_weights(generator: np.random.Generator, count: int, size: int) -> np.ndarray:
    """`count` weight vectors uniform on the simplex: exponential variates over their sum."""
    draws = generator.standard_exponential((count, size))
    return draws / draws.sum(axis=1, keepdims=True)


def _sample_orders(scores: np.ndarray) -> np.ndarray:
    """For each row of `scores` (one sample), the alternatives from best to worst.

    The house tie rule, fast: an unstable sort orders distinct scores; rows with exactly equal
    scores (identical alternatives) are sorted again stably, which keeps their input order; rows
    where two distinct scores lie within the tie tolerance are ranked by `ranking_order` itself.
    """
    order = np.argsort(-scores, axis=1)
    ordered = np.take_along_axis(scores, order, axis=1)
    gaps = ordered[:, :-1] - ordered[:, 1:]
    near = ((gaps > 0) & (gaps <= TIE_TOLERANCE)).any(axis=1)
    equal = (gaps == 0).any(axis=1) & ~near
    if equal.any():
        order[equal] = np.argsort(-scores[equal], axis=1, kind="stable")
    for row in np.flatnonzero(near):
        order[row] = ranking_order(scores[row])
    return order


def _confidence(utility: np.ndarray, central: np.ndarray, alternatives: np.ndarray) -> np.ndarray:
    """1.0 where each alternative scores at least the best, within the tolerance, else 0.0."""
    scores = central @ utility.T
    own = scores[np.arange(alternatives.size), alternatives]
    return (own >= scores.max(axis=1) - TIE_TOLERANCE).astype(float)
