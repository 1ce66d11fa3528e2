"""Structural analysis (MICMAC) of a cross-impact matrix.

A cell ``matrix[i, j]`` (0 to 3) says how strongly variable ``i`` influences variable ``j``. The
direct influence of a variable is its row sum and its direct dependence its column sum; the
indirect ones are the row and column sums of the matrix raised to a power, which count the chains
of influence of that length; the potential ones count the potential (``P``) cells as 3. Each
variable falls in a sector of the influence–dependence plane, on the direct and on the indirect
plane, and moves up or down between the direct and the indirect classification.

Numbers follow the "Definitions" of Ordito's issue #3 where the sources leave a choice: the
default power is the smallest k >= 2 at which both rankings equal those at k - 1, searched up to
max(30, 2n); the axes of the plane cut at the mean, "high" meaning strictly above it.

References
----------
.. [1] J.-C. Duperrin and M. Godet, "Méthode de hiérarchisation des éléments d'un système",
   Rapport économique du CEA, R-45-41, 1973.
.. [2] M. Godet, *From Anticipation to Action: A Handbook of Strategic Prospective*, UNESCO
   Publishing, 1994, chapter 4 (structural analysis and the MICMAC method).
.. [3] J. Arcade, M. Godet, F. Meunier and F. Roubelat, "Structural analysis with the MICMAC
   method & Actors' strategy with MACTOR method", in *Futures Research Methodology*, AC/UNU
   Millennium Project, 1999.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ordito.analysis.arrays import as_labels, as_matrix, check_range, frozen
from ordito.analysis.errors import AnalysisInputError
from ordito.analysis.ranking import TIE_TOLERANCE, ranking_order, ranks

POTENTIAL_STRENGTH = 3
MINIMUM_SEARCH = 30

# Sums are multiplied by 2**-512 once their largest entry passes 2**512. A power of two rescales
# without rounding, and one more product grows a sum by at most 3n, so nothing overflows.
_RESCALE_BITS = 512
_RESCALE_ABOVE = 2.0**_RESCALE_BITS
_PERRON_TOLERANCE = 1e-14
# The four sums that can pass the range of float64, in the order of `MicmacResult.sum_exponents`.
SUM_NAMES = (
    "indirect_influence",
    "indirect_dependence",
    "potential_influence",
    "potential_dependence",
)
_PRODUCT_BLOCK_CELLS = 1 << 18

_SECTORS = {
    (True, False): "influent",
    (True, True): "relay",
    (False, True): "dependent",
    (False, False): "autonomous",
}

Cells = tuple[np.ndarray, np.ndarray]  # row and column indices of the potential cells


@dataclass(frozen=True, slots=True)
class MicmacResult:
    """Influence, dependence and sectors of each variable, in the order of `variables`.

    The indirect and potential sums are float64 and exact while below 2**53. Each of these four
    vectors is shown divided by ``10**e``, ``e`` its entry in `sum_exponents` (in the order of
    `SUM_NAMES`): 0 while the vector's sums fit in float64, and otherwise the exponent that puts
    its largest sum between 1 and 10, as in scientific notation, so every number stays finite
    (relative error below 1e-12). Ranks count from 1 (the most
    influential, the most dependent); a rank shift is the direct rank minus the indirect one, so
    a positive shift means the variable climbs in the indirect classification.
    """

    variables: tuple[str, ...]
    direct_influence: np.ndarray
    direct_dependence: np.ndarray
    indirect_influence: np.ndarray
    indirect_dependence: np.ndarray
    potential_influence: np.ndarray
    potential_dependence: np.ndarray
    sum_exponents: tuple[int, int, int, int]  # the sums above are divided by 10**exponent
    power: int
    converged: bool
    ranking_basis: str  # "power": ranks of the sums at `power`; "eigenvector": Perron vectors
    sectors: tuple[str, ...]
    indirect_sectors: tuple[str, ...]
    direct_influence_rank: np.ndarray
    direct_dependence_rank: np.ndarray
    indirect_influence_rank: np.ndarray
    indirect_dependence_rank: np.ndarray
    influence_rank_shift: np.ndarray
    dependence_rank_shift: np.ndarray

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``ordito analyze micmac``, plus ``ranking_basis`` and ``rank_shift``."""
        ids = self.variables
        return {
            "variables": list(ids),
            "direct_influence": _keyed_ints(ids, self.direct_influence),
            "direct_dependence": _keyed_ints(ids, self.direct_dependence),
            "indirect_influence": _keyed_floats(ids, self.indirect_influence),
            "indirect_dependence": _keyed_floats(ids, self.indirect_dependence),
            "potential_influence": _keyed_floats(ids, self.potential_influence),
            "potential_dependence": _keyed_floats(ids, self.potential_dependence),
            "sum_exponents": dict(zip(SUM_NAMES, self.sum_exponents, strict=True)),
            "power": self.power,
            "converged": self.converged,
            "sectors": dict(zip(ids, self.sectors, strict=True)),
            "indirect_sectors": dict(zip(ids, self.indirect_sectors, strict=True)),
            "ranking_basis": self.ranking_basis,
            "rank_shift": {
                label: {"influence": int(influence), "dependence": int(dependence)}
                for label, influence, dependence in zip(
                    ids, self.influence_rank_shift, self.dependence_rank_shift, strict=True
                )
            },
        }


