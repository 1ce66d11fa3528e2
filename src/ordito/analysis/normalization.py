"""Inputs of the multicriteria methods, checked and made comparable.

A decision problem is a matrix of alternatives (rows) by criteria (columns), a direction per
criterion ("max": more is better, a benefit; "min": less is better, a cost) and, for the methods
that take them, weights. This module checks those inputs, divides the weights by their sum and
rescales each criterion so that higher always means better:

- ``minmax``: benefit (x - min) / (max - min), cost (max - x) / (max - min). A constant criterion
  (max == min) cannot separate the alternatives, so it normalises to 0 for all of them and
  contributes nothing to any score.
- ``sum``: benefit x / sum(x), cost (1/x) / sum(1/x). The values are read as shares of a total, so
  a benefit criterion needs values >= 0 with a positive sum and a cost criterion needs values > 0
  (1/x is undefined at 0 and reverses order below it); anything else is bad input.
- ``vector``: x / ||x|| (Euclidean norm of the column). For a cost criterion the value is
  1 - x / ||x||: a reflection of the column, so that higher is better while every distance between
  alternatives, and therefore TOPSIS, stays exactly as in Hwang & Yoon, who keep x / ||x|| and take
  the column minimum as the ideal. An all-zero criterion normalises to 0.

References
----------
Hwang, C.-L. & Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and Applications*.
Springer, Lecture Notes in Economics and Mathematical Systems 186 (the normalisations).
"""

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from ordito.analysis.arrays import as_labels, as_matrix
from ordito.analysis.errors import AnalysisInputError

DIRECTIONS = ("max", "min")
NORMALIZATIONS = ("minmax", "sum", "vector")


def decision_matrix(
    matrix: ArrayLike, *, alternatives: Sequence[str], criteria: Sequence[str], min_rows: int = 1
) -> tuple[np.ndarray, tuple[str, ...], tuple[str, ...]]:
    """Return the decision matrix as floats with its alternative and criterion ids.

    Raises `AnalysisInputError` naming ``matrix`` when it is not a finite 2-D matrix with at
    least `min_rows` rows and one column, or naming the label argument that does not match it.
    """
    values = as_matrix(matrix, argument="matrix")
    rows, columns = values.shape
    if rows < min_rows or columns < 1:
        raise AnalysisInputError(
            f"matrix: expected at least {min_rows} alternative(s) and 1 criterion, got {rows} "
            f"row(s) and {columns} column(s).",
            argument="matrix",
        )
    return (
        values,
        as_labels(alternatives, argument="alternatives", size=rows),
        as_labels(criteria, argument="criteria", size=columns),
    )


def benefit_mask(directions: Sequence[str], *, criteria: Sequence[str]) -> np.ndarray:
    """True for each criterion to maximise ("max"), False for each to minimise ("min")."""
    given = list(directions)
    if len(given) != len(criteria):
        raise AnalysisInputError(
            f"directions: expected one per criterion ({len(criteria)}), got {len(given)}.",
            argument="directions",
        )
    for index, direction in enumerate(given):
        if direction not in DIRECTIONS:
            raise AnalysisInputError(
                f"directions: expected 'max' or 'min' for criterion {criteria[index]!r}, "
                f"got {direction!r}.",
                argument="directions",
                position=(index,),
            )
    return np.array([direction == "max" for direction in given], dtype=bool)


def criterion_weights(weights: ArrayLike, *, criteria: Sequence[str]) -> np.ndarray:
    """Return the weights divided by their sum.

    Weights must be finite and non-negative, one per criterion, and not all zero.
    """
    try:
        values = np.asarray(weights, dtype=float)
    except (TypeError, ValueError) as error:
        raise AnalysisInputError(
            f"weights: expected one number per criterion, got {type(weights).__name__} ({error}).",
            argument="weights",
        ) from None
    if values.shape != (len(criteria),):
        raise AnalysisInputError(
            f"weights: expected {len(criteria)} numbers, one per criterion, got shape "
            f"{values.shape}.",
            argument="weights",
        )
    for index, weight in enumerate(values):
        if not np.isfinite(weight) or weight < 0:
            raise AnalysisInputError(
                f"weights: expected a finite number >= 0 for criterion {criteria[index]!r}, "
                f"got {weight}.",
                argument="weights",
                position=(index,),
            )
    total = values.sum()
    if total <= 0:
        raise AnalysisInputError(
            "weights: expected at least one positive weight, got all zero.", argument="weights"
        )
    return values / total


