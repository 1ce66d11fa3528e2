"""`ordito analyze mcda`, `ahp` and `smaa`: alternative priority scales."""

from collections.abc import Callable
from typing import Any

import click
import numpy as np

from ordito.analyses.files.decision import Decision, decision_read, policies_read
from ordito.analyses.files.matrices import matrix_read
from ordito.analyses.files.tables import Scale
from ordito.analysis.smaa import MAX_SAMPLES
from ordito.cli.analyze.errors import AnalysisCommand, BadInput, Origin, library_errors
from ordito.cli.analyze.output import Report, output_options

METHODS = ("weighted_sum", "topsis", "promethee")
NORMALIZATIONS = ("minmax", "sum", "vector")
JUDGEMENT_CELL = Scale(
    "a positive number or fraction (such as 3 or 1/3)", low=0, above_low=True, fractions=True
)


@click.command(
    cls=AnalysisCommand,
    epilog="""\b
Example:
  ordito analyze mcda decision.csv --method topsis
  ordito analyze mcda decision.csv --method weighted_sum --normalization sum \\
      --policies policies.csv --format table""",
)
@click.argument("decision", metavar="DECISION")
@click.option("--method", type=click.Choice(METHODS), required=True, help="The method.")
@click.option(
    "--normalization",
    type=click.Choice(NORMALIZATIONS),
    help="weighted_sum: minmax (default) or sum; topsis: vector (default) or minmax; "
    "promethee works on raw differences.",
)
@click.option(
    "--policies",
    metavar="POLICIES",
    help="A table `policy,<criterion ids>` with one weight set per row, compared side by side.",
)
@output_options
def mcda(decision: str, method: str, normalization: str | None, policies: str | None) -> Report:
    """Rank alternatives: weighted sum, TOPSIS or PROMETHEE II.

    DECISION has a header `alternative,<criterion ids>`, then a row `weight`, a row `direction`
    (max or min for each criterion), for PROMETHEE the optional rows `function` (usual, u-shape,
    v-shape, level, linear, gaussian; empty is usual), `q`, `p` and `s` (empty is 0), then one
    row per alternative with its value on each criterion. Weights are divided by their sum. The
    `function`, `q`, `p` and `s` rows are ignored by the other methods.
    """
    if method == "promethee" and normalization is not None:
        raise BadInput(
            "does not apply to --method promethee, which works on raw differences",
            source="--normalization",
        )
    problem = decision_read(decision, with_weights=True)
    weight_sets = policies_read(policies, decision=problem) if policies else None
    run = _method(method, problem, normalization)
    origins = problem.origins() | {"normalization": Origin("--normalization")}
    with library_errors(origins, default=decision):
        result = run(problem.weights).to_dict()
    if weight_sets is None:
        return Report(result)
    from ordito.analysis.policies import policy_comparison

    scores = {}
    for name, weights, origin in zip(
        weight_sets.names, weight_sets.weights, weight_sets.origins, strict=True
    ):
        with library_errors(origins | {"weights": origin}, default=decision):
            policy_scores = run(weights).to_dict()["scores"]
        scores[name] = np.array([policy_scores[item] for item in problem.alternatives])
    with library_errors({}, default=policies or decision):
        comparison = policy_comparison(scores, alternatives=problem.alternatives)
    return Report(result | comparison.to_dict())


def _method(method: str, problem: Decision, normalization: str | None) -> Callable[[Any], Any]:
    """The chosen method as a function of the weights, the rest of the problem fixed."""
    common: dict[str, Any] = {
        "directions": problem.directions,
        "alternatives": problem.alternatives,
        "criteria": problem.criteria,
    }
    if normalization is not None:
        common["normalization"] = normalization
    if method == "weighted_sum":
        from ordito.analysis.weighted_sum import weighted_sum as analysis
    elif method == "topsis":
        from ordito.analysis.topsis import topsis as analysis
    else:
        from ordito.analysis.promethee import promethee_ii as analysis

        common["functions"] = problem.functions
        common |= {name: problem.thresholds.get(name) for name in ("q", "p", "s")}
    return lambda weights: analysis(problem.matrix.values, weights=weights, **common)


@click.command(
    cls=AnalysisCommand,
    epilog="""\b
Example:
  ordito analyze ahp pairwise.csv --format table""",
)
@click.argument("pairwise", metavar="PAIRWISE")
@output_options
def ahp(pairwise: str) -> Report:
    """Weights from pairwise comparisons (AHP): principal eigenvector, lambda max, CI and CR.

    PAIRWISE is square: the first row and the first column hold the criterion ids in the same
    order, and the cell in row A, column B says how much more A matters than B, a positive number
    or a fraction such as 1/3. The matrix must be reciprocal (B over A is 1 over A over B, within
    1 %).
    """
    read = matrix_read(pairwise, scale=JUDGEMENT_CELL, square=True, what="criterion")
    from ordito.analysis.ahp import ahp as ahp_analysis

    origins = {"pairwise": read.values_origin(), "labels": Origin(pairwise, read.column)}
    with library_errors(origins, default=pairwise):
        result = ahp_analysis(read.values, labels=read.column_ids)
    return Report(result.to_dict())


@click.command(
    cls=AnalysisCommand,
    epilog="""\b
Example:
  ordito analyze smaa decision.csv --samples 20000 --seed 7""",
)
@click.argument("decision", metavar="DECISION")
@click.option(
    "--samples",
    type=int,
    default=10_000,
    show_default=True,
    metavar="N",
    callback=lambda ctx, param, value: _samples_check(value),
    help=f"Number of weight vectors drawn, at most {MAX_SAMPLES:,} (a share's standard error "
    "is then below 0.0005).",
)
@click.option(
    "--seed",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    metavar="S",
    help="Seed of the random draws: the same seed gives the same result.",
)
@click.option(
    "--normalization",
    type=click.Choice(NORMALIZATIONS),
    default="minmax",
    show_default=True,
    help="How criteria are normalised before the weighted sum.",
)
@output_options
def smaa(decision: str, samples: int, seed: int, normalization: str) -> Report:
    """Rank acceptabilities, central weights and confidence factors (SMAA-2).

    DECISION is laid out as for `mcda`, but the weights are drawn uniformly on the simplex, so a
    `weight` row is optional and ignored. The alternatives are ranked by their weighted sum.
    """
    problem = decision_read(decision, with_weights=False)
    from ordito.analysis.smaa import smaa2

    origins = problem.origins() | {
        "samples": Origin("--samples"),
        "seed": Origin("--seed"),
        "normalization": Origin("--normalization"),
    }
    with library_errors(origins, default=decision):
        result = smaa2(
            problem.matrix.values,
            directions=problem.directions,
            alternatives=problem.alternatives,
            criteria=problem.criteria,
            samples=samples,
            seed=seed,
            normalization=normalization,
        )
    return Report(result.to_dict())


def _samples_check(samples: int) -> int:
    """Refuse a number of samples outside what the library draws, before any file is read."""
    if not 1 <= samples <= MAX_SAMPLES:
        raise BadInput(
            f"expected a whole number from 1 to {MAX_SAMPLES:,}, got {samples}", source="--samples"
        )
    return samples
