"""docs/analysis.md stays true: every example it shows is run, and its output lines must be there.

Each ```console block holds one `$ ordito ...` command and what it prints. A line `...` marks a
cut: the lines between cuts must appear in the command's output in that order, each run of them
exactly as shown and contiguous. The commands run in docs/examples/analysis, on the files there.
"""

import re
import shlex
from pathlib import Path

import pytest

from tests.cli import ordito

DOCS = Path(__file__).resolve().parents[2] / "docs"
GUIDE = DOCS / "analysis.md"
EXAMPLES = DOCS / "examples" / "analysis"


def console_blocks() -> list[tuple[str, list[str]]]:
    """The guide's examples: each command and the lines shown after it."""
    blocks = re.findall(r"```console\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    examples = []
    for block in blocks:
        command, *shown = block.rstrip("\n").split("\n")
        assert command.startswith("$ ordito "), command
        examples.append((command.removeprefix("$ "), shown))
    return examples


def runs_of_lines(shown: list[str]) -> list[list[str]]:
    """The shown lines split at the `...` cuts, empty runs left out."""
    runs: list[list[str]] = [[]]
    for line in shown:
        if line == "...":
            runs.append([])
        else:
            runs[-1].append(line)
    return [run for run in runs if run]


def test_the_guide_shows_an_example_of_every_method():
    methods = {shlex.split(command)[2] for command, _ in console_blocks()}
    assert methods == {
        "micmac",
        "mactor",
        "mcda",
        "smaa",
        "ahp",
        "cpm",
        "network",
        "coherence",
        "opinion",
    }


@pytest.mark.parametrize(
    ("command", "shown"),
    console_blocks(),
    ids=[shlex.split(command)[2] for command, _ in console_blocks()],
)
def test_the_guide_example_prints_what_the_guide_shows(command, shown):
    run = ordito(*shlex.split(command)[1:], cwd=EXAMPLES)
    assert (run.code, run.stderr) == (0, ""), run.stderr
    printed = run.stdout.rstrip("\n").split("\n")
    position = 0
    for lines in runs_of_lines(shown):
        starts = [
            start
            for start in range(position, len(printed) - len(lines) + 1)
            if printed[start : start + len(lines)] == lines
        ]
        assert starts, "not printed, or not in this order:\n" + "\n".join(lines)
        position = starts[0] + len(lines)
    if shown and shown[-1] != "...":
        # Shown to its end: nothing printed after it.
        assert position == len(printed), "\n".join(printed[position:])
