"""Actors' strategies (MACTOR): balance of power, mobilisation, convergences and divergences.

From the actors' direct influences on one another (MID, 0 to 4) and their valued positions on
the objectives (2MAO, -4 to 4), the method weighs each actor's position by its power and shows
which objectives mobilise whom, and which pairs of actors agree or clash.

Formulas, as fixed by the "Definitions" of Ordito's issue #3 after Godet's manual (n actors):

- MIDI_ij = MID_ij + Σ_k min(MID_ik, MID_kj): direct influence plus the influence through one
  relay, as strong as the weaker of its two links; MIDI_ii is the actor's feedback on itself.
- influence I_i = Σ_{j≠i} MIDI_ij, dependence D_i = Σ_{j≠i} MIDI_ji.
- r_i = ((I_i - MIDI_ii) / Σ_k I_k) · I_i / (I_i + D_i), the feedback subtracted once more;
  R*_i = n · r_i / Σ_k r_k, whose mean is 1.
- 1MAO = sign(2MAO); 3MAO_ik = R*_i · 2MAO_ik.
- mobilisation of objective k: agreement = Σ of the positive 3MAO_ik, disagreement = Σ of the
  negative ones; implication of actor i = Σ_k |3MAO_ik|.
- convergence of order q between actors i ≠ j = ½ Σ_k (|qMAO_ik| + |qMAO_jk|) over the
  objectives where their positions have the same non-zero sign; divergence of order q the same
  over the objectives where the signs are opposite. Both have a zero diagonal; divergence is
  counted positive.

References
----------
.. [1] M. Godet, "Actors' moves and strategies: the MACTOR method. An air transport case study",
   *Futures* 23(6), 1991, pp. 605-622.
.. [2] M. Godet, *Creating Futures: Scenario Planning as a Strategic Management Tool*,
   Economica, 2001, chapter 6.
.. [3] J. Arcade, M. Godet, F. Meunier and F. Roubelat, "Structural analysis with the MICMAC
   method & Actors' strategy with MACTOR method", in *Futures Research Methodology*, AC/UNU
   Millennium Project, 1999.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ordito.analysis.arrays import as_labels, as_matrix, check_range, frozen
from ordito.analysis.errors import AnalysisInputError

MAX_INFLUENCE = 4
MAX_POSITION = 4
ORDERS = (1, 2, 3)


@dataclass(frozen=True, slots=True)
class MactorResult:
    """Power and positions of the actors, in the order of `actors` and `objectives`.

    `convergence`, `divergence` and `net_distance` hold one actor × actor matrix per order
    (1, 2, 3). The net distance of order q is convergence minus divergence: positive for
    actors who agree more than they clash, weighted as that order weighs positions.
    """

    actors: tuple[str, ...]
    objectives: tuple[str, ...]
    midi: np.ndarray
    influence: np.ndarray
    dependence: np.ndarray
    r: np.ndarray
    r_star: np.ndarray
    mao3: np.ndarray
    agreement: np.ndarray
    disagreement: np.ndarray
    implication: np.ndarray
    convergence: tuple[np.ndarray, np.ndarray, np.ndarray]
    divergence: tuple[np.ndarray, np.ndarray, np.ndarray]
    net_distance: tuple[np.ndarray, np.ndarray, np.ndarray]

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``ordito analyze mactor``."""
        actors = self.actors
        return {
            "actors": list(actors),
            "objectives": list(self.objectives),
            "midi": self.midi.astype(int).tolist(),
            "influence": dict(zip(actors, self.influence.astype(int).tolist(), strict=True)),
            "dependence": dict(zip(actors, self.dependence.astype(int).tolist(), strict=True)),
            "r": dict(zip(actors, self.r.tolist(), strict=True)),
            "r_star": dict(zip(actors, self.r_star.tolist(), strict=True)),
            "mao3": self.mao3.tolist(),
            "mobilisation": {
                objective: {"agreement": agreement, "disagreement": disagreement}
                for objective, agreement, disagreement in zip(
                    self.objectives,
                    self.agreement.tolist(),
                    self.disagreement.tolist(),
                    strict=True,
                )
            },
            "implication": dict(zip(actors, self.implication.tolist(), strict=True)),
            "convergence": {
                str(order): matrix.tolist()
                for order, matrix in zip(ORDERS, self.convergence, strict=True)
            },
            "divergence": {
                str(order): matrix.tolist()
                for order, matrix in zip(ORDERS, self.divergence, strict=True)
            },
        }


