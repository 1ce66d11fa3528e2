"""Reading the tables `ordito analyze` is given, as spreadsheets write them.

A table is a .csv, .tsv or .xlsx file (and, for lists of ids, a .txt file with one id a line).
CSV text may be UTF-8, UTF-8 with a byte-order mark, or Windows-1252, the encoding Excel uses for
"CSV" on Italian Windows: strict UTF-8 is tried first, then Windows-1252. The delimiter of a .csv
file is the comma or the semicolon, whichever the header line (outside quotes) holds more of. In a
semicolon-separated file the comma is the decimal separator ("0,5" is 0.5), as Excel writes numbers
in locales that use a decimal comma; in comma-separated files, TSV and XLSX the decimal separator is
the dot. Thousands separators are not read. An XLSX file is read from its first sheet.

Rows are yielded with the file's own row number (1-based, as a spreadsheet shows it); blank rows
and trailing blank cells are dropped. A file larger than ORDITO_MAX_INPUT_BYTES is refused before
anything is read from it.
"""

import codecs
import csv
import math
import os
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import IO

import numpy as np

from ordito.analyses.files.errors import BadInput

MAX_INPUT_VARIABLE = "ORDITO_MAX_INPUT_BYTES"
DEFAULT_MAX_INPUT_BYTES = 256 * 2**20
# An XLSX file is a zip archive: its sheets may expand to this many times the size limit, and no
# more, so a small "zip bomb" cannot exhaust the memory.
XLSX_EXPANSION = 16
TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx")
ID_LIST_SUFFIXES = (".txt", ".csv", ".tsv", ".xlsx")
_CHUNK_BYTES = 2**20
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_QUOTED = re.compile(r'"[^"]*"')

Row = tuple[int, list[str]]


@dataclass(frozen=True, slots=True)
class Table:
    """An open table: its name as the user gave it and its non-blank rows, header first.

    `written` holds, once the header has been read, its row number and how many cells it had
    as written, trailing blank cells included: a value beyond the header's last id is then told
    apart from a value below an empty id that ends the header (``v,A,``).
    """

    source: str
    decimal_comma: bool
    rows: Iterator[Row]
    written: list[tuple[int, int]] = field(default_factory=list)

    def header(self) -> Row:
        """The first non-blank row, or `BadInput` when the file has none."""
        for row in self.rows:
            return row
        raise BadInput("the file has no rows", source=self.source)

    def past_header(self, row: Row, column: int) -> BadInput:
        """The error for the value of `row` in `column` (1-based), past the header's last id.

        Every reader of a header of ids refuses such a value through this one method, so the
        message is the same whatever the table.
        """
        number, cells = row
        value = cells[column - 1].strip()
        if self.written and self.written[0][1] >= column:
            header_row = self.written[0][0]
            return BadInput(
                f'the header\'s id is empty, above "{value}" in row {number}',
                source=self.source,
                row=header_row,
                column=column,
            )
        return BadInput(
            f'"{value}" is beyond the last column of the header',
            source=self.source,
            row=number,
            column=column,
        )


def max_input_bytes() -> int:
    """The size limit of an input file, from ORDITO_MAX_INPUT_BYTES (default 256 MiB)."""
    text = os.environ.get(MAX_INPUT_VARIABLE, "").strip()
    if not text:
        return DEFAULT_MAX_INPUT_BYTES
    if not (text.isascii() and text.isdigit()) or int(text) == 0:
        raise BadInput(
            f'expected a positive number of bytes, got "{text}"', source=MAX_INPUT_VARIABLE
        )
    return int(text)


def input_check(source: str, *, suffixes: Sequence[str] = TABLE_SUFFIXES) -> Path:
    """Refuse a missing, empty, oversized or unknown kind of file before opening it."""
    path = Path(source)
    if path.is_dir():
        raise BadInput("is a directory, not a file", source=source)
    if not path.exists():
        raise BadInput("no such file", source=source)
    suffix = path.suffix.lower()
    if suffix not in suffixes:
        expected = ", ".join(suffixes[:-1]) + " or " + suffixes[-1]
        raise BadInput(f'expected a {expected} file, got "{path.name}"', source=source)
    size = path.stat().st_size
    limit = max_input_bytes()
    if size > limit:
        raise BadInput(
            f"the file has {size:,} bytes, more than the limit of {limit:,} bytes "
            f"(set {MAX_INPUT_VARIABLE} to change it)",
            source=source,
        )
    if size == 0:
        raise BadInput("the file is empty", source=source)
    return path


