"""Input checks shared by the methods: arrays of the right shape, labels that match them."""

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from ordito.analysis.errors import AnalysisInputError


def as_matrix(value: ArrayLike, *, argument: str, square: bool = False) -> np.ndarray:
    """Return `value` as a 2-D float array with finite values, or raise naming `argument`."""
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as error:
        raise AnalysisInputError(
            f"{argument}: expected a matrix of numbers, got {type(value).__name__} ({error}).",
            argument=argument,
        ) from None
    if array.ndim != 2:
        raise AnalysisInputError(
            f"{argument}: expected a 2-D matrix, got {array.ndim} dimension(s).", argument=argument
        )
    if square and array.shape[0] != array.shape[1]:
        raise AnalysisInputError(
            f"{argument}: expected a square matrix, got {array.shape[0]} rows and "
            f"{array.shape[1]} columns.",
            argument=argument,
        )
    bad = np.argwhere(~np.isfinite(array))
    if bad.size:
        row, column = (int(i) for i in bad[0])
        raise AnalysisInputError(
            f"{argument}: expected finite numbers, got {array[row, column]}.",
            argument=argument,
            position=(row, column),
        )
    return array


def as_labels(labels: Sequence[str], *, argument: str, size: int) -> tuple[str, ...]:
    """Return `labels` as a tuple of `size` distinct strings, or raise naming `argument`."""
    result = tuple(str(label) for label in labels)
    if len(result) != size:
        raise AnalysisInputError(
            f"{argument}: expected {size} labels, got {len(result)}.", argument=argument
        )
    seen: dict[str, int] = {}
    for index, label in enumerate(result):
        if label in seen:
            raise AnalysisInputError(
                f"{argument}: the id {label!r} appears twice (positions {seen[label]} and {index}).",
                argument=argument,
                position=(index,),
            )
        seen[label] = index
    return result


def check_range(
    array: np.ndarray, *, argument: str, low: float, high: float, integers: bool = False
) -> None:
    """Raise naming `argument` and the first cell outside [low, high] (or not an integer)."""
    bad = (array < low) | (array > high)
    if integers:
        bad |= array != np.round(array)
    hits = np.argwhere(bad)
    if hits.size:
        position = tuple(int(i) for i in hits[0])
        kind = "integers" if integers else "numbers"
        raise AnalysisInputError(
            f"{argument}: expected {kind} from {low:g} to {high:g}, got {array[position]:g}.",
            argument=argument,
            position=position,
        )


def frozen(array: np.ndarray) -> np.ndarray:
    """Return `array` made read-only, for the results' fields."""
    array = np.array(array, copy=True)
    array.setflags(write=False)
    return array
