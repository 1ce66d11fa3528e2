"""`ordito analyze micmac` and `ordito analyze mactor`: matrices of influences between ids."""

import math

import click
import numpy as np

from ordito.analyses.files.matrices import matrix_read
from ordito.analyses.files.tables import Scale
from ordito.cli.analyze.errors import AnalysisCommand, Origin, library_errors
from ordito.cli.analyze.output import Report, output_options

# A `P` cell (a potential influence) is read as NaN, then split off into the `potential` mask.
MICMAC_CELL = Scale(
    'an integer from 0 to 3, "P" or empty',
    low=0,
    high=3,
    integers=True,
    empty=0.0,
    words={"P": math.nan},
)
MID_CELL = Scale("an integer from 0 to 4 or empty", low=0, high=4, integers=True, empty=0.0)
POSITION_CELL = Scale("an integer from -4 to 4 or empty", low=-4, high=4, integers=True, empty=0.0)


@click.command(
    cls=AnalysisCommand,
    epilog="""\b
Example:
  ordito analyze micmac influences.csv
  ordito analyze micmac influences.xlsx --power 4 --format table""",
)
@click.argument("matrix", metavar="MATRIX")
@click.option(
    "--power",
    type=click.IntRange(min=1),
    metavar="K",
    help="Raise the matrix to K for the indirect classification "
    "(default: the first power at which both rankings stop changing).",
)
@output_options
def micmac(matrix: str, power: int | None) -> Report:
    """Structural analysis (MICMAC) of a cross-impact matrix.

    MATRIX is square: the first row and the first column hold the variable ids in the same order,
    and the cell in row A, column B says how strongly A influences B: an integer from 0 to 3, P
    for a potential influence, or empty (0). Indirect and potential sums too large for a float
    are shown divided by 10 to the power given in `sum_exponents` (0 otherwise).
    """
    read = matrix_read(matrix, scale=MICMAC_CELL, square=True, what="variable")
    potential = np.isnan(read.values)
    read.values[potential] = 0.0
    from ordito.analysis.micmac import micmac as micmac_analysis

    origins = {
        "matrix": read.values_origin(),
        "potential": read.values_origin(),
        "labels": Origin(matrix, read.column),
        "power": Origin("--power"),
    }
    with library_errors(origins, default=matrix):
        result = micmac_analysis(
            read.values,
            labels=read.column_ids,
            potential=potential if potential.any() else None,
            power=power,
        )
    return Report(result.to_dict())


@click.command(
    cls=AnalysisCommand,
    epilog="""\b
Example:
  ordito analyze mactor mid.csv positions.csv --format xlsx --output actors.xlsx""",
)
@click.argument("mid", metavar="MID")
@click.argument("positions", metavar="POSITIONS")
@output_options
def mactor(mid: str, positions: str) -> Report:
    """Actors' strategies (MACTOR): balance of power, convergences and divergences.

    MID is a square actor matrix like MICMAC's: the cell in row A, column B is A's direct
    influence on B, an integer from 0 to 4 (empty is 0). POSITIONS has the objective ids in its
    first row and the actor ids in its first column (the actors of MID, in any order); each cell
    is the actor's valued position on the objective, an integer from -4 to 4 (empty is 0).
    """
    influences = matrix_read(mid, scale=MID_CELL, square=True, what="actor")
    actors = influences.column_ids
    stances = matrix_read(positions, scale=POSITION_CELL, square=False, what="objective")
    stances = stances.rows_reordered(actors, what="actor", other=mid)
    from ordito.analysis.mactor import mactor as mactor_analysis

    origins = {
        "mid": influences.values_origin(),
        "positions": stances.values_origin(),
        "actors": Origin(mid, influences.column),
        "objectives": Origin(positions, stances.column),
    }
    with library_errors(origins, default=mid):
        result = mactor_analysis(
            influences.values, stances.values, actors=actors, objectives=stances.column_ids
        )
    pairs = (actors, actors)
    labels = {
        "midi": pairs,
        "mao3": (actors, stances.column_ids),
        "convergence": pairs,
        "divergence": pairs,
    }
    return Report(result.to_dict(), labels)
