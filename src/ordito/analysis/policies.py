"""Policies side by side: the same alternatives scored under several named weight sets.

As in Multipol, each policy (an actor's point of view, a scenario, a horizon) is a weight set; the
caller scores the alternatives under each (weighted sum, TOPSIS or PROMETHEE II) and this module
compares the results:

- the ranking under each policy (best first; ties within 1e-12 broken by input order);
- Kendall's tau between every two policies. It is tau-b computed on the scores, with scores
  within 1e-12 of each other counted as tied (the house tie rule): tied scores are a real
  indifference, whereas the rankings break ties by input order, which would add agreement (or
  disagreement) that no policy expressed. Without ties it equals tau on the rankings. Tau is None
  when a policy gives every alternative the same score (tau-b is then 0 / 0), and with fewer
  than two alternatives;
- each alternative's stability: the mean and the population standard deviation of its score
  across the policies (the scores must be on a common scale, as they are when they come from the
  same method on the same decision matrix).

References
----------
Kendall, M. G. (1945). The treatment of ties in ranking problems. *Biometrika* 33(3), 239-251
(tau-b).
Godet, M. (2001). *Creating Futures: Scenario Planning as a Strategic Management Tool*.
Economica, Paris (Multipol: multicriteria evaluation under several policies).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ordito.analysis.arrays import as_labels, frozen
from ordito.analysis.errors import AnalysisInputError
from ordito.analysis.ranking import TIE_TOLERANCE, ranking_order

# Ordered pairs of alternatives compared at once per policy for tau (8 bytes each: about 2 MB).
PAIRS_PER_BLOCK = 1 << 18


@dataclass(frozen=True, slots=True)
class PolicyComparison:
    """Rankings, Kendall's tau and stability of alternatives across policies.

    Attributes
    ----------
    policies, alternatives : tuple of str
        Ids, in input order.
    scores : numpy.ndarray
        Policies x alternatives, higher is better.
    rankings : tuple of tuple of str
        Per policy, the alternatives from best to worst.
    kendall_tau : numpy.ndarray
        Policies x policies, tau-b of the scores; NaN where undefined.
    mean, std : numpy.ndarray
        Per alternative, mean and population standard deviation of its scores across policies.
    """

    policies: tuple[str, ...]
    alternatives: tuple[str, ...]
    scores: np.ndarray
    rankings: tuple[tuple[str, ...], ...]
    kendall_tau: np.ndarray
    mean: np.ndarray
    std: np.ndarray

    def to_dict(self) -> dict[str, Any]:
        """The keys ``policies``, ``kendall_tau`` and ``stability`` of ``ordito analyze mcda``."""
        return {
            "policies": {
                policy: {
                    "scores": {
                        alternative: float(score)
                        for alternative, score in zip(self.alternatives, row, strict=True)
                    },
                    "ranking": list(ranking),
                }
                for policy, row, ranking in zip(
                    self.policies, self.scores, self.rankings, strict=True
                )
            },
            "kendall_tau": {
                policy: {
                    other: None if np.isnan(tau) else float(tau)
                    for other, tau in zip(self.policies, row, strict=True)
                }
                for policy, row in zip(self.policies, self.kendall_tau, strict=True)
            },
            "stability": {
                alternative: {"mean": float(mean), "std": float(std)}
                for alternative, mean, std in zip(
                    self.alternatives, self.mean, self.std, strict=True
                )
            },
        }


def policy_comparison(
    scores: Mapping[str, ArrayLike], *, alternatives: Sequence[str]
) -> PolicyComparison:
    """Compare the scores of the same alternatives under several policies.

    Parameters
    ----------
    scores : mapping of str to array_like
        Policy id -> one finite score per alternative (higher is better), at least one policy.
    alternatives : sequence of str
        Distinct alternative ids, in the order of the scores.

    Returns
    -------
    PolicyComparison

    Raises
    ------
    AnalysisInputError
        Naming ``scores`` (and the policy and alternative) or ``alternatives``.

    Examples
    --------
    >>> result = policy_comparison({"growth": [3, 2, 1], "cohesion": [1, 2, 3]},
    ...                            alternatives=["a", "b", "c"])
    >>> result.rankings, float(result.kendall_tau[0, 1]), result.std.tolist()
    ((('a', 'b', 'c'), ('c', 'b', 'a')), -1.0, [1.0, 0.0, 1.0])
    """
    if not isinstance(scores, Mapping):
        raise AnalysisInputError(
            f"scores: expected a mapping of policy ids to scores, got {type(scores).__name__}.",
            argument="scores",
        )
    if not scores:
        raise AnalysisInputError(
            "scores: expected at least one policy, got an empty mapping.", argument="scores"
        )
    policy_ids = as_labels(list(scores), argument="scores", size=len(scores))
    alternative_ids = as_labels(alternatives, argument="alternatives", size=len(alternatives))
    table = np.vstack(
        [
            _policy_scores(values, policy=policy, index=index, size=len(alternative_ids))
            for index, (policy, values) in enumerate(zip(policy_ids, scores.values(), strict=True))
        ]
    )
    rankings = tuple(
        tuple(alternative_ids[i] for i in ranking_order(row).tolist()) for row in table
    )
    return PolicyComparison(
        policies=policy_ids,
        alternatives=alternative_ids,
        scores=frozen(table),
        rankings=rankings,
        kendall_tau=frozen(_kendall_tau_b(np.vstack([_tie_groups(row) for row in table]))),
        mean=frozen(table.mean(axis=0)),
        std=frozen(table.std(axis=0)),
    )


def _policy_scores(values: ArrayLike, *, policy: str, index: int, size: int) -> np.ndarray:
    try:
        row = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as error:
        raise AnalysisInputError(
            f"scores: expected numbers for policy {policy!r}, got {type(values).__name__} "
            f"({error}).",
            argument="scores",
            position=(index,),
        ) from None
    if row.shape != (size,):
        raise AnalysisInputError(
            f"scores: expected {size} scores, one per alternative, for policy {policy!r}, got "
            f"shape {row.shape}.",
            argument="scores",
            position=(index,),
        )
    bad = np.flatnonzero(~np.isfinite(row))
    if bad.size:
        raise AnalysisInputError(
            f"scores: expected finite numbers for policy {policy!r}, got {row[bad[0]]} for "
            f"alternative {int(bad[0])}.",
            argument="scores",
            position=(index, int(bad[0])),
        )
    return row


def _tie_groups(values: np.ndarray) -> np.ndarray:
    """A code per item, equal for tied items and smaller for better ones (house tie rule).

    As in `ordito.analysis.ranking`: going down from the best, a value within the tolerance of
    the first value of the current group joins that group.
    """
    codes = np.empty(values.size, dtype=np.int64)
    group = 0
    start = None
    for index in np.argsort(-values, kind="stable").tolist():
        if start is not None and start - values[index] > TIE_TOLERANCE:
            group += 1
            start = None
        if start is None:
            start = values[index]
        codes[index] = group
    return codes


def _kendall_tau_b(codes: np.ndarray) -> np.ndarray:
    """Tau-b between every two rows of tie-group codes; NaN where a row has no untied pair.

    With s_p(i, j) = sign(code_p[i] - code_p[j]) over all ordered pairs, sum s_p s_q is twice
    (concordant - discordant) and sum s_p^2 twice the untied pairs of p, so tau-b is the cosine
    of the sign vectors: all pairs of policies come out of one matrix product per block of rows.
    """
    count, size = codes.shape
    gram = np.zeros((count, count))
    rows = max(1, PAIRS_PER_BLOCK // max(size, 1))
    for start in range(0, size, rows):
        block = np.sign(codes[:, start : start + rows, None] - codes[:, None, :]).astype(float)
        flat = block.reshape(count, -1)
        gram += flat @ flat.T
    norms = np.sqrt(np.diag(gram))
    denominator = np.outer(norms, norms)
    with np.errstate(invalid="ignore", divide="ignore"):
        tau = np.where(denominator > 0, gram / denominator, np.nan)
    return np.clip(tau, -1.0, 1.0)