def micmac(
    matrix: ArrayLike,
    *,
    labels: Sequence[str],
    potential: ArrayLike | None = None,
    power: int | None = None,
) -> MicmacResult:
    """Direct, indirect and potential classification of the variables of a system.

    Parameters
    ----------
    matrix : array_like, shape (n, n)
        Integers from 0 to 3; ``matrix[i, j]`` is the direct influence of variable ``i`` on
        variable ``j``. Potential cells are given as 0 here and True in `potential`.
    labels : sequence of str
        The n distinct variable ids, in the order of the rows (and columns).
    potential : array_like of bool, shape (n, n), optional
        True where the influence is potential (``P``); such a cell must be 0 in `matrix`.
    power : int, optional
        The power for the indirect and potential sums. By default, the smallest k >= 2 at which
        the influence ranking and the dependence ranking (``P`` counted as 0) both equal those at
        k - 1, searched up to max(30, 2n). Given, `converged` says whether the rankings at that
        power equal those at the power before it (False for power 1).

    Returns
    -------
    MicmacResult
        When the default search finds no such k, `power` is its last power, `converged` is
        False and the indirect ranks (and rank shifts) come from the Perron eigenvectors of the
        matrix (``ranking_basis == "eigenvector"``), the limit that the power rankings would
        reach if they did not oscillate. The indirect sectors always use the sums at `power`.

    Raises
    ------
    AnalysisInputError
        For a matrix that is not square, empty, or holds a value that is not an integer from 0
        to 3 (NaN included); for labels that do not match the matrix or repeat; for a potential
        matrix of another shape, that is not boolean, or marks a cell that also holds a value;
        for a power that is not an integer >= 1. The error names the argument and the position.

    Notes
    -----
    Only the sums of the powers are computed, never the powers: the row sums of M^k are
    M (M^(k-1) 1), the column sums 1' M^(k-1) M, so each power costs two matrix–vector products
    (four with potential cells, done in one pass over the matrix).
    The sums grow like λ^k (λ the Perron root), and for thousands of variables they pass the
    range of float64 after a few dozen powers. They are therefore kept as a float64 vector times
    a power of two, rescaled exactly; rankings and sectors are computed on the sums divided by
    their largest one, so they never overflow. The house tie rule (values within 1e-12 are tied)
    thus applies relative to the largest sum: a tolerance that absorbs the rounding of products
    beyond 2**53 and nothing more. The reported sums are exact while float64 can hold them.

    Past float64's range (about 1.8e308, reached near power 800 when the Perron root is 2.5)
    each vector of sums is reported divided by a power of ten, stated in `sum_exponents`,
    rather than as ``inf`` (``null`` in JSON beside ``"converged": true``, issue 8). This was
    chosen over exact integers, which for thousands of variables would cost hundreds of digits
    per sum and per product, and over refusing large powers, which the default search itself
    can reach with thousands of variables: at those powers only the proportions between sums
    carry meaning, and scientific notation keeps them (to 1e-12) and the order of magnitude too.

    A search that does not converge costs max(30, 2n) passes over the matrix, plus up to as many
    for the Perron vectors, which come from power iteration on M + cI (c the mean row sum): the shift
    keeps the Perron root strictly dominant even when the powers oscillate.

    Examples
    --------
    >>> result = micmac([[0, 3, 1], [0, 0, 2], [1, 0, 0]], labels=["a", "b", "c"])
    >>> result.direct_influence.tolist(), result.power, result.converged
    ([4.0, 2.0, 1.0], 7, True)
    >>> result.sectors
    ('influent', 'dependent', 'dependent')
    """
    cross = as_matrix(matrix, argument="matrix", square=True)
    size = cross.shape[0]
    if size == 0:
        raise AnalysisInputError(
            "matrix: expected at least one variable, got none.", argument="matrix"
        )
    check_range(cross, argument="matrix", low=0, high=3, integers=True)
    variables = as_labels(labels, argument="labels", size=size)
    cells = _potential_cells(potential, cross)
    _check_power(power)

    cap = max(MINIMUM_SEARCH, 2 * size)
    walk, converged = _search(cross, cells, cap) if power is None else _forced(cross, cells, power)

    direct_influence = cross.sum(axis=1)
    direct_dependence = cross.sum(axis=0)
    if converged or power is not None:
        basis = "power"
        influence_scores, dependence_scores = walk.shares()
    else:
        basis = "eigenvector"
        shift = float(direct_influence.mean())
        influence_scores, dependence_scores = _perron_vectors(cross, shift, walk.power)

    (indirect_influence, potential_influence), influence_exponents = walk.scaled("influence")
    (indirect_dependence, potential_dependence), dependence_exponents = walk.scaled("dependence")
    direct_ranks = ranks(direct_influence), ranks(direct_dependence)
    indirect_ranks = ranks(influence_scores), ranks(dependence_scores)
    return MicmacResult(
        variables=variables,
        direct_influence=frozen(direct_influence),
        direct_dependence=frozen(direct_dependence),
        indirect_influence=frozen(indirect_influence),
        indirect_dependence=frozen(indirect_dependence),
        potential_influence=frozen(potential_influence),
        potential_dependence=frozen(potential_dependence),
        sum_exponents=(
            influence_exponents[0],
            dependence_exponents[0],
            influence_exponents[1],
            dependence_exponents[1],
        ),
        power=walk.power,
        converged=converged,
        ranking_basis=basis,
        sectors=_sectors(direct_influence, direct_dependence),
        indirect_sectors=_sectors(*walk.shares()),
        direct_influence_rank=frozen(direct_ranks[0]),
        direct_dependence_rank=frozen(direct_ranks[1]),
        indirect_influence_rank=frozen(indirect_ranks[0]),
        indirect_dependence_rank=frozen(indirect_ranks[1]),
        influence_rank_shift=frozen(direct_ranks[0] - indirect_ranks[0]),
        dependence_rank_shift=frozen(direct_ranks[1] - indirect_ranks[1]),
    )


