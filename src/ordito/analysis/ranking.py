"""Rankings with the house rule for ties: values within 1e-12 are equal, input order breaks them."""

import numpy as np
from numpy.typing import ArrayLike

TIE_TOLERANCE = 1e-12


def ranking_order(scores: ArrayLike, *, descending: bool = True) -> np.ndarray:
    """Indices of `scores` from best to worst.

    Scores within `TIE_TOLERANCE` of the running best are tied and keep their input order.

    >>> ranking_order([0.2, 0.5, 0.5 + 1e-13, 0.1]).tolist()
    [1, 2, 0, 3]
    """
    values = np.asarray(scores, dtype=float)
    keyed = -values if descending else values
    order = np.argsort(keyed, kind="stable")
    sorted_values = keyed[order]
    gaps = np.diff(sorted_values)
    if not np.any((gaps > 0) & (gaps <= TIE_TOLERANCE)):
        # No near-tie: exact ties already keep their input order in a stable sort.
        return order
    # Snap each value to the smallest member of its tie group, so a stable sort keeps input order.
    snapped = keyed.copy()
    group_start = sorted_values[0] if sorted_values.size else 0.0
    for position, index in enumerate(order):
        if sorted_values[position] - group_start > TIE_TOLERANCE:
            group_start = sorted_values[position]
        snapped[index] = group_start
    return np.argsort(snapped, kind="stable")


def ranks(scores: ArrayLike, *, descending: bool = True) -> np.ndarray:
    """Rank of each item (1 = best), ties broken by input order."""
    order = ranking_order(scores, descending=descending)
    result = np.empty(order.size, dtype=int)
    result[order] = np.arange(1, order.size + 1)
    return result
