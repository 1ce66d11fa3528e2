"""Labelled matrices: ids in the first row and the first column, values in between.

A square matrix (MICMAC, MACTOR's MID, AHP) repeats the header's ids down its first column, in the
same order. A rectangular one (MACTOR's positions) has its own row ids. Rows are parsed into a
numpy array as they are read, and a header that declares more than `MAX_IDS` ids is refused before
any other row is read, so an input that cannot fit in memory fails with a message, not a crash.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ordito.analyses.files.errors import BadInput, Origin, Place
from ordito.analyses.files.tables import CellError, Row, Scale, Table, table_open

# 20,000 ids make a square matrix of 3.2 GB of float64 numbers: the most one run may hold.
MAX_IDS = 20_000


@dataclass(frozen=True, slots=True)
class LabelledMatrix:
    """A matrix read from a file, with where each of its rows came from."""

    source: str
    row_ids: tuple[str, ...]
    column_ids: tuple[str, ...]
    values: np.ndarray
    header_row: int
    row_numbers: tuple[int, ...]

    def cell(self, position: tuple[int, ...]) -> Place:
        """The file's (row, column) of the value at `position` (row index, column index)."""
        row = self.row_numbers[position[0]]
        return row, (position[1] + 2 if len(position) > 1 else None)

    def column(self, position: tuple[int, ...]) -> Place:
        """The file's (row, column) of the column id at index `position[0]`."""
        return self.header_row, position[0] + 2

    def row_id(self, position: tuple[int, ...]) -> Place:
        """The file's (row, column) of the row id at index `position[0]`."""
        return self.row_numbers[position[0]], 1

    def values_origin(self) -> Origin:
        return Origin(self.source, self.cell)

    def rows_reordered(self, ids: Sequence[str], *, what: str, other: str) -> "LabelledMatrix":
        """This matrix with its rows in the order of `ids`, which must be its row ids exactly.

        `what` names a row id ("actor") and `other` the file `ids` come from, for messages.
        """
        index = {row_id: i for i, row_id in enumerate(self.row_ids)}
        wanted = set(ids)
        for i, row_id in enumerate(self.row_ids):
            if row_id not in wanted:
                raise BadInput(
                    f'the {what} "{row_id}" is not in {other}',
                    source=self.source,
                    row=self.row_numbers[i],
                    column=1,
                )
        missing = [row_id for row_id in ids if row_id not in index]
        if missing:
            raise BadInput(f'no row for the {what} "{missing[0]}" of {other}', source=self.source)
        order = [index[row_id] for row_id in ids]
        return LabelledMatrix(
            self.source,
            tuple(ids),
            self.column_ids,
            self.values[order],
            self.header_row,
            tuple(self.row_numbers[i] for i in order),
        )


def header_ids(table: Table, header: Row, *, what: str) -> tuple[str, ...]:
    """The distinct, non-empty ids after the first cell of the header row."""
    number, cells = header
    ids = tuple(cell.strip() for cell in cells[1:])
    if not ids:
        raise BadInput(f"expected {what} ids after the first cell", source=table.source, row=number)
    if len(ids) > MAX_IDS:
        raise BadInput(
            f"{len(ids):,} {what} ids, more than the {MAX_IDS:,} one analysis can hold in memory",
            source=table.source,
            row=number,
        )
    seen: dict[str, int] = {}
    for offset, label in enumerate(ids):
        column = offset + 2
        if not label:
            raise BadInput(
                f"the {what} id is empty", source=table.source, row=number, column=column
            )
        if label in seen:
            raise BadInput(
                f'the {what} id "{label}" appears twice (columns {seen[label]} and {column})',
                source=table.source,
                row=number,
                column=column,
            )
        seen[label] = column
    return ids


def row_values(
    table: Table, row: Row, *, width: int, scale: Scale, first_column: int = 2
) -> np.ndarray:
    """The `width` values of a row from `first_column` on; missing trailing cells are empty."""
    number, cells = row
    start = first_column - 1
    body = cells[start : start + width]
    if len(cells) > start + width:
        raise table.past_header(row, start + width + 1)
    body.extend([""] * (width - len(body)))
    try:
        return scale.values(body, decimal_comma=table.decimal_comma)
    except CellError as error:
        raise BadInput(
            str(error), source=table.source, row=number, column=first_column + error.offset
        ) from None


def matrix_read(source: str, *, scale: Scale, square: bool, what: str) -> LabelledMatrix:
    """Read a labelled matrix whose cells `scale` describes.

    `what` names an id ("variable", "actor") in messages. A square matrix must list the header's
    ids down its first column in the same order; a rectangular one, distinct row ids.
    """
    with table_open(source) as table:
        header = table.header()
        column_ids = header_ids(table, header, what=what)
        width = len(column_ids)
        # A square matrix is filled in place; a rectangular one grows by rows of numbers.
        filled = np.empty((width, width)) if square else None
        rows: list[np.ndarray] = []
        row_ids: list[str] = []
        row_numbers: list[int] = []
        seen: dict[str, int] = {}
        for row in table.rows:
            number, cells = row
            row_id = cells[0].strip()
            if square:
                _square_row_check(table, number, row_id, column_ids, len(row_ids))
            else:
                _row_id_check(table, number, row_id, seen)
            values = row_values(table, row, width=width, scale=scale)
            if filled is None:
                rows.append(values)
            else:
                filled[len(row_ids)] = values
            row_ids.append(row_id)
            row_numbers.append(number)
    if square and len(row_ids) < width:
        raise BadInput(
            f'the row of "{column_ids[len(row_ids)]}" is missing: the first column must repeat '
            "the ids of the header, in the same order",
            source=source,
        )
    if not row_ids:
        raise BadInput("no rows after the header", source=source)
    return LabelledMatrix(
        source,
        tuple(row_ids),
        column_ids,
        np.vstack(rows) if filled is None else filled,
        header[0],
        tuple(row_numbers),
    )


def _square_row_check(
    table: Table, number: int, row_id: str, column_ids: tuple[str, ...], index: int
) -> None:
    if index >= len(column_ids):
        raise BadInput(
            f"one row more than the {len(column_ids)} ids of the header: the matrix must be square",
            source=table.source,
            row=number,
        )
    if row_id != column_ids[index]:
        raise BadInput(
            f'expected the row of "{column_ids[index]}", got "{row_id}": the first column must '
            "repeat the ids of the header, in the same order",
            source=table.source,
            row=number,
            column=1,
        )


def _row_id_check(table: Table, number: int, row_id: str, seen: dict[str, int]) -> None:
    if not row_id:
        raise BadInput("the row id is empty", source=table.source, row=number, column=1)
    if row_id in seen:
        raise BadInput(
            f'the row id "{row_id}" appears twice (rows {seen[row_id]} and {number})',
            source=table.source,
            row=number,
            column=1,
        )
    seen[row_id] = number