@contextmanager
def table_open(source: str, *, suffixes: Sequence[str] = TABLE_SUFFIXES) -> Iterator[Table]:
    """Open `source` for reading its rows; the file is closed when the block ends."""
    path = input_check(source, suffixes=suffixes)
    suffix = path.suffix.lower()
    written: list[tuple[int, int]] = []
    if suffix == ".xlsx":
        rows = _xlsx_rows(path, source, written)
        try:
            yield Table(source, decimal_comma=False, rows=rows, written=written)
        finally:
            rows.close()
        return
    try:
        file = path.open(encoding=_text_encoding(path, source), newline="")
    except OSError as error:
        raise BadInput(f"cannot read the file ({error.strerror})", source=source) from None
    with file:
        if suffix == ".txt":
            yield Table(source, decimal_comma=False, rows=_line_rows(file))
            return
        delimiter = "\t" if suffix == ".tsv" else _delimiter(file)
        rows = _csv_rows(file, delimiter, source, written)
        yield Table(source, decimal_comma=delimiter == ";", rows=rows, written=written)


def _text_encoding(path: Path, source: str) -> str:
    """UTF-8 (with or without a byte-order mark) if the bytes are valid UTF-8, else Windows-1252."""
    with path.open("rb") as file:
        head = file.read(4)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise BadInput(
                'UTF-16 text is not read; save the file as "CSV UTF-8" or as XLSX', source=source
            )
        file.seek(0)
        failure = _decoding_failure(file, "utf-8")
        if failure is None:
            return "utf-8-sig"
        if not head.startswith(codecs.BOM_UTF8):
            file.seek(0)
            failure = _decoding_failure(file, "cp1252")
            if failure is None:
                return "cp1252"
    row, byte = failure
    raise BadInput(
        f"byte 0x{byte:02x} is neither UTF-8 nor Windows-1252 text; save the file as "
        '"CSV UTF-8" or as XLSX',
        source=source,
        row=row,
    )


def _decoding_failure(file: IO[bytes], encoding: str) -> tuple[int, int] | None:
    """(row, byte) of the first byte that `encoding` cannot decode, or None, in constant memory."""
    decoder = codecs.getincrementaldecoder(encoding)()
    lines_before = 0
    while chunk := file.read(_CHUNK_BYTES):
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as error:
            return lines_before + error.object[: error.start].count(b"\n") + 1, error.object[
                error.start
            ]
        lines_before += chunk.count(b"\n")
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        return lines_before + 1, error.object[error.start]
    return None


def _delimiter(file: IO[str]) -> str:
    """The semicolon if the first non-blank line holds more of them than commas, else the comma."""
    line = ""
    while not line.strip():
        line = file.readline()
        if not line:
            break
    file.seek(0)
    unquoted = _QUOTED.sub("", line)
    return ";" if unquoted.count(";") > unquoted.count(",") else ","


def _trimmed(number: int, cells: list[str], written: list[tuple[int, int]]) -> list[str]:
    """`cells` without its trailing blank cells; the first non-blank row's width goes to `written`."""
    width = len(cells)
    while cells and not cells[-1].strip():
        cells.pop()
    if cells and not written:
        written.append((number, width))
    return cells


def _csv_rows(
    file: IO[str], delimiter: str, source: str, written: list[tuple[int, int]]
) -> Iterator[Row]:
    number = 0
    try:
        for number, cells in enumerate(csv.reader(file, delimiter=delimiter), start=1):
            if _trimmed(number, cells, written):
                yield number, cells
    except csv.Error as error:
        raise BadInput(f"not readable as CSV ({error})", source=source, row=number + 1) from None


def _line_rows(file: IO[str]) -> Iterator[Row]:
    for number, line in enumerate(file, start=1):
        text = line.rstrip("\r\n")
        if text.strip():
            yield number, [text]


def _xlsx_rows(path: Path, source: str, written: list[tuple[int, int]]) -> Iterator[Row]:
    from openpyxl import load_workbook

    _xlsx_expansion_check(path, source)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds of errors for a damaged workbook
        raise BadInput(f"not a readable XLSX workbook ({error})", source=source) from None
    number = 0
    try:
        sheet = workbook.worksheets[0]
        # The <dimension> a writer records may be wrong; without it every row is read.
        sheet.reset_dimensions()
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_xlsx_text(value) for value in values]
            if _trimmed(number, cells, written):
                yield number, cells
    except Exception as error:  # as above: a damaged sheet fails in many ways
        raise BadInput(
            f"not a readable XLSX sheet ({error})", source=source, row=number + 1
        ) from None
    finally:
        workbook.close()


def _xlsx_expansion_check(path: Path, source: str) -> None:
    limit = max_input_bytes() * XLSX_EXPANSION
    try:
        with zipfile.ZipFile(path) as archive:
            expanded = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise BadInput(f"not a readable XLSX workbook ({error})", source=source) from None
    if expanded > limit:
        raise BadInput(
            f"the workbook expands to {expanded:,} bytes, more than {XLSX_EXPANSION} times the "
            f"limit set by {MAX_INPUT_VARIABLE} ({limit:,} bytes)",
            source=source,
        )


