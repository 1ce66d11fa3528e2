"""Fixtures of the command-line tests: a migrated SQLite file database for each test."""

import contextlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ORDITO = Path(sys.executable).parent / "ordito"


def run(
    *arguments: str, database: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DEBUG": "true", **(env or {})}
    return subprocess.run(
        [str(ORDITO), *arguments], capture_output=True, text=True, env=env, timeout=120
    )


def row_counts(database: Path) -> dict[str, int]:
    """The number of rows of every table, read directly."""
    with contextlib.closing(sqlite3.connect(database)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            for table in tables
        }


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "migrated.sqlite3"
    result = run("manage", "migrate", "--no-input", "--verbosity", "0", database=path)
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def database(migrated_database, tmp_path) -> Path:
    """A fresh copy of the migrated database, for one test."""
    path = tmp_path / "ordito.sqlite3"
    with (
        contextlib.closing(sqlite3.connect(migrated_database)) as source,
        contextlib.closing(sqlite3.connect(path)) as target,
    ):
        source.backup(target)
    return path
