"""Writing a result: one JSON object, aligned text tables, or an XLSX workbook.

Nothing reaches standard output until the whole result is computed and rendered, so a failure
leaves standard output empty. A file named by --output is written to a temporary file beside it
and then renamed, so it is never left half-written.
"""

import functools
import json
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from ordito.analyses.files.sheets import result_sheets, sheets_text, workbook_save
from ordito.cli.analyze.errors import BadInput

FORMATS = ("json", "table", "xlsx")


@dataclass(frozen=True, slots=True)
class Report:
    """What a sub-command computed: the JSON object, and the ids labelling its matrices."""

    result: dict[str, Any]
    matrix_labels: Mapping[str, tuple[Sequence[str], Sequence[str]]] = field(default_factory=dict)


def output_options(command: Callable[..., Report]) -> Callable[..., None]:
    """Add --format and --output to a sub-command that returns a `Report`, and write it."""

    @click.option(
        "--format",
        "output_format",
        type=click.Choice(FORMATS),
        default="json",
        show_default=True,
        help="json: one JSON object; table: aligned text tables; xlsx: a workbook (needs --output).",
    )
    @click.option(
        "--output",
        metavar="FILE",
        help="Write the result to FILE instead of standard output.",
    )
    @functools.wraps(command)
    def run(*args: Any, output_format: str, output: str | None, **kwargs: Any) -> None:
        output_check(output_format=output_format, output=output)
        report = command(*args, **kwargs)
        report_write(report, output_format=output_format, output=output)

    return run


def output_check(*, output_format: str, output: str | None) -> None:
    """Refuse an impossible output before any input is read."""
    if output_format == "xlsx" and output is None:
        raise BadInput(
            "xlsx needs --output FILE: a workbook cannot go to standard output", source="--format"
        )
    if output is None:
        return
    path = Path(output)
    if path.is_dir():
        raise BadInput("is a directory, not a file", source=output)
    if not path.absolute().parent.is_dir():
        raise BadInput("its folder does not exist", source=output)


def report_write(report: Report, *, output_format: str, output: str | None) -> None:
    """Render the report as asked and write it to `output`, or to standard output."""
    # output_check has refused an xlsx without --output before any input was read.
    if output_format == "xlsx" and output is not None:
        sheets = result_sheets(report.result, matrix_labels=report.matrix_labels)
        _file_write(output, lambda path: workbook_save(sheets, path))
        return
    if output_format == "json":
        # allow_nan=False: the output is always valid JSON; a NaN would be a library bug.
        text = json.dumps(report.result, allow_nan=False) + "\n"
    else:
        text = sheets_text(result_sheets(report.result, matrix_labels=report.matrix_labels))
    if output is None:
        click.echo(text, nl=False)
    else:
        _file_write(output, lambda path: path.write_text(text, encoding="utf-8"))


def _file_write(output: str, write: Callable[[Path], object]) -> None:
    target = Path(output)
    try:
        handle, temporary = tempfile.mkstemp(dir=target.absolute().parent, prefix=".ordito-")
        os.close(handle)
        try:
            write(Path(temporary))
            # mkstemp creates the file for its owner only; give it the usual permissions.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
            os.replace(temporary, target)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError as error:
        raise BadInput(f"cannot write the file ({error.strerror})", source=output) from None