class _Walk:
    """Row sums (influence) and column sums (dependence) of M, M², M³, ...

    Row 0 of `influence` and `dependence` belongs to the matrix (P counted as 0); row 1, when
    there are potential cells, to the potential matrix (P counted as 3), walked in step so that
    one pass over the matrix serves both. Each row of sums is ``values * 2**exponent``.
    """

    def __init__(self, cross: np.ndarray, cells: Cells | None):
        self._cross = cross
        self._cells = cells
        count = 1 if cells is None else 2
        self.power = 0
        self.influence = np.ones((count, cross.shape[0]))
        self.dependence = np.ones((count, cross.shape[0]))
        self.influence_exponent = np.zeros(count, dtype=int)
        self.dependence_exponent = np.zeros(count, dtype=int)
        self.advance()

    def advance(self) -> None:
        influence, dependence = _products(self._cross, self.influence, self.dependence)
        if self._cells is not None:
            rows, columns = self._cells
            size = self._cross.shape[0]
            extra_influence = np.bincount(rows, weights=self.influence[1, columns], minlength=size)
            extra_dependence = np.bincount(
                columns, weights=self.dependence[1, rows], minlength=size
            )
            influence[1] += POTENTIAL_STRENGTH * extra_influence
            dependence[1] += POTENTIAL_STRENGTH * extra_dependence
        self.influence, self.influence_exponent = _rescaled(influence, self.influence_exponent)
        self.dependence, self.dependence_exponent = _rescaled(dependence, self.dependence_exponent)
        self.power += 1

    def shares(self) -> tuple[np.ndarray, np.ndarray]:
        """The sums of the matrix's power, each divided by its largest one."""
        return _shares(self.influence[0]), _shares(self.dependence[0])

    def orders(self) -> tuple[np.ndarray, np.ndarray]:
        return tuple(ranking_order(shares) for shares in self.shares())

    def scaled(self, kind: str) -> tuple[tuple[np.ndarray, np.ndarray], tuple[int, int]]:
        """The influence or dependence sums of the matrix and of the potential matrix, each
        divided by ``10**e``, and the two exponents ``e`` (see `MicmacResult`).

        Without potential cells the potential sums are those of the matrix.
        """
        values = self.influence if kind == "influence" else self.dependence
        exponents = self.influence_exponent if kind == "influence" else self.dependence_exponent
        rows = [
            _decimal_scaled(row, int(exponent))
            for row, exponent in zip(values, exponents, strict=True)
        ]
        last = rows[-1]
        return (rows[0][0], last[0]), (rows[0][1], last[1])


