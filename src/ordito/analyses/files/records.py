"""Tables of records (one item per row, columns found by their names) and lists of ids."""

from collections.abc import Sequence
from dataclasses import dataclass

from ordito.analyses.files.errors import BadInput, Origin, Place
from ordito.analyses.files.tables import ID_LIST_SUFFIXES, CellError, Row, Scale, Table, table_open


@dataclass(frozen=True, slots=True)
class Columns:
    """Where the named columns of a table are: name -> 0-based index into a row's cells."""

    table: Table
    index: dict[str, int]

    def text(self, row: Row, name: str) -> str:
        """The stripped text of the named column in `row` ("" when the row stops before it)."""
        at = self.index.get(name)
        cells = row[1]
        return cells[at].strip() if at is not None and at < len(cells) else ""

    def required(self, row: Row, name: str) -> str:
        """The text of the named column, refusing an empty cell."""
        text = self.text(row, name)
        if not text:
            raise BadInput(f"the {name} is empty", **self.place(row, name))
        return text

    def value(self, row: Row, name: str, scale: Scale) -> float:
        """The value of the named column's cell on `scale`."""
        try:
            return scale.value(self.text(row, name), decimal_comma=self.table.decimal_comma)
        except CellError as error:
            raise BadInput(f"{name}: {error}", **self.place(row, name)) from None

    def place(self, row: Row, name: str) -> dict[str, str | int]:
        """`BadInput` keywords naming the file, the row and the named column."""
        return {"source": self.table.source, "row": row[0], "column": self.index[name] + 1}


def columns_find(
    table: Table, header: Row, *, required: Sequence[str], optional: Sequence[str] = ()
) -> Columns:
    """Find the named columns in the header (case and surrounding spaces ignored).

    Other columns are ignored, so a spreadsheet may keep notes beside the data.
    """
    number, cells = header
    index: dict[str, int] = {}
    wanted = (*required, *optional)
    for at, cell in enumerate(cells):
        name = cell.strip().lower()
        if name in wanted:
            if name in index:
                raise BadInput(
                    f'the column "{name}" appears twice (columns {index[name] + 1} and {at + 1})',
                    source=table.source,
                    row=number,
                    column=at + 1,
                )
            index[name] = at
    for name in required:
        if name not in index:
            raise BadInput(
                f'no column "{name}" in the header (expected the columns {", ".join(wanted)})',
                source=table.source,
                row=number,
            )
    return Columns(table, index)


@dataclass(frozen=True, slots=True)
class IdList:
    """A list of ids read one a line, with the file's row of each."""

    source: str
    ids: tuple[str, ...]
    row_numbers: tuple[int, ...]

    members: frozenset[str]

    def __contains__(self, label: object) -> bool:
        return label in self.members

    def origin(self) -> Origin:
        def place(position: tuple[int, ...]) -> Place:
            return self.row_numbers[position[0]], 1

        return Origin(self.source, place)


def id_list_read(source: str, *, what: str) -> IdList:
    """Read distinct ids, one a line, no header: a .txt file, or the first column of a table.

    `what` names an id ("objective") in messages.
    """
    ids: list[str] = []
    row_numbers: list[int] = []
    seen: dict[str, int] = {}
    with table_open(source, suffixes=ID_LIST_SUFFIXES) as table:
        for number, cells in table.rows:
            label = cells[0].strip()
            if not label or len(cells) > 1:
                raise BadInput(
                    f"expected one {what} id a line in the first column",
                    source=source,
                    row=number,
                    column=1 if not label else 2,
                )
            if label in seen:
                raise BadInput(
                    f'the {what} id "{label}" appears twice (rows {seen[label]} and {number})',
                    source=source,
                    row=number,
                    column=1,
                )
            seen[label] = number
            ids.append(label)
            row_numbers.append(number)
    return IdList(source, tuple(ids), tuple(row_numbers), frozenset(ids))
