"""The DECISION table of `mcda` and `smaa`, and the POLICIES table of weight sets.

DECISION has a header `alternative,<criterion ids>`, then the rows `weight` and `direction` (`max`
or `min`), for PROMETHEE the optional rows `function`, `q`, `p` and `s`, in any order but before
the alternatives, then one row per alternative. POLICIES has a header `policy,<criterion ids>`
(the criteria of DECISION, in any order) and one weight set per row.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ordito.analyses.files.errors import BadInput, Origin, Place
from ordito.analyses.files.matrices import LabelledMatrix, header_ids, matrix_read, row_values
from ordito.analyses.files.tables import Row, Scale, Table, table_open

NUMBER_CELL = Scale("a number")
WEIGHT_CELL = Scale("a number zero or more", low=0)
THRESHOLD_CELL = Scale("a number zero or more, or empty (0)", low=0, empty=0.0)
DIRECTIONS = ("max", "min")
FUNCTIONS = ("usual", "u-shape", "v-shape", "level", "linear", "gaussian")
THRESHOLDS = ("q", "p", "s")
SETTING_ROWS = ("weight", "direction", "function", *THRESHOLDS)


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision table: the alternatives × criteria matrix and each criterion's settings."""

    matrix: LabelledMatrix
    weights: np.ndarray | None
    directions: tuple[str, ...]
    functions: tuple[str, ...] | None
    thresholds: dict[str, tuple[float, ...]]
    setting_rows: dict[str, int]

    @property
    def source(self) -> str:
        return self.matrix.source

    @property
    def alternatives(self) -> tuple[str, ...]:
        return self.matrix.row_ids

    @property
    def criteria(self) -> tuple[str, ...]:
        return self.matrix.column_ids

    def origins(self) -> dict[str, Origin]:
        """Where each library argument of a multicriteria method comes from."""

        def setting(name: str) -> Origin:
            row = self.setting_rows.get(name)
            if row is None:
                return Origin(self.source)
            return Origin(self.source, lambda position: (row, position[-1] + 2))

        origins = {
            "matrix": self.matrix.values_origin(),
            "alternatives": Origin(self.source, self.matrix.row_id),
            "criteria": Origin(self.source, self.matrix.column),
            "weights": setting("weight"),
            "directions": setting("direction"),
            "functions": setting("function"),
        }
        origins |= {name: setting(name) for name in THRESHOLDS}
        return origins


def decision_read(source: str, *, with_weights: bool) -> Decision:
    """Read a DECISION table; without `with_weights` a `weight` row may be present, and is ignored."""
    with table_open(source) as table:
        header = table.header()
        criteria = header_ids(table, header, what="criterion")
        width = len(criteria)
        settings: dict[str, Any] = {}
        setting_rows: dict[str, int] = {}
        rows: list[np.ndarray] = []
        alternatives: list[str] = []
        row_numbers: list[int] = []
        seen: dict[str, int] = {}
        for row in table.rows:
            number, cells = row
            name = cells[0].strip()
            if name.lower() in SETTING_ROWS:
                _setting_check(table, row, setting_rows, started=bool(alternatives))
                setting_rows[name.lower()] = number
                if with_weights or name.lower() != "weight":
                    settings[name.lower()] = _setting(table, row, name.lower(), width=width)
                continue
            if not name:
                raise BadInput("the alternative id is empty", source=source, row=number, column=1)
            if name in seen:
                raise BadInput(
                    f'the alternative "{name}" appears twice (rows {seen[name]} and {number})',
                    source=source,
                    row=number,
                    column=1,
                )
            seen[name] = number
            rows.append(row_values(table, row, width=width, scale=NUMBER_CELL))
            alternatives.append(name)
            row_numbers.append(number)
    if "direction" not in settings:
        raise BadInput('no "direction" row (max or min for each criterion)', source=source)
    if with_weights and "weight" not in settings:
        raise BadInput('no "weight" row (a weight for each criterion)', source=source)
    if not alternatives:
        raise BadInput("no alternatives after the settings rows", source=source)
    matrix = LabelledMatrix(
        source,
        tuple(alternatives),
        criteria,
        np.array(rows, dtype=float),
        header[0],
        tuple(row_numbers),
    )
    return Decision(
        matrix,
        settings.get("weight"),
        settings["direction"],
        settings.get("function"),
        {name: settings[name] for name in THRESHOLDS if name in settings},
        setting_rows,
    )