def mactor(
    mid: ArrayLike,
    positions: ArrayLike,
    *,
    actors: Sequence[str],
    objectives: Sequence[str],
) -> MactorResult:
    """Balance of power between actors and their convergences and divergences on objectives.

    Parameters
    ----------
    mid : array_like, shape (n, n)
        Integers from 0 to 4: ``mid[i, j]`` is the direct influence of actor ``i`` on actor
        ``j`` (0 none, 1 its operations, 2 its projects, 3 its missions, 4 its existence). The
        diagonal must be 0: an actor's hold on itself is its feedback, computed in MIDI.
    positions : array_like, shape (n, m)
        Integers from -4 to 4 (2MAO): the sign says whether actor ``i`` favours or opposes
        objective ``k``, the magnitude how much the objective matters to it.
    actors : sequence of str
        The n distinct actor ids, in the order of the rows of `mid` and `positions`.
    objectives : sequence of str
        The m distinct objective ids, in the order of the columns of `positions`.

    Returns
    -------
    MactorResult
        When no actor has any influence left once its feedback is subtracted (Σ r = 0), every
        actor weighs the same: R* = 1 for all. An actor with neither influence nor dependence
        has r = 0.

    Raises
    ------
    AnalysisInputError
        For a `mid` that is not square, is empty, has a value that is not an integer from 0 to
        4 (NaN included) or a non-zero diagonal; for `positions` without one row per actor or
        with a value that is not an integer from -4 to 4; for ids that do not match or repeat.
        The error names the argument and the position.

    Notes
    -----
    Σ_k min(MID_ik, MID_kj) is computed without a loop over k: for integers a, b >= 0,
    min(a, b) = Σ_{t=1..4} [a >= t][b >= t], so the sum is Σ_t A_t A_t with A_t = [MID >= t],
    four exact matrix products. Convergences and divergences are matrix products too: with
    P = [qMAO > 0], N = [qMAO < 0], Q+ = max(qMAO, 0) and Q- = max(-qMAO, 0), the same-sign sum
    Σ_k |qMAO_ik| [same sign] is Q+ P' + Q- N', and the opposite-sign one Q+ N' + Q- P'.

    Examples
    --------
    >>> result = mactor([[0, 2], [1, 0]], [[2, -1], [1, 3]], actors=["a", "b"],
    ...                 objectives=["x", "y"])
    >>> result.midi.tolist()
    [[1.0, 2.0], [1.0, 1.0]]
    >>> result.r_star.tolist()
    [2.0, 0.0]
    >>> result.convergence[0].tolist(), result.divergence[0].tolist()
    ([[0.0, 1.0], [1.0, 0.0]], [[0.0, 1.0], [1.0, 0.0]])
    """
    influences, valued, actor_ids, objective_ids = _checked(mid, positions, actors, objectives)
    size = influences.shape[0]

    midi = influences + _relay(influences)
    feedback = np.diagonal(midi)
    influence = midi.sum(axis=1) - feedback
    dependence = midi.sum(axis=0) - feedback
    r = _balance_of_power(influence, dependence, feedback)
    total = r.sum()
    r_star = size * r / total if total > 0 else np.ones(size)

    # Adding 0.0 turns the -0.0 of a powerless opponent (R* = 0) into 0.0.
    mao3 = r_star[:, np.newaxis] * valued + 0.0
    orders = (np.sign(valued), valued, mao3)
    pairs = [_convergence_divergence(matrix) for matrix in orders]
    return MactorResult(
        actors=actor_ids,
        objectives=objective_ids,
        midi=frozen(midi),
        influence=frozen(influence),
        dependence=frozen(dependence),
        r=frozen(r),
        r_star=frozen(r_star),
        mao3=frozen(mao3),
        agreement=frozen(np.maximum(mao3, 0).sum(axis=0)),
        disagreement=frozen(np.minimum(mao3, 0).sum(axis=0) + 0.0),
        implication=frozen(np.abs(mao3).sum(axis=1)),
        convergence=tuple(frozen(convergence) for convergence, _ in pairs),
        divergence=tuple(frozen(divergence) for _, divergence in pairs),
        net_distance=tuple(frozen(convergence - divergence) for convergence, divergence in pairs),
    )


