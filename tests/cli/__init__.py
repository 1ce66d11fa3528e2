"""Tests of the `ordito` command line: the real console command, run in a subprocess.

`ordito(...)` runs `ordito` from the virtual environment of the running Python, with a clean
environment for the variables the command reads, and returns its exit code, stdout and stderr.
"""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
COMMAND = shutil.which("ordito", path=str(Path(sys.executable).parent))
# Variables the command reads: each test sets the ones it needs.
_COMMAND_VARIABLES = ("ORDITO_DEBUG", "ORDITO_MAX_INPUT_BYTES")


@dataclass(frozen=True)
class Run:
    """What one run of the command did."""

    code: int
    stdout: str
    stderr: str

    def json(self) -> dict[str, Any]:
        """The one JSON object of a successful run (and nothing else on stdout or stderr)."""
        assert (self.code, self.stderr) == (0, ""), self.stderr
        assert self.stdout.endswith("}\n") and self.stdout.count("\n") == 1, self.stdout
        return json.loads(self.stdout)


def ordito(*arguments: object, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run `ordito ARGUMENTS...` and wait for it."""
    assert COMMAND is not None, f"no `ordito` command beside {sys.executable}"
    environment = {k: v for k, v in os.environ.items() if k not in _COMMAND_VARIABLES}
    environment.update(env or {})
    completed = subprocess.run(
        [COMMAND, *(str(argument) for argument in arguments)],
        capture_output=True,
        encoding="utf-8",
        env=environment,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)


def refused(run: Run, line: str) -> None:
    """Assert a run refused bad input: status 2, exactly `line` on stderr, nothing on stdout."""
    assert (run.code, run.stderr, run.stdout) == (2, line + "\n", ""), run
