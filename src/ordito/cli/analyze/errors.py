"""How `ordito analyze` fails: one line on standard error, exit 2 for bad input, 1 otherwise.

Bad input is anything the user can fix in a file or an option: the line names the file (or the
option), and the file's own row and column (1-based, the header counted) where there is one. The
library's `AnalysisInputError` carries a position into the array it was given; `library_errors`
translates it back into the file's row and column through the `Origin` of each argument.
"""

import gc
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

import click

from ordito.analysis.errors import AnalysisInputError

DEBUG_VARIABLE = "ORDITO_DEBUG"

Place = tuple[int | None, int | None]


def _one_line(text: str) -> str:
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
        return _one_line(f"{prefix}: {self.message}" if prefix else self.message)

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


class Failure(click.ClickException):
    """Anything else that went wrong: exit status 1, one line on standard error."""

    exit_code = 1

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {_one_line(self.format_message())}", err=True)


class Interrupted(Failure):
    """Ctrl-C: exit status 130 (128 + SIGINT, as shells report it), one line on standard error."""

    exit_code = 130


class AnalysisCommand(click.Command):
    """A sub-command whose usage errors and unexpected failures fit on one line.

    Usage errors (a missing argument, an option out of range) become `BadInput`. Ctrl-C becomes
    `Interrupted`. Any other exception becomes a one-line `Failure`, unless ORDITO_DEBUG=1 asks
    for the traceback.
    """

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            raise BadInput(f"{error.format_message()} (see --help)") from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            raise Interrupted("interrupted; nothing was written") from None
        except MemoryError:
            pass  # answered below, once the memory is free again
        except Exception as error:
            if os.environ.get(DEBUG_VARIABLE) == "1":
                raise
            raise Failure(
                f"unexpected failure: {type(error).__name__}: {error} "
                f"(set {DEBUG_VARIABLE}=1 to see the traceback)"
            ) from None
        # Out of memory. Inside the except clause the traceback keeps alive every frame of the
        # analysis, and with them the arrays that filled the memory, so building the message
        # there failed in turn (a chain of MemoryError tracebacks). The clause has ended: the
        # frames are gone, and collecting their cycles hands the memory back.
        gc.collect()
        raise Failure("not enough memory for this input; try a smaller file")


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