def _xlsx_text(value: object) -> str:
    """A cell's value as the text a CSV export of it would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def number_parse(text: str, *, decimal_comma: bool) -> float | None:
    """The finite number `text` writes (stripped), or None.

    >>> number_parse("0,5", decimal_comma=True), number_parse("1,000", decimal_comma=False)
    (0.5, None)
    """
    if decimal_comma and "," in text:
        if "." in text:
            return None
        text = text.replace(",", ".")
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


class CellError(ValueError):
    """A cell that does not hold what its scale allows; `offset` is its index in the row given."""

    def __init__(self, message: str, *, offset: int = 0) -> None:
        super().__init__(message)
        self.offset = offset


class Scale:
    """What the cells of a matrix may hold, and their value.

    Parameters
    ----------
    description
        What a cell may hold, for messages: 'an integer from 0 to 3, "P" or empty'.
    low, high
        The bounds of a value, inclusive unless `above_low`.
    integers
        Whether a value must be a whole number.
    above_low
        Whether a value must be strictly greater than `low`.
    fractions
        Whether "a/b" is read as a divided by b (AHP judgements such as "1/3").
    empty
        The value of an empty cell; None refuses an empty cell.
    words
        Words a cell may hold (case-insensitive) and their value.
    """

    def __init__(
        self,
        description: str,
        *,
        low: float = -math.inf,
        high: float = math.inf,
        integers: bool = False,
        above_low: bool = False,
        fractions: bool = False,
        empty: float | None = None,
        words: Mapping[str, float] | None = None,
    ) -> None:
        self.description = description
        self.low, self.high = low, high
        self.integers, self.above_low, self.fractions = integers, above_low, fractions
        self.empty = empty
        self.words = {word.lower(): value for word, value in (words or {}).items()}
        # Exact cell texts with their value: the common cells are read by one dictionary look-up.
        self.known: dict[str, float] = {}
        for word, value in self.words.items():
            self.known[word] = self.known[word.upper()] = value
        if empty is not None:
            self.known[""] = empty
        if integers and math.isfinite(low) and math.isfinite(high) and high - low <= 100:
            for whole in range(int(low) + above_low, int(high) + 1):
                self.known[str(whole)] = float(whole)
                if whole > 0:
                    self.known[f"+{whole}"] = float(whole)
        # Cells that are all single digits in range (a MICMAC matrix) are read as one byte string.
        self.digits = integers and not above_low and 0 <= low <= high <= 9

    def value(self, text: str, *, decimal_comma: bool) -> float:
        """The value of one cell, or `CellError` saying what it should hold."""
        stripped = text.strip()
        if stripped in self.known:
            return self.known[stripped]
        if stripped.lower() in self.words:
            return self.words[stripped.lower()]
        if not stripped:
            raise CellError(f"the cell is empty; expected {self.description}")
        value = self._number(stripped, decimal_comma=decimal_comma)
        if (
            value is None
            or value < self.low
            or value > self.high
            or (self.above_low and value == self.low)
            or (self.integers and not value.is_integer())
        ):
            raise CellError(f'"{stripped}" is not {self.description}')
        return value

    def values(self, cells: Sequence[str], *, decimal_comma: bool) -> np.ndarray:
        """The values of a row of cells; `CellError.offset` locates the first bad one."""
        if self.digits:
            joined = "".join(cells)
            if len(joined) == len(cells) and joined.isascii():
                # Bytes below "0" wrap around to large numbers: they fail the range check too.
                codes = np.frombuffer(joined.encode("ascii"), dtype=np.uint8) - np.uint8(ord("0"))
                if codes.size and codes.min() >= self.low and codes.max() <= self.high:
                    return codes.astype(float)
        known = self.known
        try:
            return np.array([known[cell] for cell in cells], dtype=float)
        except KeyError:
            result = []
            for offset, cell in enumerate(cells):
                try:
                    result.append(self.value(cell, decimal_comma=decimal_comma))
                except CellError as error:
                    error.offset = offset
                    raise
            return np.array(result, dtype=float)

    def _number(self, text: str, *, decimal_comma: bool) -> float | None:
        if self.fractions and "/" in text:
            numerator, _, denominator = text.partition("/")
            top = number_parse(numerator.strip(), decimal_comma=decimal_comma)
            bottom = number_parse(denominator.strip(), decimal_comma=decimal_comma)
            if top is None or not bottom:
                return None
            return top / bottom
        return number_parse(text, decimal_comma=decimal_comma)