def _setting(table: Table, row: Row, name: str, *, width: int) -> Any:
    """The values of one settings row: weights, directions, functions or thresholds."""
    if name == "weight":
        return _weights(table, row, width=width)
    if name == "direction":
        return _words(table, row, width=width, choices=DIRECTIONS)
    if name == "function":
        return _words(table, row, width=width, choices=FUNCTIONS, empty="usual")
    return tuple(row_values(table, row, width=width, scale=THRESHOLD_CELL).tolist())


def _setting_check(table: Table, row: Row, seen: dict[str, int], *, started: bool) -> None:
    number, cells = row
    name = cells[0].strip()
    if started:
        raise BadInput(
            f'the row "{name}" must come before the alternatives',
            source=table.source,
            row=number,
            column=1,
        )
    if name.lower() in seen:
        raise BadInput(
            f'the row "{name}" appears twice (rows {seen[name.lower()]} and {number})',
            source=table.source,
            row=number,
            column=1,
        )


def _weights(table: Table, row: Row, *, width: int) -> np.ndarray:
    weights = row_values(table, row, width=width, scale=WEIGHT_CELL)
    if not weights.sum() > 0:
        raise BadInput(
            "the weights sum to zero: at least one must be positive",
            source=table.source,
            row=row[0],
        )
    return weights


def _words(
    table: Table, row: Row, *, width: int, choices: Sequence[str], empty: str | None = None
) -> tuple[str, ...]:
    number, cells = row
    if len(cells) > width + 1:
        raise table.past_header(row, width + 2)
    texts = [cell.strip() for cell in cells[1:]] + [""] * (width + 1 - len(cells))
    words = []
    expected = ", ".join(choices[:-1]) + " or " + choices[-1]
    for offset, text in enumerate(texts):
        word = text.lower() or empty
        if word not in choices:
            message = (
                f'"{text}" is not {expected}' if text else f"the cell is empty; expected {expected}"
            )
            raise BadInput(message, source=table.source, row=number, column=offset + 2)
        words.append(word)
    return tuple(words)


@dataclass(frozen=True, slots=True)
class Policies:
    """Named weight sets, with the weights in the order of DECISION's criteria."""

    names: tuple[str, ...]
    weights: np.ndarray
    origins: tuple[Origin, ...]


def policies_read(source: str, *, decision: Decision) -> Policies:
    """Read POLICIES: the criteria of `decision` as columns, one weight set per row."""
    read = matrix_read(source, scale=WEIGHT_CELL, square=False, what="criterion")
    for offset, criterion in enumerate(read.column_ids):
        if criterion not in decision.criteria:
            raise BadInput(
                f'"{criterion}" is not a criterion of {decision.source}',
                source=source,
                row=read.header_row,
                column=offset + 2,
            )
    for criterion in decision.criteria:
        if criterion not in read.column_ids:
            raise BadInput(
                f'no column for the criterion "{criterion}" of {decision.source}',
                source=source,
                row=read.header_row,
            )
    order = [read.column_ids.index(criterion) for criterion in decision.criteria]
    weights = read.values[:, order]
    origins = []
    for index, row in enumerate(read.row_numbers):
        if not weights[index].sum() > 0:
            raise BadInput(
                "the weights sum to zero: at least one must be positive", source=source, row=row
            )

        def place(position: tuple[int, ...], row: int = row) -> Place:
            return row, order[position[-1]] + 2

        origins.append(Origin(source, place))
    return Policies(read.row_ids, weights, tuple(origins))
