"""How reading an analysis's tables fails: `BadInput` names the file, row and column.

Bad input is anything the user can fix in a file or an option: the message names the file (or the
option), and the file's own row and column (1-based, the header counted) where there is one. The
library's `AnalysisInputError` carries a position into the array it was given; `library_errors`
translates it back into the file's row and column through the `Origin` of each argument.
`BadInput` is a click exception so that `ordito analyze` prints it as one line and exits 2; the
platform shows `format_message()` beside the upload it came from.
"""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

import click

from ordito.analysis.errors import AnalysisInputError

Place = tuple[int | None, int | None]


def one_line(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


class BadInput(click.ClickException):
    """Input the user can fix: exit status 2, one line `error: SOURCE, row R, column C: message`."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        row: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.source = source
        self.row = row
        self.column = column

    def format_message(self) -> str:
        place = [] if self.source is None else [self.source]
        if self.row is not None:
            place.append(f"row {self.row}")
        if self.column is not None:
            place.append(f"column {self.column}")
        prefix = ", ".join(place)
        return one_line(f"{prefix}: {self.message}" if prefix else self.message)

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where one argument of a library call came from.

    `source` is the file (or option) the argument was read from; `place` turns the library's
    position into the file's (row, column), either of which may be None.
    """

    source: str
    place: Callable[[tuple[int, ...]], Place] | None = None

    def locate(self, position: tuple[int, ...] | None) -> Place:
        if position is None or self.place is None:
            return None, None
        try:
            return self.place(position)
        except IndexError:
            return None, None


@contextmanager
def library_errors(origins: Mapping[str, Origin], *, default: str) -> Iterator[None]:
    """Turn the library's `AnalysisInputError` into `BadInput` at the file's row and column.

    An error about an argument missing from `origins` names the `default` source only.
    """
    try:
        yield
    except AnalysisInputError as error:
        origin = origins.get(error.argument, Origin(default))
        row, column = origin.locate(error.position)
        located = row is not None or column is not None
        message = error.detail if located else str(error)
        raise BadInput(message, source=origin.source, row=row, column=column) from None
