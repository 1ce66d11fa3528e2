"""AHP: priority weights from a pairwise comparison matrix, with its consistency.

Entry a_ij of the n x n matrix says how many times more important item i is than item j (Saaty's
scale: 1 to 9 and their reciprocals), so the matrix is positive and reciprocal, a_ji = 1 / a_ij.
The weights are its principal (Perron) eigenvector divided by its sum; lambda_max is the
principal eigenvalue, the consistency index CI = (lambda_max - n) / (n - 1) and the consistency
ratio CR = CI / RI, with Saaty's random index RI = 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45,
1.49 for n = 1..10.

Choices where the method leaves room:

- Judgements are typed with rounded reciprocals (0.33 for 1/3, 0.143 for 1/7). A pair is accepted
  when a_ij * a_ji is within 1 % of 1 (1 % included); the entry >= 1 of the pair is then taken as the judgement
  and its mirror as its exact reciprocal, so that rounding does not bend the result (and so that
  lambda_max >= n holds, as it does for every positive reciprocal matrix). The diagonal must be
  1 within 1 %.
- n <= 2: a reciprocal 1 x 1 or 2 x 2 matrix is always consistent: CI = 0 and CR = 0 (RI is 0).
- n > 10: Saaty's table stops at 10 (and he advises comparing at most about nine items), so CR is
  not defined: it is None, while lambda_max and CI are still given.
- lambda_max below n by rounding alone is reported as n, so CI is never negative.

References
----------
Saaty, T. L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill, New York (the eigenvector
method and the random index).
Saaty, T. L. (1990). How to make a decision: the analytic hierarchy process. *European Journal of
Operational Research* 48(1), 9-26 (the house example used in the tests).
Saaty, T. L. (2003). Decision-making with the AHP: why is the principal eigenvector necessary.
*European Journal of Operational Research* 145(1), 85-91 (the house matrix again, Table 1).
Wikipedia, "Analytic hierarchy process - leader example" (the criteria weights used in the tests).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ordito.analysis.arrays import as_labels, as_matrix, frozen
from ordito.analysis.errors import AnalysisInputError

# Saaty's random index for n = 1..10 (index 0 is n = 1).
RANDOM_INDEX = (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49)

# Relative tolerance on a_ij * a_ji == 1 and on the unit diagonal; the slack keeps exactly 1 %
# (3 * 0.33 = 0.99) inside despite binary rounding.
RECIPROCAL_TOLERANCE = 0.01 + 1e-9


@dataclass(frozen=True, slots=True)
class AhpResult:
    """Priority weights of the compared items and the consistency of the comparisons.

    Attributes
    ----------
    labels : tuple of str
        Item ids, in input order.
    weights : numpy.ndarray
        Principal eigenvector, positive, summing to 1.
    lambda_max : float
        Principal eigenvalue (>= n).
    ci : float
        Consistency index (lambda_max - n) / (n - 1); 0 for n <= 2.
    cr : float or None
        Consistency ratio CI / RI; 0 for n <= 2, None for n > 10.
    """

    labels: tuple[str, ...]
    weights: np.ndarray
    lambda_max: float
    ci: float
    cr: float | None

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``ordito analyze ahp``: weights, lambda_max, ci, cr."""
        return {
            "weights": {
                label: float(weight)
                for label, weight in zip(self.labels, self.weights, strict=True)
            },
            "lambda_max": self.lambda_max,
            "ci": self.ci,
            "cr": self.cr,
        }


def ahp(pairwise: ArrayLike, *, labels: Sequence[str]) -> AhpResult:
    """Priority weights and consistency of a pairwise comparison matrix.

    Parameters
    ----------
    pairwise : array_like
        Square matrix, a_ij = importance of item i over item j; positive, reciprocal within 1 %,
        unit diagonal.
    labels : sequence of str
        Distinct ids of the items, in the order of the rows (and columns).

    Returns
    -------
    AhpResult

    Raises
    ------
    AnalysisInputError
        Naming ``pairwise`` and the cell that is not positive or not reciprocal, or ``labels``.

    Examples
    --------
    >>> result = ahp([[1, 3, 6], [1 / 3, 1, 2], [1 / 6, 0.5, 1]], labels=["cost", "time", "risk"])
    >>> result.weights.round(3).tolist(), round(result.ci, 9), round(result.cr, 9)
    ([0.667, 0.222, 0.111], 0.0, 0.0)
    """
    matrix = as_matrix(pairwise, argument="pairwise", square=True)
    size = matrix.shape[0]
    if size == 0:
        raise AnalysisInputError(
            "pairwise: expected at least one item, got none.", argument="pairwise"
        )
    item_ids = as_labels(labels, argument="labels", size=size)
    reciprocal = _reciprocal(matrix, item_ids)

    eigenvalues, eigenvectors = np.linalg.eig(reciprocal)
    principal = int(np.argmax(eigenvalues.real))
    vector = np.abs(eigenvectors[:, principal].real)
    weights = vector / vector.sum()
    lambda_max = max(float(eigenvalues[principal].real), float(size))
    if size <= 2:
        ci, cr = 0.0, 0.0
    else:
        ci = (lambda_max - size) / (size - 1)
        cr = ci / RANDOM_INDEX[size - 1] if size <= len(RANDOM_INDEX) else None
    return AhpResult(labels=item_ids, weights=frozen(weights), lambda_max=lambda_max, ci=ci, cr=cr)


def _reciprocal(matrix: np.ndarray, labels: tuple[str, ...]) -> np.ndarray:
    """Check positivity and reciprocity; return the matrix rebuilt from its entries >= 1."""
    hits = np.argwhere(matrix <= 0)
    if hits.size:
        row, column = (int(i) for i in hits[0])
        raise AnalysisInputError(
            f"pairwise: expected positive numbers, got {matrix[row, column]:g} "
            f"({labels[row]!r} over {labels[column]!r}).",
            argument="pairwise",
            position=(row, column),
        )
    products = matrix * matrix.T
    hits = np.argwhere(np.abs(products - 1.0) > RECIPROCAL_TOLERANCE)
    if hits.size:
        row, column = (int(i) for i in hits[0])
        if row == column:
            expected = "1 on the diagonal"
        else:
            expected = (
                f"the reciprocal of {matrix[column, row]:g} ({labels[column]!r} over "
                f"{labels[row]!r}) within 1 %"
            )
        raise AnalysisInputError(
            f"pairwise: expected {expected}, got {matrix[row, column]:g} "
            f"({labels[row]!r} over {labels[column]!r}).",
            argument="pairwise",
            position=(row, column),
        )
    # Keep the larger entry of each pair (the upper one when they are equal), mirror the other.
    upper = np.triu(np.ones(matrix.shape, dtype=bool))
    keep = (matrix > matrix.T) | ((matrix == matrix.T) & upper)
    result = np.where(keep, matrix, 1.0 / matrix.T)
    np.fill_diagonal(result, 1.0)
    return result
