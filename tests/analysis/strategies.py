"""Hypothesis strategies shared by the multicriteria tests: decision problems and their parts.

Criterion values are whole numbers from 1 to 100 (as floats), so that every normalisation is
defined, differences are far above the 1e-12 tie tolerance, and a failing example is readable.
"""

from dataclasses import dataclass, replace

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays


@dataclass(frozen=True)
class Problem:
    """A decision problem as the multicriteria functions take it."""

    matrix: np.ndarray
    weights: np.ndarray
    directions: list[str]
    alternatives: list[str]
    criteria: list[str]

    def arguments(self) -> dict:
        """Keyword arguments for weighted_sum, topsis and promethee_ii (matrix apart)."""
        return {
            "weights": self.weights,
            "directions": self.directions,
            "alternatives": self.alternatives,
            "criteria": self.criteria,
        }

    def permuted(self, order: list[int]) -> "Problem":
        """The same problem with the alternatives (rows and ids) in `order`."""
        return replace(
            self,
            matrix=self.matrix[order],
            alternatives=[self.alternatives[i] for i in order],
        )


@st.composite
def problems(
    draw: st.DrawFn, *, min_alternatives: int = 2, max_alternatives: int = 8, max_criteria: int = 4
) -> Problem:
    """A decision problem with positive whole-number values and weights from 1 to 20."""
    rows = draw(st.integers(min_alternatives, max_alternatives))
    columns = draw(st.integers(1, max_criteria))
    matrix = draw(arrays(np.float64, (rows, columns), elements=st.integers(1, 100).map(float)))
    weights = draw(arrays(np.float64, columns, elements=st.integers(1, 20).map(float)))
    directions = draw(st.lists(st.sampled_from(["max", "min"]), min_size=columns, max_size=columns))
    return Problem(
        matrix=matrix,
        weights=weights,
        directions=directions,
        alternatives=[f"alt{i}" for i in range(rows)],
        criteria=[f"crit{j}" for j in range(columns)],
    )


@st.composite
def problems_with_a_dominated_alternative(draw: st.DrawFn) -> tuple[Problem, int]:
    """A problem and the index of an alternative strictly worse than another on every criterion."""
    problem = draw(problems(min_alternatives=1, max_alternatives=7))
    better = draw(st.integers(0, problem.matrix.shape[0] - 1))
    gaps = draw(arrays(np.float64, problem.matrix.shape[1], elements=st.integers(1, 30).map(float)))
    signs = np.where(np.array(problem.directions) == "max", -1.0, 1.0)
    worse_row = problem.matrix[better] + signs * gaps
    # Keep the values positive (the sum normalisation needs them so) by shifting every row.
    matrix = np.vstack([problem.matrix, worse_row])
    matrix = matrix - min(0.0, matrix.min()) + 1.0
    position = draw(st.integers(0, matrix.shape[0] - 1))
    order = list(range(matrix.shape[0] - 1))
    order.insert(position, matrix.shape[0] - 1)
    enlarged = replace(
        problem,
        matrix=matrix[order],
        alternatives=[f"alt{i}" for i in range(matrix.shape[0])],
    )
    return enlarged, position


def permutations_of(size: int) -> st.SearchStrategy[list[int]]:
    """A permutation of range(size)."""
    return st.permutations(list(range(size)))