def _checked(
    mid: ArrayLike, positions: ArrayLike, actors: Sequence[str], objectives: Sequence[str]
) -> tuple[np.ndarray, np.ndarray, tuple[str, ...], tuple[str, ...]]:
    influences = as_matrix(mid, argument="mid", square=True)
    size = influences.shape[0]
    if size == 0:
        raise AnalysisInputError("mid: expected at least one actor, got none.", argument="mid")
    check_range(influences, argument="mid", low=0, high=MAX_INFLUENCE, integers=True)
    loops = np.flatnonzero(np.diagonal(influences))
    if loops.size:
        index = int(loops[0])
        raise AnalysisInputError(
            f"mid: expected 0 on the diagonal (an actor's influence on itself), got "
            f"{influences[index, index]:g}.",
            argument="mid",
            position=(index, index),
        )
    valued = as_matrix(positions, argument="positions")
    if valued.shape[0] != size:
        raise AnalysisInputError(
            f"positions: expected one row per actor ({size}), got {valued.shape[0]} rows.",
            argument="positions",
        )
    check_range(valued, argument="positions", low=-MAX_POSITION, high=MAX_POSITION, integers=True)
    actor_ids = as_labels(actors, argument="actors", size=size)
    objective_ids = as_labels(objectives, argument="objectives", size=valued.shape[1])
    return influences, valued, actor_ids, objective_ids


def _relay(influences: np.ndarray) -> np.ndarray:
    """Σ_k min(MID_ik, MID_kj) for all i, j, as Σ_t A_t A_t with A_t = [MID >= t]."""
    relay = np.zeros_like(influences)
    for level in range(1, MAX_INFLUENCE + 1):
        reaches = (influences >= level).astype(float)
        relay += reaches @ reaches
    return relay


def _balance_of_power(
    influence: np.ndarray, dependence: np.ndarray, feedback: np.ndarray
) -> np.ndarray:
    """r_i = ((I_i - MIDI_ii) / Σ_k I_k) · I_i / (I_i + D_i); 0 where I_i + D_i = 0."""
    total = influence.sum()
    if total == 0:
        return np.zeros_like(influence)
    engaged = influence + dependence
    share = np.divide(influence, engaged, out=np.zeros_like(influence), where=engaged > 0)
    return (influence - feedback) / total * share


def _convergence_divergence(positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """½ Σ_k (|p_ik| + |p_jk|) over same-sign and over opposite-sign objectives; zero diagonals."""
    favour = np.maximum(positions, 0)
    oppose = np.maximum(-positions, 0)
    # [Q+ | Q-] against [P | N] gives the same-sign sums, against [N | P] the opposite-sign ones.
    weights = np.hstack([favour, oppose])
    same_signs = np.hstack([favour > 0, oppose > 0]).astype(float)
    opposite_signs = np.hstack([oppose > 0, favour > 0]).astype(float)
    same = weights @ same_signs.T
    opposite = weights @ opposite_signs.T
    convergence = 0.5 * (same + same.T)
    np.fill_diagonal(convergence, 0.0)
    # No position has the sign opposite to itself: the divergence diagonal is already 0.
    return convergence, 0.5 * (opposite + opposite.T)