def _products(
    cross: np.ndarray, right: np.ndarray, left: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``right @ cross.T`` and ``left @ cross`` (rows of vectors) in one pass over `cross`.

    The matrix is read block by block of rows small enough to stay in cache for both products:
    memory, not arithmetic, bounds a matrix–vector product, so this halves its cost.
    """
    rows = max(1, _PRODUCT_BLOCK_CELLS // cross.shape[1])
    influence = np.empty_like(right)
    dependence = np.zeros_like(left)
    for start in range(0, cross.shape[0], rows):
        block = cross[start : start + rows]
        influence[:, start : start + rows] = right @ block.T
        dependence += left[:, start : start + rows] @ block
    return influence, dependence


def _rescaled(values: np.ndarray, exponent: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Multiply by 2**-512 the rows whose largest sum passed 2**512 (exact: a power of two)."""
    large = values.max(axis=1) > _RESCALE_ABOVE
    if not large.any():
        return values, exponent
    values[large] = np.ldexp(values[large], -_RESCALE_BITS)
    return values, exponent + large * _RESCALE_BITS


def _search(cross: np.ndarray, cells: Cells | None, cap: int) -> tuple[_Walk, bool]:
    """Walk up to the first power whose two rankings equal the previous power's, or to `cap`."""
    walk = _Walk(cross, cells)
    previous = walk.orders()
    while walk.power < cap:
        walk.advance()
        current = walk.orders()
        if _same_orders(current, previous):
            return walk, True
        previous = current
    return walk, False


def _forced(cross: np.ndarray, cells: Cells | None, power: int) -> tuple[_Walk, bool]:
    """Walk to `power`; say whether its rankings equal those of the power before it."""
    walk = _Walk(cross, cells)
    if power == 1:
        return walk, False
    while walk.power < power - 1:
        walk.advance()
    previous = walk.orders()
    walk.advance()
    return walk, _same_orders(walk.orders(), previous)


def _same_orders(first: tuple[np.ndarray, ...], second: tuple[np.ndarray, ...]) -> bool:
    return all(np.array_equal(a, b) for a, b in zip(first, second, strict=True))


def _perron_vectors(
    cross: np.ndarray, shift: float, iterations: int
) -> tuple[np.ndarray, np.ndarray]:
    """Right and left Perron vectors of M, by power iteration on M + shift * I, largest entry 1."""
    vectors = np.ones((2, cross.shape[0]))
    for _ in range(iterations):
        right, left = _products(cross, vectors[:1], vectors[1:])
        following = np.vstack([right, left]) + shift * vectors
        tops = following.max(axis=1, keepdims=True)
        following = np.divide(following, tops, out=np.zeros_like(following), where=tops > 0)
        settled = np.max(np.abs(following - vectors)) <= _PERRON_TOLERANCE
        vectors = following
        if settled:
            break
    return vectors[0], vectors[1]


def _potential_cells(potential: ArrayLike | None, cross: np.ndarray) -> Cells | None:
    """Row and column indices of the potential cells, or None when there are none."""
    if potential is None:
        return None
    marks = np.asarray(potential)
    if marks.dtype != bool:
        numbers = as_matrix(marks, argument="potential")
        check_range(numbers, argument="potential", low=0, high=1, integers=True)
        marks = numbers != 0
    if marks.shape != cross.shape:
        raise AnalysisInputError(
            f"potential: expected a {cross.shape[0]}×{cross.shape[1]} matrix like matrix, got "
            f"shape {marks.shape}.",
            argument="potential",
        )
    rows, columns = np.divmod(np.flatnonzero(marks), marks.shape[1])
    if rows.size == 0:
        return None
    clashes = np.flatnonzero(cross[rows, columns] != 0)
    if clashes.size:
        row, column = int(rows[clashes[0]]), int(columns[clashes[0]])
        raise AnalysisInputError(
            f"potential: a potential cell must be 0 in matrix, got {cross[row, column]:g}.",
            argument="potential",
            position=(row, column),
        )
    return rows, columns


def _check_power(power: int | None) -> None:
    if power is None:
        return
    if isinstance(power, bool) or not isinstance(power, int | np.integer) or power < 1:
        raise AnalysisInputError(
            f"power: expected an integer >= 1 or None, got {power!r}.", argument="power"
        )


def _shares(values: np.ndarray) -> np.ndarray:
    top = values.max()
    return values / top if top > 0 else values.copy()


def _sectors(influence: np.ndarray, dependence: np.ndarray) -> tuple[str, ...]:
    """Sector of each variable: axes cut at the mean, "high" strictly above it."""
    high_influence = _above_mean(influence)
    high_dependence = _above_mean(dependence)
    return tuple(
        _SECTORS[(bool(i), bool(d))] for i, d in zip(high_influence, high_dependence, strict=True)
    )


def _above_mean(values: np.ndarray) -> np.ndarray:
    # Compared as shares of the largest value, with the house tolerance: a value equal to the
    # mean is not above it, whatever the rounding of the mean.
    shares = _shares(values)
    return shares > shares.mean() + TIE_TOLERANCE


def _decimal_scaled(values: np.ndarray, exponent: int) -> tuple[np.ndarray, int]:
    """``values * 2**exponent`` divided by ``10**e``: e = 0 while that fits in float64, else
    the e that puts the largest between 1 and 10.

    Beyond float64 the sums are far past 2**53 and already rounded, so a relative error of about
    1e-13 (from the logarithm of the power of two) loses nothing a reader could use; the ranks
    are computed elsewhere, on the shares, and do not depend on this.
    """
    with np.errstate(over="ignore"):
        plain = np.ldexp(values, exponent)
    if np.isfinite(plain).all():
        return plain, 0
    top = float(values.max())
    magnitude = math.log10(top) + exponent * math.log10(2)
    decimal = math.floor(magnitude)
    return values / top * 10.0 ** (magnitude - decimal), decimal


def _keyed_ints(ids: tuple[str, ...], values: np.ndarray) -> dict[str, int]:
    return {label: int(value) for label, value in zip(ids, values, strict=True)}


def _keyed_floats(ids: tuple[str, ...], values: np.ndarray) -> dict[str, float]:
    return {label: float(value) for label, value in zip(ids, values, strict=True)}
