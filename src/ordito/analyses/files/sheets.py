"""A result's JSON object laid out as tables, for `--format table` and `--format xlsx`.

The layout follows the shape of the values, so every method's result reads the same way:
scalars go to a "summary" table; per-item values (id -> number or text) that share the same ids go
side by side in one table with one row per item, named after the id list they match; id -> object
becomes a table with the object's keys as columns; id -> list of numbers, one column per position;
matrices are labelled with the id lists the command names; lists of ids become columns of a
"lists" table; lists of groups one row per group; lists of objects one row per object. Groups are
numbered from 0, their position in the JSON list, which is how per-item values refer to them (the
network's `community`).
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

Scalar = str | int | float | bool | None

# Beyond this a float's digits stop being exact: larger whole numbers are shown to 6 digits too.
WHOLE_NUMBERS_IN_FULL_BELOW = 1e15


@dataclass(frozen=True, slots=True)
class Sheet:
    """One table: a title, a header and rows of scalars."""

    title: str
    header: tuple[str, ...]
    rows: list[tuple[Scalar, ...]]


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_matrix(value: list[Any]) -> bool:
    return (
        bool(value)
        and all(isinstance(row, list) and all(_is_number(x) for x in row) for row in value)
        and len({len(row) for row in value}) == 1
    )


def _joined(value: Any) -> Scalar:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return value if _is_scalar(value) else json.dumps(value)


@dataclass
class _Layout:
    """One walk through a result, sorting its values into the tables the module describes."""

    result: Mapping[str, Any]
    matrix_labels: Mapping[str, tuple[Sequence[str], Sequence[str]]]
    summary: list[tuple[Scalar, ...]] = field(default_factory=list)
    items: dict[tuple[str, ...], list[tuple[str, Mapping[str, Any]]]] = field(default_factory=dict)
    lists: list[tuple[str, list[Any]]] = field(default_factory=list)
    # Tables in the order they were met: a Sheet, or the ids of a group of per-item values.
    order: list[Sheet | tuple[str, ...]] = field(default_factory=list)

    def visit(self, path: str, value: Any) -> None:
        if _is_scalar(value):
            self.summary.append((path, value))
        elif isinstance(value, dict):
            self._visit_mapping(path, value)
        elif isinstance(value, list):
            self._visit_list(path, value)
        else:
            self.summary.append((path, json.dumps(value)))

    def _visit_mapping(self, path: str, value: dict[str, Any]) -> None:
        children = list(value.values())
        if not children:
            return
        if all(_is_scalar(child) for child in children):
            ids = tuple(value)
            if ids not in self.items:
                self.order.append(ids)
            self.items.setdefault(ids, []).append((path, value))
        elif all(
            child is None or (isinstance(child, dict) and all(map(_is_scalar, child.values())))
            for child in children
        ):
            keys = list(dict.fromkeys(key for child in children for key in (child or {})))
            rows = [
                (item, *((child or {}).get(key) for key in keys)) for item, child in value.items()
            ]
            self.order.append(Sheet(path, ("id", *keys), rows))
        elif _is_matrix(children):
            width = len(children[0])
            header = ("id", *(str(position) for position in range(1, width + 1)))
            self.order.append(Sheet(path, header, [(item, *row) for item, row in value.items()]))
        else:
            for key, child in value.items():
                self.visit(f"{path}/{key}", child)

    def _visit_list(self, path: str, value: list[Any]) -> None:
        if all(_is_scalar(item) for item in value):
            self.lists.append((path, value))
        elif _is_matrix(value):
            self.order.append(self._matrix(path, value))
        elif all(isinstance(item, list) and all(map(_is_scalar, item)) for item in value):
            rows = [(number, _joined(group)) for number, group in enumerate(value)]
            self.order.append(Sheet(path, ("group", "members"), rows))
        elif all(isinstance(item, dict) for item in value):
            self.order.append(self._records(path, [(None, item) for item in value]))
        elif all(
            isinstance(group, list) and all(isinstance(x, dict) for x in group) for group in value
        ):
            grouped = [(number, item) for number, group in enumerate(value) for item in group]
            self.order.append(self._records(path, grouped))
        else:
            self.summary.append((path, json.dumps(value)))

    def _matrix(self, path: str, value: list[list[Any]]) -> Sheet:
        row_labels, column_labels = self.matrix_labels.get(path.split("/")[0], ((), ()))
        if len(row_labels) != len(value):
            row_labels = [str(number) for number in range(1, len(value) + 1)]
        if len(column_labels) != len(value[0]):
            column_labels = [str(number) for number in range(1, len(value[0]) + 1)]
        rows = [(label, *row) for label, row in zip(row_labels, value, strict=True)]
        return Sheet(path, ("id", *column_labels), rows)

    def _records(self, path: str, records: list[tuple[int | None, dict[str, Any]]]) -> Sheet:
        keys = list(dict.fromkeys(key for _, record in records for key in record))
        grouped = any(number is not None for number, _ in records)
        header = ("group", *keys) if grouped else tuple(keys)
        rows = [
            ((number,) if grouped else ()) + tuple(_joined(record.get(key)) for key in keys)
            for number, record in records
        ]
        return Sheet(path, header, rows)

    def sheets(self) -> list[Sheet]:
        for key, value in self.result.items():
            self.visit(key, value)
        result = [Sheet("summary", ("key", "value"), self.summary)] if self.summary else []
        lists = dict(self.lists)
        for block in self.order:
            if isinstance(block, Sheet):
                result.append(block)
                continue
            columns = self.items[block]
            title = next((name for name, items in lists.items() if tuple(items) == block), None)
            if title is not None:
                del lists[title]
            header = ("id", *(name for name, _ in columns))
            rows = [(item, *(mapping[item] for _, mapping in columns)) for item in block]
            result.append(Sheet(title or columns[0][0], header, rows))
        if lists:
            length = max(len(items) for items in lists.values())
            rows = [
                tuple(items[i] if i < len(items) else None for items in lists.values())
                for i in range(length)
            ]
            result.append(Sheet("lists", tuple(lists), rows))
        return result


def result_sheets(
    result: Mapping[str, Any],
    *,
    matrix_labels: Mapping[str, tuple[Sequence[str], Sequence[str]]],
) -> list[Sheet]:
    """Lay a result's JSON object out as tables.

    `matrix_labels` names, for each top-level key holding matrices, the ids of their rows and
    columns; a matrix without them is numbered from 1.
    """
    return _Layout(result, matrix_labels).sheets()


def _text(value: Scalar) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        # Whole numbers in full (MICMAC's sums of powers run to millions), others to 6 digits.
        if value.is_integer() and abs(value) < WHOLE_NUMBERS_IN_FULL_BELOW:
            return str(int(value))
        return f"{value:.6g}"
    return str(value)


def _aligned(cells: Sequence[str], widths: Sequence[int], numeric: Sequence[bool]) -> str:
    padded = (
        cell.rjust(width) if is_number else cell.ljust(width)
        for cell, width, is_number in zip(cells, widths, numeric, strict=True)
    )
    return "  ".join(padded).rstrip()


def sheets_text(sheets: Sequence[Sheet]) -> str:
    """The tables as aligned text: a title line, the header, a rule, then the rows.

    Columns of numbers are aligned right, other columns left.
    """
    blocks = []
    for sheet in sheets:
        texts = [[_text(value) for value in row] for row in sheet.rows]
        numeric = [
            all(_is_number(row[i]) or row[i] is None for row in sheet.rows)
            for i in range(len(sheet.header))
        ]
        widths = [
            max([len(name), *(len(row[i]) for row in texts)]) for i, name in enumerate(sheet.header)
        ]
        rule = "  ".join("-" * width for width in widths)
        lines = [_aligned(row, widths, numeric) for row in [list(sheet.header), *texts]]
        blocks.append("\n".join([sheet.title, lines[0], rule, *lines[1:]]))
    return "\n\n".join(blocks) + "\n"


# Excel's limit on a sheet's title, and the characters a title may not hold.
_TITLE_LENGTH = 31
_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))


def workbook_save(sheets: Sequence[Sheet], path: "Path | IO[bytes]") -> None:
    """Write the sheets as an XLSX workbook to a path or a binary stream; ids stay text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    titles: set[str] = set()
    for sheet in sheets:
        worksheet = workbook.create_sheet(_title(sheet.title, titles))
        header = []
        for name in sheet.header:
            cell = WriteOnlyCell(worksheet, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", name))
            cell.data_type = "s"
            cell.font = bold
            header.append(cell)
        worksheet.append(header)
        for row in sheet.rows:
            cells = []
            for value in row:
                text = (
                    ILLEGAL_CHARACTERS_RE.sub("\ufffd", value) if isinstance(value, str) else value
                )
                cell = WriteOnlyCell(worksheet, value=text)
                # An id such as "=1+1" is text, never a formula: a file cannot inject formulas.
                if isinstance(text, str):
                    cell.data_type = "s"
                cells.append(cell)
            worksheet.append(cells)
    workbook.save(path)


def _title(title: str, taken: set[str]) -> str:
    """A distinct sheet title Excel accepts."""
    base = title.translate(_TITLE_FORBIDDEN).strip("'")[:_TITLE_LENGTH] or "sheet"
    candidate, number = base, 1
    while candidate.lower() in taken:
        number += 1
        suffix = f" ({number})"
        candidate = base[: _TITLE_LENGTH - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate
