"""`ordito export plan` and `ordito import plan`, run as the real command on a file database."""

import contextlib
import json
import sqlite3
from pathlib import Path

import pytest
import yaml

from tests.cli.conftest import row_counts, run
from tests.interop.documents import DOCUMENT_COUNTS, document


def plan_slugs(database: Path) -> list[str]:
    """The plans in the database, read directly: no command is trusted to check another."""
    with contextlib.closing(sqlite3.connect(database)) as connection:
        return [slug for (slug,) in connection.execute("SELECT slug FROM plans_plan ORDER BY slug")]


@pytest.fixture
def plan_file(tmp_path) -> Path:
    path = tmp_path / "torino.yaml"
    path.write_text(yaml.safe_dump(document(), allow_unicode=True), encoding="utf-8")
    return path


def test_import_plan_prints_the_report_and_a_summary(database, plan_file):
    result = run("import", "plan", str(plan_file), database=database)

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert {kind: counts["created"] for kind, counts in report["counts"].items()} == DOCUMENT_COUNTS
    assert result.stderr == f"{plan_file}: 25 created, 0 updated, 0 deleted, 0 unchanged\n"
    assert plan_slugs(database) == ["torino-2000", "torino-2006"]


def test_export_then_import_into_an_empty_database_gives_the_same_json(
    database, migrated_database, plan_file, tmp_path
):
    run("import", "plan", str(plan_file), database=database)
    exported = {}
    for slug in ("torino-2000", "torino-2006"):
        exported[slug] = tmp_path / f"{slug}.json"
        result = run("export", "plan", slug, "--output", str(exported[slug]), database=database)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    empty = tmp_path / "empty.sqlite3"
    with (
        contextlib.closing(sqlite3.connect(migrated_database)) as source,
        contextlib.closing(sqlite3.connect(empty)) as target,
    ):
        source.backup(target)

    for slug in ("torino-2000", "torino-2006"):
        assert run("import", "plan", str(exported[slug]), database=empty).returncode == 0
    again = run("export", "plan", "torino-2006", "--format", "json", database=empty)

    assert again.returncode == 0, again.stderr
    assert again.stdout == exported["torino-2006"].read_text(encoding="utf-8")


def test_import_plan_bad_file_names_every_problem_and_writes_nothing(database, tmp_path):
    bad = document()
    bad["plans"][1]["status"] = "aproved"
    bad["plans"][1]["projects"][0]["contributions"][0]["objective"] = "MOB 9"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")

    result = run("import", "plan", str(path), database=database)

    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f'error: {path}: plans[1].status: "aproved" is not one of: draft, consultation, '
        "approved, implementation, closed",
        f'error: {path}: plans[1].projects[0].contributions[0].objective: no objective "MOB 9" '
        "in plan torino-2006",
    ]
    assert result.stdout == ""  # no report: nothing was imported
    assert plan_slugs(database) == []


def test_import_plan_failing_over_existing_plans_prints_nothing_and_changes_no_row(
    database, plan_file, tmp_path
):
    assert run("import", "plan", str(plan_file), database=database).returncode == 0
    before = row_counts(database)
    changed = document()
    changed["plans"][1]["projects"][0]["title"] = {"it": "Un titolo nuovo"}  # would update a row
    changed["plans"][1]["projects"].append({**changed["plans"][1]["projects"][0], "code": ""})
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(changed), encoding="utf-8")

    result = run("import", "plan", str(path), database=database)

    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"error: {path}: plans[1].projects[")
    assert "Traceback" not in result.stderr
    assert row_counts(database) == before
    assert sum(before.values()) > 0


def test_import_plan_dry_run_reports_and_writes_nothing(database, plan_file):
    result = run("import", "plan", str(plan_file), "--dry-run", database=database)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["dry_run"] is True
    assert result.stderr.endswith("(dry run: nothing was written)\n")
    assert plan_slugs(database) == []


def test_import_plan_file_not_utf8_exits_2(database, tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: Città\n".encode("latin-1"))

    result = run("import", "plan", str(path), database=database)

    assert result.returncode == 2
    assert result.stderr == (
        f"error: {path}: the file is not UTF-8 text: byte 0xe0 at offset 11 cannot be decoded\n"
    )


def test_export_plan_unknown_slug_exits_2(database):
    result = run("export", "plan", "torino-2030", database=database)

    assert result.returncode == 2
    assert result.stderr == 'error: no plan "torino-2030" (the plans are: none)\n'
    assert result.stdout == ""


def test_export_plan_yaml_to_standard_output(database, plan_file):
    run("import", "plan", str(plan_file), database=database)

    result = run("export", "plan", "torino-2006", "--format", "yaml", database=database)

    assert result.returncode == 0, result.stderr
    exported = yaml.safe_load(result.stdout)
    assert exported["plans"][0]["projects"][0]["budget_eur"] == "12500000.00"


def test_import_plan_without_migrated_database_exits_1(tmp_path, plan_file):
    result = run("import", "plan", str(plan_file), database=tmp_path / "blank.sqlite3")

    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {plan_file}: the database failed: no such table")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "command", [("export",), ("export", "plan"), ("import",), ("import", "plan")]
)
def test_plan_command_help_ends_with_an_example(command, tmp_path):
    result = run(*command, "--help", database=tmp_path / "unused.sqlite3")

    assert result.returncode == 0
    description = result.stdout.split("Options:")[0]
    lines = [line.strip() for line in description.splitlines() if line.strip()]
    assert lines[-2] == "Example:"
    assert lines[-1].startswith(f"ordito {command[0]} plan ")
