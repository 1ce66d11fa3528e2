"""The tables `make bench` writes (benchmarks/report.py), from sample figures: no timing here."""

import re

import pytest

from benchmarks.report import Run, load_rows, markdown_table, results_document

# What benchmarks/web/load.sh prints (queries.py's lines, then one wrk line per page and load).
LOAD_OUTPUT = """\
/p/bench/                        status=200 queries=6
/p/bench/projects/               status=200 queries=9
/p/bench/                        c=1   rps=412.3 p50_ms=2.3 p95_ms=3.1 requests=4123 errors=0
/p/bench/projects/               c=16  rps=95.0 p50_ms=160.2 p95_ms=240.9 requests=950 errors=2
/api/v1/me+token                       c=1   rps=300.5 p50_ms=3.2 p95_ms=4.0 requests=3005 errors=0
"""


def cells(line: str) -> list[str]:
    """The cells of one table line, splitting on the pipes that are not escaped."""
    assert line.startswith("| ") or line.startswith("|"), line
    assert line.endswith("|"), line
    return [part.strip() for part in re.split(r"(?<!\\)\|", line)[1:-1]]


def tables(document: str) -> list[list[list[str]]]:
    """Every table of a Markdown document, as rows of cells (header and separator included)."""
    found: list[list[list[str]]] = []
    previous = ""
    for line in document.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                found.append([])
            found[-1].append(cells(line))
        previous = line
    return found


def test_markdown_table_escapes_pipes_and_line_breaks_so_every_row_has_its_cells():
    table = markdown_table(
        ("benchmark", "figures"), [("mcda", "TOPSIS | vector\n  ordito 0.5 ms"), ("cpm", 3)]
    )
    rows = tables(table)[0]
    assert rows[0] == ["benchmark", "figures"]
    assert rows[1] == ["---", "---"]
    assert rows[2] == ["mcda", r"TOPSIS \| vector<br>ordito 0.5 ms"]
    assert rows[3] == ["cpm", "3"]
    assert table.count("\n") == 4


def test_markdown_table_refuses_a_row_with_a_missing_value():
    with pytest.raises(ValueError, match="row 2 has 1 values for 2 columns"):
        markdown_table(("a", "b"), [(1, 2), (3,)])


def test_load_rows_reads_wrks_lines_and_ignores_the_rest():
    assert load_rows(LOAD_OUTPUT) == [
        ("/p/bench/", "1", "412.3", "2.3", "3.1", "4123", "0"),
        ("/p/bench/projects/", "16", "95.0", "160.2", "240.9", "950", "2"),
        ("/api/v1/me+token", "1", "300.5", "3.2", "4.0", "3005", "0"),
    ]


def test_results_document_has_the_facts_and_one_well_formed_table_per_kind():
    analysis = [
        Run("bench_mcda", ("TOPSIS, vector", "  ordito 0.54 ms | pymcdm 0.60 ms"), 41.2, "ok"),
        Run("bench_smaa", (), 300.0, "timed out after 300 s"),
    ]
    web = Run("web", tuple(LOAD_OUTPUT.splitlines()), 152.0, "ok")
    facts = {"date": "2026-12-05 08:00 UTC", "cores": "2", "Python": "3.11.7", "commit": "abc1234"}

    document = results_document(facts, analysis, web)

    machine, benchmarks, load = tables(document)
    assert all(len(row) == len(rows[0]) for rows in (machine, benchmarks, load) for row in rows)
    assert dict(machine[2:]) == facts
    assert benchmarks[2] == [
        "bench_mcda",
        r"TOPSIS, vector<br>ordito 0.54 ms \| pymcdm 0.60 ms",
        "41 s",
        "ok",
    ]
    assert benchmarks[3][3] == "timed out after 300 s"
    assert load[0][:3] == ["page", "connections", "requests/s"]
    assert [row[0] for row in load[2:]] == ["/p/bench/", "/p/bench/projects/", "/api/v1/me+token"]
    assert "asked with a personal API token" in document
    assert "SQL queries per page: `/p/bench/` 6, `/p/bench/projects/` 9." in document
