"""How `ordito analyze` fails: one line on standard error, exit 2 for bad input, 1 otherwise.

Bad input (`BadInput`, with `Origin` and `library_errors`) is shared with the platform in
`ordito.analyses.files.errors`; what is the command's own (the exit codes of other failures, Ctrl-C,
out of memory) stays here.
"""

import gc
import os
from typing import IO, Any

import click

from ordito.analyses.files.errors import BadInput, Origin, Place, library_errors, one_line

__all__ = [
    "AnalysisCommand",
    "BadInput",
    "Failure",
    "Interrupted",
    "Origin",
    "Place",
    "library_errors",
]

DEBUG_VARIABLE = "ORDITO_DEBUG"


class Failure(click.ClickException):
    """Anything else that went wrong: exit status 1, one line on standard error."""

    exit_code = 1

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {one_line(self.format_message())}", err=True)


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
