"""Writes of the analyses: the files of a plan's inputs to an analysis, for `ordito analyze`."""

import shlex
from pathlib import Path
from typing import Any

from ordito.analyses import selectors
from ordito.plans.models import Plan


class DirectoryUnusable(Exception):
    """The directory asked for cannot hold the files; the message says why."""


def analysis_files_write(
    *, plan: Plan, name: str, directory: Path, **options: Any
) -> tuple[list[Path], str]:
    """Write the plan's inputs to the analysis `name` into `directory` (created if missing) in
    the formats `ordito analyze` reads; return the files written and the command line that
    reproduces the result from them.

    `selectors.InputsMissing` when the plan lacks the inputs; `DirectoryUnusable` when the
    directory is a file or cannot be written. Files of the same names are replaced.
    """
    inputs = selectors.analysis_inputs(plan=plan, name=name, **options)
    files = inputs.files()
    if directory.exists() and not directory.is_dir():
        raise DirectoryUnusable(f"{directory}: is a file, not a directory")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for file_name, text in files.items():
            (directory / file_name).write_text(text, encoding="utf-8")
    except OSError as error:
        raise DirectoryUnusable(f"{directory}: cannot write the files ({error.strerror})") from None
    paths = [directory / file_name for file_name in files]
    return paths, shlex.join(inputs.command_line(str(directory)))
