"""Input checks shared by the methods: arrays of the right shape, labels that match them."""

from collections.abc import Iterable

import numpy as np
from numpy.typing import ArrayLike

from ordito.analysis.errors import AnalysisInputError

# `check_range` reads its array in row blocks of about this many cells (512 KiB of float64), so
# the block and its temporaries stay in a core's cache and a valid array is read once from memory.
CHECK_BLOCK_CELLS = 1 << 16


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


def as_labels(labels: Iterable[object], *, argument: str, size: int) -> tuple[str, ...]:
    """Return `labels` as a tuple of `size` distinct strings, or raise naming `argument`."""
    return tuple(label_index(labels, argument=argument, size=size))


def label_index(labels: Iterable[object], *, argument: str, size: int) -> dict[str, int]:
    """Map each of `size` distinct labels, as a string, to its position; raise naming `argument`.

    The dictionary keeps the labels' order, so its keys are what `as_labels` returns. Labels
    that are all strings already (the usual case, and 100,000 task ids for CPM) are used as they
    are: converting them costs as much as building the dictionary.
    """
    names = labels if isinstance(labels, list | tuple) else tuple(labels)
    if set(map(type, names)) != {str}:
        names = tuple(map(str, names))
    if len(names) != size:
        raise AnalysisInputError(
            f"{argument}: expected {size} labels, got {len(names)}.", argument=argument
        )
    index = dict(zip(names, range(size), strict=True))
    if len(index) < size:
        first = dict(zip(reversed(names), range(size - 1, -1, -1), strict=True))
        position, name = next((i, name) for i, name in enumerate(names) if first[name] != i)
        raise AnalysisInputError(
            f"{argument}: the id {name!r} appears twice (positions {first[name]} and {position}).",
            argument=argument,
            position=(position,),
        )
    return index


def check_range(
    array: np.ndarray, *, argument: str, low: float, high: float, integers: bool = False
) -> None:
    """Raise naming `argument` and the first cell outside [low, high] (or not an integer).

    "First" is in row-major order. NaN is outside no range, but it is not an integer. The array
    is read in row blocks: a block passes on its minimum and maximum (and, for `integers`, on
    being equal to its rounding) without a temporary the size of the array, and only the first
    block that fails is searched cell by cell.
    """
    cells = np.atleast_1d(array)
    if cells.size == 0:
        return
    rows = max(1, CHECK_BLOCK_CELLS // (cells.size // cells.shape[0]))
    for start in range(0, cells.shape[0], rows):
        block = cells[start : start + rows]
        if _within(block, low, high, integers):
            continue
        bad = (block < low) | (block > high)
        if integers:
            bad |= block != np.round(block)
        flat = np.flatnonzero(bad)
        if flat.size == 0:
            continue  # the block holds NaN, which no range excludes
        inside = np.unravel_index(int(flat[0]), block.shape)
        position = (start + int(inside[0]), *(int(i) for i in inside[1:]))
        kind = "integers" if integers else "numbers"
        raise AnalysisInputError(
            f"{argument}: expected {kind} from {low:g} to {high:g}, got {cells[position]:g}.",
            argument=argument,
            position=position if np.ndim(array) else None,
        )


def _within(block: np.ndarray, low: float, high: float, integers: bool) -> bool:
    """Whether every cell of `block` is from `low` to `high` (and an integer); False on NaN."""
    if not (block.min() >= low and block.max() <= high):
        return False
    return not integers or bool(np.array_equal(np.rint(block), block))


def frozen(array: np.ndarray) -> np.ndarray:
    """Return `array` made read-only, for the results' fields."""
    array = np.array(array, copy=True)
    array.setflags(write=False)
    return array
