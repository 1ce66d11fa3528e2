"""The results of `make bench` as Markdown: the machine, then one table per kind of benchmark.

Kept apart from the runner (benchmarks/run.py) so that a test can check the tables it writes from
sample figures, without running anything.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# One line of benchmarks/web/load.sh per page and connection count (percentiles.lua's format).
LOAD_LINE = re.compile(
    r"^(?P<page>/\S*)\s+c=(?P<connections>\d+)\s+rps=(?P<rps>[\d.]+)\s+p50_ms=(?P<p50>[\d.]+)"
    r"\s+p95_ms=(?P<p95>[\d.]+)\s+requests=(?P<requests>\d+)\s+errors=(?P<errors>\d+)\s*$"
)
# One line of benchmarks/web/queries.py per page.
QUERIES_LINE = re.compile(r"^(?P<page>/\S*)\s+status=(?P<status>\d+)\s+queries=(?P<queries>\d+)")
WEB_HEADER = ("page", "connections", "requests/s", "p50 ms", "p95 ms", "requests", "errors")
ANALYSIS_HEADER = ("benchmark", "figures (as the script prints them)", "wall time", "outcome")


@dataclass(frozen=True)
class Run:
    """What one benchmark script did: its name, printed lines, wall seconds and outcome."""

    name: str
    lines: tuple[str, ...]
    seconds: float
    outcome: str  # "ok", "failed (exit N)", "timed out after N s", "skipped: why"


def cell(value: object) -> str:
    """`value` as one Markdown table cell: pipes escaped, line breaks as <br>."""
    text = str(value).replace("|", "\\|")
    return "<br>".join(line.strip() for line in text.splitlines()) if "\n" in text else text


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table; every row must have one value per column."""
    lines = ["| " + " | ".join(cell(name) for name in header) + " |"]
    lines.append("|" + "|".join(" --- " for _ in header) + "|")
    for number, row in enumerate(rows, start=1):
        if len(row) != len(header):
            raise ValueError(f"row {number} has {len(row)} values for {len(header)} columns")
        lines.append("| " + " | ".join(cell(value) for value in row) + " |")
    return "\n".join(lines) + "\n"


def load_rows(output: str) -> list[tuple[str, ...]]:
    """The rows of the web table, from what benchmarks/web/load.sh printed."""
    rows = []
    for line in output.splitlines():
        if match := LOAD_LINE.match(line.strip()):
            rows.append(
                tuple(
                    match[name]
                    for name in ("page", "connections", "rps", "p50", "p95", "requests", "errors")
                )
            )
    return rows


def query_counts(output: str) -> dict[str, str]:
    """Per page, the SQL queries it costs, from what benchmarks/web/queries.py printed."""
    return {
        match["page"]: match["queries"]
        for line in output.splitlines()
        if (match := QUERIES_LINE.match(line.strip()))
    }


def results_document(facts: Mapping[str, object], analysis: Sequence[Run], web: Run | None) -> str:
    """The whole results file: the machine's facts, the analysis table and the web table."""
    parts = ["# Benchmark results\n", "Written by `make bench` (benchmarks/run.py).\n"]
    parts.append("## Machine\n")
    parts.append(markdown_table(("fact", "value"), list(facts.items())))
    parts.append("## Scripts (benchmarks/analysis/, benchmarks/people/, benchmarks/process/)\n")
    parts.append(
        markdown_table(
            ANALYSIS_HEADER,
            [
                (run.name, "\n".join(run.lines), f"{run.seconds:.0f} s", run.outcome)
                for run in analysis
            ],
        )
    )
    if web is not None:
        parts.append("## Web load (benchmarks/web/load.sh)\n")
        output = "\n".join(web.lines)
        queries = query_counts(output)
        if queries:
            parts.append(
                "SQL queries per page: "
                + ", ".join(f"`{page}` {count}" for page, count in queries.items())
                + ".\n"
            )
        rows = load_rows(output)
        if rows:
            parts.append(markdown_table(WEB_HEADER, rows))
        parts.append(
            "A page ending in `+token` was asked with a personal API token "
            "(`Authorization: Bearer …`), the others anonymously.\n"
        )
        parts.append(f"Outcome: {web.outcome}, {web.seconds:.0f} s in all.\n")
    return "\n".join(parts)