def check_normalization(normalization: str, *, allowed: Sequence[str]) -> str:
    """Return `normalization` if it is one of `allowed`, else raise naming ``normalization``."""
    if normalization not in allowed:
        raise AnalysisInputError(
            f"normalization: expected one of {', '.join(allowed)}, got {normalization!r}.",
            argument="normalization",
        )
    return normalization


def normalize(
    matrix: np.ndarray, *, is_benefit: np.ndarray, method: str, criteria: Sequence[str]
) -> np.ndarray:
    """Rescale each column of `matrix` by `method` so that higher is better on every criterion.

    Parameters
    ----------
    matrix : numpy.ndarray
        Alternatives by criteria, finite floats.
    is_benefit : numpy.ndarray
        One bool per criterion, True to maximise.
    method : {"minmax", "sum", "vector"}
        The normalisation, as described in the module docstring.
    criteria : sequence of str
        Criterion ids, to name the criterion in an error.

    Raises
    ------
    AnalysisInputError
        Naming ``matrix`` and the first cell that `sum` cannot normalise.

    Examples
    --------
    >>> normalize(np.array([[1.0, 10.0], [3.0, 30.0]]), is_benefit=np.array([True, False]),
    ...           method="minmax", criteria=["a", "b"]).tolist()
    [[0.0, 1.0], [1.0, 0.0]]
    """
    check_normalization(method, allowed=NORMALIZATIONS)
    if method == "minmax":
        return _minmax(matrix, is_benefit)
    if method == "sum":
        return _sum(matrix, is_benefit, criteria)
    return _vector(matrix, is_benefit)


def _minmax(matrix: np.ndarray, is_benefit: np.ndarray) -> np.ndarray:
    low = matrix.min(axis=0)
    high = matrix.max(axis=0)
    spread = high - low
    constant = spread == 0
    scaled = np.where(is_benefit, matrix - low, high - matrix) / np.where(constant, 1.0, spread)
    scaled[:, constant] = 0.0
    return scaled


def _sum(matrix: np.ndarray, is_benefit: np.ndarray, criteria: Sequence[str]) -> np.ndarray:
    bad = np.where(is_benefit, matrix < 0, matrix <= 0)
    hits = np.argwhere(bad)
    if hits.size:
        row, column = (int(i) for i in hits[0])
        expected = "a number >= 0" if is_benefit[column] else "a number > 0 (its 1/x is used)"
        raise AnalysisInputError(
            f"matrix: the sum normalisation needs {expected} for "
            f"{'benefit' if is_benefit[column] else 'cost'} criterion {criteria[column]!r}, got "
            f"{matrix[row, column]:g}.",
            argument="matrix",
            position=(row, column),
        )
    zero_sums = np.flatnonzero(is_benefit & (matrix.sum(axis=0) == 0))
    if zero_sums.size:
        column = int(zero_sums[0])
        raise AnalysisInputError(
            f"matrix: the sum normalisation needs a positive total for criterion "
            f"{criteria[column]!r}, got all zeros in column {column}.",
            argument="matrix",
        )
    oriented = np.where(is_benefit, matrix, 1.0 / np.where(is_benefit, 1.0, matrix))
    return oriented / oriented.sum(axis=0)


def _vector(matrix: np.ndarray, is_benefit: np.ndarray) -> np.ndarray:
    # Dividing by the largest magnitude first keeps the squares from underflowing or overflowing.
    scale = np.abs(matrix).max(axis=0)
    zero = scale == 0
    unit = matrix / np.where(zero, 1.0, scale)
    # An all-zero column is divided by 1 instead of 0, then set to 0.
    unit /= np.sqrt(np.einsum("ij,ij->j", unit, unit)) + zero
    unit[:, ~is_benefit] = 1.0 - unit[:, ~is_benefit]
    unit[:, zero] = 0.0
    return unit
